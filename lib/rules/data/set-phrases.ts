/**
 * Set phrases (规范提法 and fixed collocations) and the wrong forms people actually write.
 *
 * Sources: the official wording of the phrases (党章, reports of the 19th/20th National Congress,
 * 《关于新形势下党内政治生活的若干准则》 etc.), published proof-reading notes for 公文 (e.g. “全会会议精神”
 * “党的二十大会议精神” listed as redundant forms; “总揽全局” kept as is), the Wengao seed essays
 * (tests/fixtures/seeds: 解决后顾之忧, 肝胆俱全, 争先创优) and common pinyin-IME / near-form slips
 * (homophones such as 以身做则, 事实求是, 如火如茶). Curated by hand.
 *
 * Rules for an entry (checked by tests/unit/rules/set-phrase.test.ts):
 * - A wrong form must never occur in correct text: no wrong form is a substring of its correct form,
 *   of any canonical phrase, or of any listed exception, and clean corpora (seeds, ecspell targets)
 *   must not contain it. When a wrong form can be part of a correct longer string, list that string in
 *   `exceptions`.
 * - `certain` (reported as error): a slip with only one possible reading. `likely` (warning): the
 *   standard form is clear but the written form is also seen in print, or the fix changes wording.
 * - Variants that are legitimate in some styles are NOT listed, with the reason in a comment.
 */

export type Confidence = 'certain' | 'likely';

export interface PhraseVariant {
  /** The wrong string, matched exactly. */
  wrong: string;
  /** What replaces `wrong`; defaults to the entry's canonical form. */
  right?: string;
  /** Overrides the entry's confidence. */
  confidence?: Confidence;
}

export interface PhrasePattern {
  /** Literal prefix the matcher looks for; the regex runs only where the anchor occurs. */
  anchor: string;
  /** Regex source, matched at the anchor (sticky). Must itself start with the anchor. */
  regex: string;
  /** Replacement for the whole regex match; defaults to the canonical form. */
  right?: string;
}

export interface SetPhrase {
  /** The standard form (shown in messages). */
  canonical: string;
  /** Wrong forms: a string means “replace with canonical”. */
  variants?: readonly (string | PhraseVariant)[];
  /** Truncated or garbled forms found by a small regex; a match equal to canonical is ignored. */
  patterns?: readonly PhrasePattern[];
  /**
   * Fixed-order enumerations: every other order of these items joined by “、” is a wrong form
   * (replaced by the canonical order).
   */
  order?: readonly string[];
  /** Correct strings containing a wrong form: a wrong form inside one of them is not reported. */
  exceptions?: readonly string[];
  /** Chinese, user-facing: why the canonical form is right. */
  note: string;
  confidence: Confidence;
}

