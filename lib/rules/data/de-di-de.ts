/**
 * Word lists for the `de-di-de` rule (的/地/得 misuse).
 *
 * Source: curated by hand for the 党建/公文 genre from the errors hand-labelled in tests/fixtures/seed-errors.json,
 * the usage patterns of 地/得 in the ECSpell official-document sentences (tests/fixtures/ecspell) and common
 * 的地得 guidance (adverbial modifier + 地 + verb; verb + 得 + complement). The lists are deliberately
 * small: every entry was chosen because a wrong 的 next to it is almost always an error.
 */

/**
 * What may follow a verb that is also a noun (研究, 管理) for it to count as a verb with an object: aspect marks,
 * determiners, 党…
 */
export const WEAK_VERB_OBJECT =
  '(?:[了着过好“《]|于|这|那|各|全|本|我|他|她|其|有关|相关|上级|党|习近平|马克思|中央|中国|自己|新|群众|组织|职工|员工|干部|基层|先进|身边|典型)';

/**
 * Prepositions and coverbs that start an adverbial-verb phrase: "更好的为单位服务 → 更好地为…".
 * Each value is a regex of what, right after the preposition, makes another word (为主, 将来, 从前…) and
 * so blocks the match.
 */
export const PREPOSITIONS: Readonly<Record<string, string>> = {
  为: '主|止|人(?!民)|何|此|什|了|民(?:情怀|宗旨|理念|初心|本色|意识|精神|之心|情结|务实|清廉)', // 为主、为止、为人、为民情怀…
  把: '握|关|手|柄|戏', // 把握、把关、把手…
  将: '来|领|军|士|近', // 将来、将领…
  向: '来|导|往|上(?!级)', // 向来、向导、向往、（积极）向上
  从: '前|业|事|而|来|中|严|小|头', // 从前、从业、从事、从而、从来、从中、从严…
  在: '于|乎|场|内|外|线|岗|职|编|位|校|建|读|押|逃', // 在于、在乎、在线、在岗、在校、在建…
};

/**
 * Head nouns that turn "X的V N" into a noun phrase (有效的推进机制, 积极的学习态度): the match is dropped when
 * the verb is directly followed by one of them.
 */
export const HEAD_NOUNS: readonly string[] = [
  '机制', '方式', '方法', '模式', '路径', '途径', '力度', '效果', '效率', '情况', '过程', '程度', '能力', '水平',
  '进度', '速度', '态度', '措施', '手段', '策略', '思路', '体系', '制度', '精神', '氛围', '环境', '条件',
  '状态', '局面', '意识', '热情', '习惯', '风气', '成果', '成效', '作用', '质量', '理念', '目标', '原则',
  '办法', '形式', '平台', '载体', '举措', '经验', '做法', '对象', '主体', '结果', '基础', '前提', '保障',
  '空间', '余地', '标准', '程序', '流程', '纪律', '规范', '细则', '规则', '步伐', '节奏', '阶段', '周期', '时间',
  '时期', '时机', '期间', '范围', '方向', '重点', '难点', '主线', '抓手', '格局', '态势', '意义', '价值',
  '效应', '影响', '功能', '效能', '职能', '示范', '榜样', '典范', '样板', '角色', '地位', '优势', '特点',
  '亮点', '成绩', '业绩', '贡献', '方针', '路线', '理论', '思想', '观念', '共识', '信念', '信心', '决心', '姿态',
  '面貌', '形象', '反响', '支撑', '依据', '工具', '阵地', '窗口', '桥梁', '纽带', '机会', '机遇', '契机', '动能',
  '引擎', '项目', '工程', '行动', '方案', '对策', '预案', '规划', '计划', '作风', '保证', '者', '性', '力', '率',
];

/**
 * Verb + noun pairs that are verb-object although the noun is in HEAD_NOUNS ("积极的发挥作用",
 * "不断的提高能力"): for these verbs the listed nouns do not block the match.
 */
