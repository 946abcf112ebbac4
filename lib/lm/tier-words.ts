/**
 * Words of official prose that the typo tier must treat as known, and that the shared lexicon does not
 * hold: recent policy coinages and verb–object abbreviations (施策 of 因城施策 and 精准施策, 纾困, 稳岗, 惠企)
 * that the general-purpose model (open-gram, jieba) lacks. Read as two stray characters, a right one is
 * "mended" into a common word (因城施策 → 城市). They are the tier's alone: in lib/lexicon a verb 施策
 * made 因村施策 a phrase with a known half, so the 的/地/得 rule no longer read it as a manner phrase.
 * The tier leaves them as written (protected, like the corpus's phrasings) and scores them as common
 * words; only those the model lacks are used (genreWords in tier.ts).
 */
export const TIER_WORDS: readonly string[] = [
  // Verb–object abbreviations of policy: 因地施策, 精准施策; 纾困解难; 稳岗扩岗; 保供稳价; 控辍保学.
  '施策', '纾困', '稳岗', '扩岗', '保供', '稳价', '控辍', '保学', '提标', '扩面', '降费', '留工',
  // Helping firms and villages: 惠企政策, 助企纾困, 暖企, 稳企; 兴村强村, 驻村工作队, 包保责任.
  '惠企', '助企', '暖企', '稳企', '兴村', '强村', '驻村', '包保',
  // Supervision and discipline: 追责问责, 纠治四风, 查纠整改, 严管厚爱, 联审联办, 互认共享, 提级办理, 对账销号.
  '追责', '纠治', '查纠', '严管', '联审', '互认', '提级', '销号',
  // Governance: 共建共治共享, 网格化管理, 网格员, 楼栋长, 容缺受理, 跨省通办, 吹哨报到, 河长制, 林长制, 放管服, 接诉即办.
  '共治', '网格化', '网格员', '楼栋', '容缺', '通办', '吹哨', '河长制', '林长制', '放管服', '接诉即办',
  // Industry and climate: 补链强链延链, 链长制, 链主企业, 揭榜挂帅, 双碳, 碳达峰, 碳中和; 防返贫监测.
  '补链', '强链', '延链', '链长', '链主', '揭榜挂帅', '双碳', '碳达峰', '碳中和', '防返贫',
  // Set phrasings of style: 走深走实, 落细落小, 亲清政商关系.
  '走深', '走实', '落小', '亲清',
];