export const SET_PHRASES: readonly SetPhrase[] = [
  // ── Seed errors ─────────────────────────────────────────────────────────────────────────────
  {
    canonical: '解除后顾之忧',
    variants: ['解决后顾之忧'],
    note: '“后顾之忧”是忧虑，宜说“解除（消除）后顾之忧”，不说“解决后顾之忧”',
    confidence: 'likely',
  },
  {
    canonical: '麻雀虽小，五脏俱全',
    variants: [
      { wrong: '肝胆俱全', right: '五脏俱全' },
      { wrong: '五脏具全', right: '五脏俱全' },
      { wrong: '五脏惧全', right: '五脏俱全' },
    ],
    note: '俗语为“麻雀虽小，五脏俱全”',
    confidence: 'certain',
  },
  {
    canonical: '创先争优',
    variants: ['争先创优', { wrong: '创先争忧', confidence: 'certain' }],
    note: '规范提法为“创先争优”（创建先进基层党组织、争当优秀共产党员）',
    confidence: 'likely',
  },

  // ── 规范提法 ───────────────────────────────────────────────────────────────────────────────
  {
    canonical: '三会一课',
    variants: ['三会一科', '三汇一课'],
    note: '“三会一课”指支部党员大会、支部委员会、党小组会和按时上好党课',
    confidence: 'certain',
  },
  {
    canonical: '民主集中制',
    variants: [
      '民主集中治',
      // “民主集中原则” drops 制; “民主集中制原则” is the standard wording. Seen in print, so a warning.
      { wrong: '民主集中原则', right: '民主集中制原则', confidence: 'likely' },
    ],
    note: '党的根本组织原则是“民主集中制”，其原则称“民主集中制原则”',
    confidence: 'certain',
  },
  {
    canonical: '先锋模范作用',
    variants: [
      '先锋模范做用',
      { wrong: '先锋模范带头做用', right: '先锋模范带头作用' },
      { wrong: '先峰模范', right: '先锋模范' },
      { wrong: '先锋摸范', right: '先锋模范' },
    ],
    note: '规范提法为“发挥党员的先锋模范作用”（先锋，不作“先峰”；作用，不作“做用”）',
    confidence: 'certain',
  },
  {
    canonical: '战斗堡垒作用',
    variants: [
      '战斗堡垒做用',
      { wrong: '战斗壁垒', right: '战斗堡垒' },
      { wrong: '战斗保垒', right: '战斗堡垒' },
    ],
    note: '规范提法为“发挥基层党组织的战斗堡垒作用”（堡垒，不作“壁垒”“保垒”）',
    confidence: 'certain',
  },
  {
    canonical: '习近平新时代中国特色社会主义思想',
    variants: ['习近平总书记新时代中国特色社会主义思想'],
    patterns: [
      // Truncated or garbled middles: 社会思想, 特色主义, 新时期 … A match made only of the characters of
      // 中国特色社会主义 then 思想; so 习近平新时代中国特色社会主义经济思想 / 外交思想 (official names) never match.
      // 新时代中国特色社会主义思想 without 习近平 is legitimate (“创立了新时代中国特色社会主义思想”): not flagged.
      { anchor: '习近平新时', regex: '习近平新时[代期][中国特色社会主义]{2,12}思想' },
    ],
    note: '规范全称为“习近平新时代中国特色社会主义思想”，不得增减或改动字词',
    confidence: 'certain',
  },
  {
    canonical: '“三个代表”重要思想',
    variants: ['三个代表重要思想'],
    // Already inside quotes (“三个代表重要思想”): the fix would nest quotes; leave it alone.
    exceptions: ['“三个代表重要思想', '‘三个代表重要思想', '"三个代表重要思想', "'三个代表重要思想", '「三个代表重要思想'],
    note: '规范写法为“‘三个代表’重要思想”，“三个代表”须加引号',
    confidence: 'certain',
  },
  {
    // 不忘初心，牢记使命 (comma) is the wording of the 19th Congress report’s theme sentence and common in
    // running text, so it is accepted; only the name of the 主题教育 campaign is fixed as 不忘初心、牢记使命.
    canonical: '不忘初心、牢记使命',
    variants: [
      { wrong: '不忘初心，牢记使命”主题教育', right: '不忘初心、牢记使命”主题教育', confidence: 'likely' },
      { wrong: '牢记史命', right: '牢记使命' },
      { wrong: '不忘出心', right: '不忘初心' },
      { wrong: '不望初心', right: '不忘初心' },
    ],
    note: '“不忘初心、牢记使命”主题教育的名称中用顿号；“初心”“使命”不可写错',
    confidence: 'certain',
  },
  {
    canonical: '两学一做',
    variants: ['两学一作'],
    note: '“两学一做”指学党章党规、学系列讲话、做合格党员',
    confidence: 'certain',
  },
  {
    canonical: '政治意识、大局意识、核心意识、看齐意识',
    order: ['政治意识', '大局意识', '核心意识', '看齐意识'],
    note: '“四个意识”的规范顺序为政治意识、大局意识、核心意识、看齐意识',
    confidence: 'likely',
  },
  {
    canonical: '道路自信、理论自信、制度自信、文化自信',
    order: ['道路自信', '理论自信', '制度自信', '文化自信'],
    note: '“四个自信”的规范顺序为道路自信、理论自信、制度自信、文化自信',
    confidence: 'likely',
  },
  {
    // 两个维护: the slip seen in drafts is swapping 集中统一 into 统一集中.
    canonical: '党中央权威和集中统一领导',
    variants: ['党中央权威和统一集中领导'],
    note: '“两个维护”的规范表述为“坚决维护党中央权威和集中统一领导”',
    confidence: 'likely',
  },
  {
    // The numbered formulas go with fixed verbs: 增强“四个意识”、坚定“四个自信”、做到“两个维护”, while
    // “两个确立” is 深刻领悟 (it is a historical conclusion, not something one does). The slip is the verb of
    // one formula before another; each wrong pairing below is one nobody writes on purpose. (The canonical
    // form is shown without its quotation marks; the fix keeps the writer's.)
    canonical: '做到两个维护',
    variants: [{ wrong: '做到“两个确立”', right: '做到“两个维护”' }, '做到两个确立'],
    note: '“两个维护”与“做到”搭配；“两个确立”的规范搭配是“深刻领悟”',
    confidence: 'likely',
  },
  {
    canonical: '坚定四个自信',
    variants: [{ wrong: '增强“四个自信”', right: '坚定“四个自信”' }, '增强四个自信'],
    note: '规范搭配为“增强‘四个意识’、坚定‘四个自信’”',
    confidence: 'likely',
  },
  {
    canonical: '增强四个意识',
    variants: [{ wrong: '坚定“四个意识”', right: '增强“四个意识”' }, '坚定四个意识'],
    note: '规范搭配为“增强‘四个意识’、坚定‘四个自信’”',
    confidence: 'likely',
  },
  {
    canonical: '全面从严治党',
    variants: [{ wrong: '从严冶党', right: '从严治党' }, '全面从紧治党'],
    note: '规范提法为“全面从严治党”（治理的“治”，不作“冶”）',
    confidence: 'certain',
  },
  {
    // 党风廉洁建设 is deliberately used by many state-owned enterprises: not flagged.
    canonical: '党风廉政建设',
    variants: ['党风廉正建设'],
    note: '规范提法为“党风廉政建设”',
    confidence: 'certain',
  },
  {
    canonical: '中央八项规定精神',
    variants: [{ wrong: '中央八条规定', right: '中央八项规定', confidence: 'likely' }, { wrong: '八项规定精深', right: '八项规定精神' }],
    note: '规范提法为“中央八项规定精神”',
    confidence: 'certain',
  },
  {
    canonical: '一岗双责',
    variants: ['一岗两责'],
    note: '规范提法为“一岗双责”',
    confidence: 'likely',
  },
  {
    // 谈话谈心 is also seen and not wrong; only character slips are flagged.
    canonical: '谈心谈话',
    variants: ['谈心淡话', '谈心谈活'],
    note: '规范提法为“谈心谈话”',
    confidence: 'certain',
  },
  {
    // 批评和自我批评 is the classic wording (毛泽东): accepted. 自我批判 is a word of its own.
    canonical: '批评与自我批评',
    variants: ['批评于自我批评', '批评与自我批平'],
    note: '规范提法为“批评与自我批评”（或“批评和自我批评”）',
    confidence: 'certain',
  },
  {
    canonical: '理想信念',
    variants: ['理想信年', '理想心念'],
    note: '规范提法为“理想信念”',
    confidence: 'certain',
  },
  {
    canonical: '为人民服务',
    variants: [{ wrong: '全心全意位人民服务', right: '全心全意为人民服务' }, '为人民福务', '为人名服务'],
    note: '规范提法为“全心全意为人民服务”',
    confidence: 'certain',
  },
  {
    canonical: '以人民为中心',
    variants: ['以人名为中心', '已人民为中心'],
    note: '规范提法为“以人民为中心”',
    confidence: 'certain',
  },
  {
    // 求实求真 / 求真求实 are rewordings, not slips: not flagged.
    canonical: '求真务实',
    variants: ['求真务事', '求真物实', '求真务是'],
    note: '成语“求真务实”',
    confidence: 'certain',
  },
  {
    // 与日俱进 is a rare but attested expression of its own: not flagged.
    canonical: '与时俱进',
    variants: ['与时具进', '与时据进', '与时俱近', '与时聚进'],
    note: '成语“与时俱进”（俱：都、一起）',
    confidence: 'certain',
  },
  {
    canonical: '实事求是',
    // 实事求实 is not listed: it occurs inside the correct 办实事求实效.
    variants: ['事实求是', '实是求是'],
    note: '成语“实事求是”',
    confidence: 'certain',
  },
  {
    canonical: '真抓实干',
    variants: ['真抓实于', '真爪实干'],
    note: '规范提法为“真抓实干”',
    confidence: 'certain',
  },
  {
    canonical: '脚踏实地',
    variants: ['脚踏实际', '脚踏石地'],
    note: '成语“脚踏实地”',
    confidence: 'certain',
  },
  {
    canonical: '身体力行',
    variants: ['身体立行', '身体历行'],
    note: '成语“身体力行”',
    confidence: 'certain',
  },
  {
    canonical: '以身作则',
    variants: ['以身做则', '以身作责'],
    note: '成语“以身作则”（作，不作“做”）',
    confidence: 'certain',
  },
  {
    canonical: '率先垂范',
    variants: ['帅先垂范', '率先垂犯'],
    note: '规范提法为“率先垂范”',
    confidence: 'certain',
  },
  {
    canonical: '兢兢业业',
    variants: ['竞竞业业', '竟竟业业', '敬敬业业'],
    note: '成语“兢兢业业”（兢：小心谨慎）',
    confidence: 'certain',
  },
  {
    canonical: '任劳任怨',
    variants: ['任劳认怨', '认劳认怨', '任劳任冤'],
    note: '成语“任劳任怨”',
    confidence: 'certain',
  },
  {
    // 鞠躬尽力 is the original wording in 《后出师表》: not flagged.
    canonical: '鞠躬尽瘁',
    variants: ['鞠躬尽粹', '鞠躬尽萃', '鞠躬尽悴', '鞠躬尽脆'],
    note: '成语“鞠躬尽瘁”（瘁：劳累）',
    confidence: 'certain',
  },
  {
    canonical: '持之以恒',
    variants: ['持之以衡', '持之已恒'],
    note: '成语“持之以恒”',
    confidence: 'certain',
  },
  {
    canonical: '一以贯之',
    variants: ['一以惯之', '一已贯之'],
    note: '成语“一以贯之”（贯：贯穿）',
    confidence: 'certain',
  },
  {
    canonical: '久久为功',
    variants: ['久久为攻', '久久为工'],
    note: '规范提法为“久久为功”',
    confidence: 'certain',
  },
  {
    // Both orders (抓铁有痕、踏石留印 / 踏石留印、抓铁有痕) and both separators occur in official texts.
    canonical: '抓铁有痕、踏石留印',
    variants: [
      { wrong: '抓铁留痕', right: '抓铁有痕' },
      { wrong: '踏石有印', right: '踏石留印' },
      { wrong: '踏石留痕', right: '踏石留印' },
      { wrong: '踏实留印', right: '踏石留印' },
    ],
    note: '规范提法为“抓铁有痕、踏石留印”',
    confidence: 'certain',
  },
  {
    canonical: '风清气正',
    variants: ['风轻气正', '风青气正'],
    note: '规范提法为“风清气正”（风气清明、正派）',
    confidence: 'certain',
  },
  {
    canonical: '凝心聚力',
    variants: ['凝新聚力', '凝心巨力'],
    note: '规范提法为“凝心聚力”',
    confidence: 'certain',
  },
  {
    canonical: '守正创新',
    variants: ['守政创新', '守正闯新'],
    note: '规范提法为“守正创新”',
    confidence: 'certain',
  },
  {
    canonical: '人类命运共同体',
    variants: ['人类共同命运体'],
    note: '规范提法为“人类命运共同体”',
    confidence: 'certain',
  },
  {
    canonical: '全会精神',
    variants: [
      '全会会议精神',
      { wrong: '十八大会议精神', right: '十八大精神' },
      { wrong: '十九大会议精神', right: '十九大精神' },
      { wrong: '二十大会议精神', right: '二十大精神' },
    ],
    note: '“全会”“党的××大”本身即指会议，规范说法为“全会精神”“党的二十大精神”，“会议”二字多余',
    confidence: 'likely',
  },

  // ── Recurring phrasings of the seed essays ──────────────────────────────────────────────────
  {
    // 说起来重要，做起来次要，忙起来不要 (commas) is equally common: not flagged.
    canonical: '说起来重要、做起来次要、忙起来不要',
    variants: [{ wrong: '做起来此要', right: '做起来次要' }, { wrong: '说起来重耍', right: '说起来重要' }],
    note: '常用语“说起来重要、做起来次要、忙起来不要”',
    confidence: 'certain',
  },
  {
    canonical: '想大事、议大事、抓大事',
    variants: [
      { wrong: '想大事、义大事', right: '想大事、议大事' },
      { wrong: '想大事、意大事', right: '想大事、议大事' },
    ],
    note: '常用语“想大事、议大事、抓大事”（议：商议）',
    confidence: 'certain',
  },
  // 真功夫、苦功夫、细功夫: 功夫 and 工夫 are both standard, so no slip of this triad is certain; not listed.
  {
    canonical: '召之即来、来之能战、战之能胜',
    variants: [{ wrong: '招之即来', right: '召之即来' }],
    note: '规范提法为“召之即来、来之能战、战之能胜”（召：召唤）',
    confidence: 'certain',
  },

  // ── Idioms common in 公文 with a well-known wrong form ─────────────────────────────────────────
  { canonical: '见微知著', variants: ['见微知着'], note: '成语“见微知著”（著：显著）', confidence: 'certain' },
  { canonical: '提纲挈领', variants: ['提纲携领', '提纲契领'], note: '成语“提纲挈领”', confidence: 'certain' },
  { canonical: '学以致用', variants: ['学以至用', '学以置用'], note: '成语“学以致用”（致：达到）', confidence: 'certain' },
  { canonical: '相得益彰', variants: ['相得益章', '相德益彰'], note: '成语“相得益彰”', confidence: 'certain' },
  { canonical: '日新月异', variants: ['日新月意'], note: '成语“日新月异”', confidence: 'certain' },
  { canonical: '如火如荼', variants: ['如火如茶'], note: '成语“如火如荼”（荼：茅草的白花）', confidence: 'certain' },
  { canonical: '因地制宜', variants: ['因地治宜', '因地制意', '应地制宜', '因地至宜'], note: '成语“因地制宜”', confidence: 'certain' },
  { canonical: '淡泊名利', variants: ['淡薄名利'], note: '规范写法为“淡泊名利”（淡泊：不追求）', confidence: 'certain' },
  { canonical: '再接再厉', variants: ['再接再励'], note: '成语“再接再厉”（厉：同“砺”）', confidence: 'certain' },
  { canonical: '一如既往', variants: ['一如即往', '一如继往'], note: '成语“一如既往”', confidence: 'certain' },
  { canonical: '按部就班', variants: ['按步就班'], note: '成语“按部就班”', confidence: 'certain' },
  { canonical: '迫在眉睫', variants: ['迫在眉捷'], note: '成语“迫在眉睫”', confidence: 'certain' },
  { canonical: '切中肯綮', variants: ['切中肯紧'], note: '成语“切中肯綮”（綮：筋骨结合处）', confidence: 'certain' },
  { canonical: '难辞其咎', variants: ['难咎其责', '难辞其疚'], note: '成语“难辞其咎”', confidence: 'certain' },
  { canonical: '严阵以待', variants: ['严正以待'], note: '成语“严阵以待”', confidence: 'certain' },
  // Idioms and set words of official writing whose wrong forms are well known to proofreaders (a homophone
  // or near-shape that is never a word of its own); each wrong form is checked not to occur in correct text
  // (tests/unit/rules/set-phrase.test.ts).
  { canonical: '针砭时弊', variants: ['针贬时弊'], note: '成语“针砭时弊”（砭：石针，引申为指出并纠正）', confidence: 'certain' },
  { canonical: '急躁', variants: ['急燥'], note: '“急躁”指性急、不冷静（躁：性急）', confidence: 'certain' },
  { canonical: '竭诚服务', variants: ['竭城服务'], note: '“竭诚”：竭尽忠诚', confidence: 'certain' },
  { canonical: '责无旁贷', variants: ['责无旁代'], note: '成语“责无旁贷”（贷：推卸）', confidence: 'certain' },
  { canonical: '坚持不懈', variants: ['坚持不泄', '坚持不谢'], note: '成语“坚持不懈”（懈：松懈）', confidence: 'certain' },
  { canonical: '励精图治', variants: ['厉精图治'], note: '成语“励精图治”（励：振奋）', confidence: 'certain' },
  { canonical: '众志成城', variants: ['众志成诚'], note: '成语“众志成城”', confidence: 'certain' },
  { canonical: '事必躬亲', variants: ['事必恭亲'], note: '成语“事必躬亲”（躬：亲自）', confidence: 'certain' },
  { canonical: '矢志不渝', variants: ['誓志不渝'], note: '成语“矢志不渝”（矢：发誓）', confidence: 'certain' },
  { canonical: '殚精竭虑', variants: ['单精竭虑', '惮精竭虑'], note: '成语“殚精竭虑”（殚：竭尽）', confidence: 'certain' },
  { canonical: '谆谆教诲', variants: ['淳淳教诲', '谆谆教悔'], note: '成语“谆谆教诲”', confidence: 'certain' },
  { canonical: '旗帜鲜明', variants: ['旗织鲜明'], note: '成语“旗帜鲜明”', confidence: 'certain' },
  { canonical: '坚如磐石', variants: ['坚如盘石'], note: '成语“坚如磐石”', confidence: 'certain' },
  { canonical: '锲而不舍', variants: ['契而不舍', '揳而不舍'], note: '成语“锲而不舍”（锲：雕刻）', confidence: 'certain' },
  { canonical: '驰而不息', variants: ['弛而不息'], note: '规范提法“驰而不息”（驰：奔驰）', confidence: 'certain' },
  { canonical: '墨守成规', variants: ['墨守陈规', '默守成规'], note: '成语“墨守成规”', confidence: 'certain' },
  { canonical: '变本加厉', variants: ['变本加利'], note: '成语“变本加厉”', confidence: 'certain' },
  { canonical: '出类拔萃', variants: ['出类拔粹'], note: '成语“出类拔萃”（萃：聚集）', confidence: 'certain' },
  { canonical: '既往不咎', variants: ['既往不究'], note: '成语“既往不咎”（咎：责备）', confidence: 'certain' },
  { canonical: '走投无路', variants: ['走头无路'], note: '成语“走投无路”', confidence: 'certain' },
  { canonical: '川流不息', variants: ['穿流不息'], note: '成语“川流不息”', confidence: 'certain' },
  { canonical: '甘拜下风', variants: ['甘败下风'], note: '成语“甘拜下风”', confidence: 'certain' },
  { canonical: '莫名其妙', variants: ['莫明其妙'], note: '成语“莫名其妙”', confidence: 'certain' },
  { canonical: '滥竽充数', variants: ['滥芋充数'], note: '成语“滥竽充数”', confidence: 'certain' },
  { canonical: '在所不惜', variants: ['再所不惜'], note: '成语“在所不惜”', confidence: 'certain' },
  { canonical: '自暴自弃', variants: ['自抱自弃'], note: '成语“自暴自弃”', confidence: 'certain' },
  { canonical: '破釜沉舟', variants: ['破斧沉舟'], note: '成语“破釜沉舟”（釜：锅）', confidence: 'certain' },
  { canonical: '天翻地覆', variants: ['天翻地复'], note: '成语“天翻地覆”', confidence: 'certain' },
  { canonical: '重蹈覆辙', variants: ['重蹈复辙'], note: '成语“重蹈覆辙”（覆：翻倒）', confidence: 'certain' },
  { canonical: '出其不意', variants: ['出奇不意'], note: '成语“出其不意”', confidence: 'certain' },
  { canonical: '不胫而走', variants: ['不径而走'], note: '成语“不胫而走”（胫：小腿）', confidence: 'certain' },
  { canonical: '人才辈出', variants: ['人才倍出'], note: '成语“人才辈出”', confidence: 'certain' },
  { canonical: '明辨是非', variants: ['明辩是非'], note: '成语“明辨是非”（辨：分辨）', confidence: 'certain' },
  { canonical: '一鼓作气', variants: ['一股作气'], note: '成语“一鼓作气”', confidence: 'certain' },
  { canonical: '好高骛远', variants: ['好高鹜远'], note: '成语“好高骛远”（骛：追求）', confidence: 'certain' },
  { canonical: '心无旁骛', variants: ['心无旁鹜'], note: '成语“心无旁骛”（骛：追求）', confidence: 'certain' },
  { canonical: '直截了当', variants: ['直接了当'], note: '成语“直截了当”', confidence: 'certain' },
  { canonical: '名列前茅', variants: ['名列前矛'], note: '成语“名列前茅”', confidence: 'certain' },
  { canonical: '未雨绸缪', variants: ['未雨稠缪'], note: '成语“未雨绸缪”', confidence: 'certain' },
  { canonical: '集思广益', variants: ['集思广义'], note: '成语“集思广益”（益：好处）', confidence: 'certain' },
  { canonical: '全心全意', variants: ['全新全意'], note: '规范提法“全心全意为人民服务”', confidence: 'certain' },
  { canonical: '相辅相成', variants: ['相辅相承'], note: '成语“相辅相成”', confidence: 'certain' },
  { canonical: '厉行节约', variants: ['励行节约'], note: '规范提法“厉行节约”（厉：严格）', confidence: 'certain' },
  { canonical: '循序渐进', variants: ['循序渐近'], note: '成语“循序渐进”', confidence: 'certain' },
  { canonical: '发扬光大', variants: ['发杨光大'], note: '成语“发扬光大”', confidence: 'certain' },
  { canonical: '攻坚克难', variants: ['攻艰克难'], note: '常用语“攻坚克难”', confidence: 'certain' },
  { canonical: '金碧辉煌', variants: ['金壁辉煌'], note: '成语“金碧辉煌”', confidence: 'certain' },
];