export const VERB_OBJECTS: Readonly<Record<string, string>> = {
  发挥: '作用|优势|职能|功能|效能|效应|特长|价值|示范|榜样',
  提高: '能力|水平|质量|效率|意识|效能|成效',
  提升: '能力|水平|质量|效率|意识|效能|成效',
  增强: '能力|意识|信心|效能|活力',
  强化: '意识|能力|责任',
  加强: '能力|制度|纪律|意识|作风',
  // 作风 heads noun phrases (工作作风, 生活作风) and is the object of the verbs of reform (转变作风, 改进作风).
  转变: '作风|方式|观念',
  改进: '作风|方式|方法',
  整顿: '作风|纪律',
  锤炼: '作风',
  抓: '作风',
  转: '作风',
  改: '作风',
  树立: '形象|理念|意识|信心|信念|榜样|观念|目标|原则',
  营造: '氛围|环境|条件|局面|风气|空间',
  完善: '机制|制度|体系|规则|程序|流程|平台|标准|规范',
  建立: '机制|制度|体系|平台|标准|规范',
  健全: '机制|制度|体系|规则|程序|流程',
  构建: '机制|体系|平台|格局',
  采取: '措施|方式|方法|手段|策略|办法|行动',
  采用: '方式|方法|手段|模式|标准',
  运用: '理论|思想',
  遵守: '纪律|规范|制度|规则|程序',
  凝聚: '共识|信心|决心',
  巩固: '成果|成效|优势|基础|阵地|地位',
  扩大: '成果|范围|影响|优势',
  拓展: '空间|渠道|范围|领域',
  深化: '改革|认识|理论',
  激发: '热情|活力|动能|意识',
  培养: '意识|能力|习惯',
  把握: '方向|原则|重点|规律|阶段|机遇',
  掌握: '方法|情况|理论|政策|原则|重点',
  了解: '情况|思想',
  // Reporting verbs take the situation reported as their object (如实报告个人有关情况, 及时通报整改进展情况).
  报告: '情况|进展|进度|结果',
  汇报: '情况|进展|进度|结果|思想',
  通报: '情况|进展|进度|结果',
  反映: '情况',
  贯彻: '方针|路线|理论|思想|精神|原则',
  落实: '任务|要求',
  总结: '经验|做法|教训|规律',
};

/**
 * Characters that, right after the verb, start a predicate: the verb is then the head of a subject noun
 * phrase ("深入的了解是前提", "积极的推动使…").
 */
export const PREDICATE_STARTS = '是为将会能可也都才就已要需必不没还更又则乃使让得';

/**
 * Words before X that take X的V as a noun phrase object ("进行全面的了解", "得到更好的发挥"): the match is
 * dropped when one of them (optionally with 了/着 and a degree adverb) directly precedes X.
 */
export const NOMINAL_TAKERS: readonly string[] = [
  '进行', '开展', '得到', '获得', '给予', '给以', '加以', '予以', '作出', '做出', '实现', '有', '受到', '引起',
  '取得', '达到', '提供', '发生', '需要', '是', '赢得', '带来', '产生', '形成', '作', '做', '加强', '强化', '实行', '实施',
  '组织', '坚持', '通过', '经过', '经', '依靠', '离不开', '在', '对', '的', '和', '与', '及', '、', '一次',
  '一种', '一番', '一场', '一个', '种', '次', '番', '场', '项', '个', '些', '这', '那', '其', '之', '为',
  '靠', '凭', '于', '由', '给', '让', '使', '促进', '推动', '保证', '确保', '认为', '看到', '体现', '表现',
  '反映', '说明', '证明', '表明', '展示', '展现',
  // Coverbs of means take a noun phrase (用主动的作为诠释…, 以饱满的热情投入…); 使用, 可以, 加以 are words of their own.
  '用', '以',
];

/** Words that end like a nominal taker but are followed by a verb phrase (可以, 正在, 善于, 已经…). */
export const NOT_TAKERS: readonly string[] = [
  '但是', '于是', '可是', '要是', '若是', '总是', '凡是', '而是', '正在', '现在', '实在', '还在', '仍在', '都在',
  '也在', '只有', '善于', '敢于', '勇于', '乐于', '便于', '易于', '急于', '忙于', '终于', '已经',
  '曾经', '再次', '多次', '屡次', '依次', '首次', '层次', '当场',
];

/**
 * Person nouns that, as the subject of "S V的 + degree + adjective", make S V的 a likely noun phrase ("群众反映的
 * 比较集中" = what the people report is concentrated). Pronouns are recognised by their lexicon class.
 */
export const PERSONS: readonly string[] = [
  '群众', '同志', '干部', '党员', '职工', '员工', '老师', '教师', '学生', '居民', '村民', '领导', '专家', '代表',
  '委员', '大家', '有的人', '人', '人们', '师生', '百姓', '老百姓',
];

/**
 * Verbs that take no object (growth, change, motion, living): after a person subject, S + V的 cannot name "the thing
 * S V-ed", so a complement after it is sure (干部成长的很快, 大家进步的很明显). Verbs that also take an object (发展党员,
 * 提高能力, 干工作) stay out.
 */
export const INTRANSITIVES: readonly string[] = [
  '成长', '进步', '成熟', '前进', '转变', '变化', '生活', '活', '跑', '走', '站', '坐', '睡', '笑', '哭', '休息', '奔跑',
  '奋斗', '劳动', '起步', '变',
];

/** Degree adverbs that may stand between a nominal taker and X ("得到了更加有效的运用"). */
export const DEGREE_ADVERBS: readonly string[] = [
  '更加', '更为', '非常', '十分', '比较', '较为', '越来越', '极为', '特别', '尤其', '愈加', '日益', '相当', '最为',
  '更', '很', '较', '最', '极', '太', '愈', '颇',
  // Excess (安排得过于紧凑): the same closed class, degree before a predicate. (有些/有点 stay out: they are also
  // the determiner "some", 开展的有些活动.)
  '过于', '过分', '太过',
  // Distance from a standard (做得还远远不够): degree before a negated complement.
  '远远',
];

/** Clause-start words after which a weak adverbial (科学/创新…) may be trusted: modal and linking adverbs. */
export const CLAUSE_STARTERS: readonly string[] = [
  '要', '应', '应当', '应该', '必须', '须', '需', '能', '能够', '可以', '会', '将', '就', '才', '也', '都', '还',
  '并', '更', '去', '来', '并且', '而且', '从而', '进而', '努力', '坚持', '注重', '善于', '敢于', '勇于',
];

/**
 * Set complements after V得 (four-character descriptions of how something was done): "开展得有声有色",
 * "组织得井井有条". They count at a clause end, or inside a 把-clause when no 的 follows them.
 */
export const SET_COMPLEMENTS: readonly string[] = [
  '有声有色', '井井有条', '红红火火', '热火朝天', '风生水起', '卓有成效', '富有成效', '有条不紊', '一清二楚',
  '明明白白', '清清楚楚', '扎扎实实', '实实在在', '越来越好', '越来越强', '越来越规范', '越来越扎实', '越来越红火',
  '越来越完善', '一丝不苟', '滴水不漏', '恰到好处', '淋漓尽致', '细致入微', '深入人心',
];

/**
 * "既…，又…" after V的 in a 把-clause: "把党建工作开展的既有特色，又有创新". The comma-separated parallel
 * part is required (即 is accepted too: it is the usual misspelling of 既 here).
 */
export const BA_PARALLEL = '[既即][^，,。；;！？!?]{1,12}[，,]\\s*(?:又|也|还)';

/**
 * Words that are always written with 得 (觉得, 取得…) and show up as "觉的", "取的". Each entry gives the
 * character before 的 and the context that makes the 得 reading certain:
 * - `leftNot`: characters that, just before the verb, form another word with it (采取的, 明显的, 书记的…);
 * - `leftOnly`: or, stricter, the only words accepted just before the verb;
 * - `right`: a regex (source, anchored after 的) the text after 的 must match.
 */
export interface LexicalDe {
  verb: string;
  word: string;
  leftNot?: string;
  leftOnly?: readonly string[];
  right: string;
}

const DEGREE = '更加|更为|更|越来越|愈来愈|愈发|越发|愈加|很|非常|十分|日益|格外|特别|异常|极其|极为|尤为|尤其|有些|有点|比较|相对|过于|太|如此|这么|那么';

/** Characters after 起/住 that make a word of them (起点, 起草, 住房…): no potential complement there. */
const POTENTIAL_NOT = '[点草步来初源因伏跑航始身诉义码房宿户址院所建]';

export const LEXICAL_DE: readonly LexicalDe[] = [
  {
    verb: '变',
    word: '变得',
    leftNot: '不多改转演突应病巨蜕裂政事兵灾质量衍嬗善万渐异哗剧骤惊叛生聚可易恒速衰退畸婚民色形激通权随机流千',
    right: `(?:${DEGREE}|不再|复杂|简单|清晰|模糊|明朗|困难|容易|紧张|活跃|激烈|严峻|多样|丰富|强大|成熟|规范|淡薄|淡漠|松散|薄弱|麻木|懈怠|浮躁|被动|主动|积极|消极)`,
  },
  {
    verb: '显',
    word: '显得',
    leftNot: '明凸彰尽突浅外隐昭',
    right: `(?:${DEGREE}|不够|苍白|单薄|无力|力不从心|捉襟见肘|重要|突出|必要|迫切|紧迫|格格不入|无所适从)`,
  },
  {
    verb: '显',
    word: '显得',
    leftOnly: ['更', '越', '愈', '尤', '倒', '就', '才', '也', '则', '反而', '更加', '越发', '愈发', '愈加', '便'],
    right: '[\\u4e00-\\u9fff]',
  },
  {
    verb: '觉',
    word: '觉得',
    leftOnly: ['我', '你', '他', '她', '们', '总', '都', '也', '就', '还', '会', '只', '并', '却', '倒', '真', '人', '大家', '常', '常常', '总是'],
    right: '[\\u4e00-\\u9fff，,]',
  },
  {
    verb: '记',
    word: '记得',
    leftOnly: ['还', '仍', '仍然', '依然', '依稀', '清楚', '清晰', '始终', '永远', '牢牢', '深深', '一直'],
    right: '[\\u4e00-\\u9fff，,]',
  },
  {
    verb: '懂',
    word: '懂得',
    right: '(?:如何|怎样|怎么|珍惜|感恩|尊重|敬畏|取舍|自律|感激|知足|谦让)',
  },
  {
    verb: '值',
    word: '值得',
    leftNot: '价产数均增阈比估峰极测总差净现终初参预量币升贬保附面积率近正负定特市换限分阀权幅码频色验加',
    right: '(?:学习|借鉴|推广|注意|关注|肯定|思考|一提|称赞|信赖|骄傲|深思|警惕|重视|提倡|信任|尊敬|称道|珍惜|期待|反思|研究|探讨|我们|大家|参考|赞扬|表扬|敬佩|欣慰|庆幸|商榷|推敲|回味|纪念|铭记|一看|一读|称颂|赞赏|发扬|弘扬)',
  },
  {
    verb: '使',
    word: '使得',
    leftOnly: ['这', '而', '也', '才', '就', '并', '均', '都', '将', '会', '可', '能', '还', '又', '从而', '进而', '这就', '由此', '以致'],
    right: '[\\u4e00-\\u9fff“]',
  },
  {
    verb: '获',
    word: '获得',
    leftNot: '收捕缴俘查破截斩荣虏猎擒抓拿所',
    right: '(?:了|一致|广泛|普遍|良好|显著|明显|长足|更多|更大|很大|较大|巨大|好评|认可|肯定|成功|荣誉|表彰|称号|批准)',
  },
  {
    verb: '取',
    word: '取得',
    leftNot: '采争获听吸汲收索领选录夺窃骗换读攫可进抽存截摄考博赚谋牟提榨盗诈猎择萃所抢擢求自',
    right: '(?:了|显著|明显|良好|积极|重大|丰硕|优异|可喜|长足|初步|阶段性|实效|成效|成绩|成果|进展|突破|胜利|共识|较好|很好|新的|一定|圆满|决定性|历史性|实质性|骄人|预期|明显)',
  },
  // Verbs of withstanding and living up to, written with a potential complement (经得起, 禁得住, 耐得住, 靠得住, 对得起, 信得过): their
  // 起/住 after 的 start no word (起点, 起草, 住房, 住宿 stay out), and the verbs take no 的 before 起/住 otherwise.
  { verb: '经', word: '经得', leftNot: '已曾神', right: `起(?!${POTENTIAL_NOT})` },
  { verb: '禁', word: '禁得', leftNot: '严查', right: `(?:起|住)(?!${POTENTIAL_NOT})` },
  { verb: '耐', word: '耐得', right: `住(?!${POTENTIAL_NOT})` },
  { verb: '靠', word: '靠得', leftNot: '依停可', right: `住(?!${POTENTIAL_NOT})` },
  { verb: '对', word: '对得', leftNot: '相绝针面应核反比', right: `起(?!${POTENTIAL_NOT})` },
  { verb: '信', word: '信得', leftNot: '相确自迷诚通短威书来电誓', right: '过(?![程去往失错渡度来])' },
];
