/**
 * Easily confused words (易错词) for the `confusable-word` rule.
 *
 * Sources: the hand-labelled seed errors (tests/fixtures/seed-errors.json: 形式/形势, 必需/必须, 即/既, 届/界,
 * 同事/同时, 室/是, 不段, 磨擦, 孳生, 贯学习彻, 基建党组织, 正常…烂熟于胸); recurring confusions in the ECSpell
 * official-document sentences (tests/fixtures/ecspell, MIT: 冶/治, 捡/检, 机智/机制, 练习会议/联席会议, 工做,
 * 职债, 言息, 党祖, 玩善, 才政, 兼管, 管里…); and common 公文 misspellings (布署, 按装, 既使, 必竟, 做为,
 * 截止/截至, 渡过/度过…).
 *
 * Each entry flags `wrong` only where its context proves it wrong. Context patterns are regex sources:
 * - `before` / `notBefore`: matched against the text just before `wrong` (anchored at its start, up to
 *   16 characters are visible; `^` there means the start of the paragraph);
 * - `after` / `notAfter`: matched at the end of `wrong` (sticky).
 * The first entry (in list order) whose context fits wins. An entry without context flags every occurrence,
 * so only strings that are never correct get one.
 */

export interface Confusable {
  wrong: string;
  right: string;
  before?: string;
  notBefore?: string;
  after?: string;
  notAfter?: string;
  /** 'warning' for variant forms or less certain contexts; default 'error'. */
  severity?: 'error' | 'warning';
  /** Short explanation shown to the user, e.g. "形势：事物发展的状况". */
  note: string;
}

/** Clause start: paragraph start or a clause-ending punctuation mark (full- or half-width). */
const CLAUSE = '(?:^|[，,；;。！？!?：:\\s])';
/** A date or time expression (阿拉伯或中文数字). */
const DATE = '(?:[0-9０-９]|[一二三四五六七八九十〇○零]{1,4}[年月日]|今年|去年|本年|当年|本月|上月|目前|当前|今天|今日|昨天|现在|年底|年末|月底|发稿|本周|上周)';

const XINGSHI = '形势：事物发展的状况与趋势';

export const CONFUSABLES: readonly Confusable[] = [
  // ── 形式 / 形势 ────────────────────────────────────────────────────────────
  { wrong: '形式', right: '形势', before: '(?:国际|国内外|国内国际|严峻|大好|周边|反腐败|世情国情党情|疫情防控|安全生产|改革发展稳定|社会发展|经济社会发展|经济发展|国际国内)$', notAfter: '主义|上|化|单一|多样|简单|单调|灵活|新颖|丰富|各异|不一|多种', note: XINGSHI },
  { wrong: '形式', right: '形势', before: '(?:当前|目前|面临|所面临|面对|严峻|严峻复杂|复杂严峻)的$', after: '(?:下|和任务|与任务|任务|[，,。；;]|发展|变化|要求|需要)', notAfter: '下[发达载放沉降]', note: XINGSHI },
  { wrong: '形式', right: '形势', before: '(?:新|新的|当前|目前|严峻|复杂|严峻复杂)$', after: '下(?![发达载放沉降])', note: XINGSHI },
  { wrong: '形式', right: '形势', before: '(?:这种|此|这一|这样的)$', after: '下(?![发达载放沉降])', severity: 'warning', note: XINGSHI },
  { wrong: '形式', right: '形势', after: '(?:严峻|逼人|所迫|喜人|不容乐观|日趋严峻|依然严峻|十分严峻|更加严峻|复杂严峻|严峻复杂|错综复杂|与任务|和任务|政策教育)', note: XINGSHI },
  { wrong: '形式', right: '形势', before: '(?:分析|研判|判断|认清|看清|把握|审视|适应|顺应)$', after: '(?:[，,。；;、]|和|与|的变化|的发展)', note: XINGSHI },

  { wrong: '形势', right: '形式', after: '主义', note: '形式主义：只看形式不问实质的工作作风' },

  // ── 必需 / 必须 ───────────────────────────────────────────────────────────
  { wrong: '必需', right: '必须', after: '(?:[要着坚加做把按严认切高始牢全深以在具遵服执落贯保确注重明提增建健完经由立抓强从紧有是])', notAfter: '品|要素|物资|的|经费', notBefore: '所|是|生活|生产', note: '必须：副词，表示一定要；必需：不可缺少的（必需品）' },

  // ── 即 / 既（既…又…） ──────────────────────────────────────────────────────
  { wrong: '即', right: '既', notBefore: '[立随当旋迅亦非若一触稍纵则]', after: '([要有是能可讲抓注重看])[^。！？!?]{0,14}[，,；;]\\s*(?:又|也|还)\\1', notAfter: '将|使|便|可|时|日|刻|兴|席|景|位|或|将', note: '“既……又……”是关联词，应用“既”' },

  // ── 届 / 界 ───────────────────────────────────────────────────────────────
  { wrong: '届', right: '界', before: '(?:社会各|新闻|教育|文艺|科技|学术|政|商|法律|金融|企业|工商|医学|知识|文化|体育|宗教|妇女|青年|思想|理论|舆论|实业|出版)$', notBefore: '第[0-9一二三四五六七八九十]+|本|历|上|下|首|新一|每', notAfter: '[时满期]', note: '界：职业、工作或性别等相同的一些社会成员的总体（各界、教育界）' },
  { wrong: '届', right: '界', before: '各$', after: '(?:人士|群众|朋友|爱心人士|力量|别)', notBefore: '历|每|第', note: '界：职业、工作或性别等相同的一些社会成员的总体（各界、教育界）' },

  // ── 截止 / 截至 ───────────────────────────────────────────────────────────
  { wrong: '截止到', right: '截至', after: DATE, note: '截至：截止到某个时间；“截止”用于表示到期停止（截止日期）' },
  { wrong: '截止', right: '截至', after: DATE, notBefore: '已经|已|即将|将于|于', note: '截至：截止到某个时间；“截止”用于表示到期停止（截止日期）' },

  // ── 同事 / 同时 ───────────────────────────────────────────────────────────
  { wrong: '同事', right: '同时', before: '与此$', note: '“与此同时”' },
  { wrong: '同事', right: '同时', before: `${CLAUSE}$`, after: '(?:也是|还是|又是|更是|亦是|[，,](?!(?:朋友|领导|同学|家人|亲人|邻居|战友|老师)))', notAfter: '[也还又更亦]是(?:一名|一位|一个|我|他|她|老|党员|共产党员|朋友|好|同学|战友|领导|干部|群众)', severity: 'warning', note: '同时：表示并列或进一层；同事：在一起工作的人' },

  // ── 室 / 是 ───────────────────────────────────────────────────────────────
  { wrong: '室', right: '是', before: `(?:者|人|员|家)${CLAUSE}$`, after: '(?:党|全|各|我|这|一|整个|广大|基层|单位|公司|企业|团队|支部|班子|领导|群众)', notAfter: '[内外温友主长务领负成人员的和与及、]', severity: 'warning', note: '此处应为判断动词“是”' },

  // ── 不段 / 不断 ───────────────────────────────────────────────────────────
  { wrong: '不段', right: '不断', notAfter: '落', note: '不断：连续不间断' },

  // ── 异形词与常见错字（无合法用法，直接提示） ───────────────────────────────
  { wrong: '磨擦', right: '摩擦', severity: 'warning', note: '规范写法为“摩擦”' },
  { wrong: '孳生', right: '滋生', severity: 'warning', note: '规范写法为“滋生”' },
  { wrong: '贯学习彻', right: '贯彻', note: '“贯彻”中间误插了文字' },
  { wrong: '贯切', right: '贯彻', notBefore: '[一连]', notAfter: '[实合中际]', note: '贯彻：彻底实现或体现' },
  { wrong: '惯彻', right: '贯彻', notBefore: '习', notAfter: '[底夜]', note: '贯彻：彻底实现或体现' },
  { wrong: '基建', right: '基层', after: '党组织', notBefore: '[处科部司队]', severity: 'warning', note: '疑为“基层党组织”' },
  { wrong: '正常', right: '政策', after: '(?:烂熟于胸|烂熟于心|了然于胸)', severity: 'warning', note: '疑为“政策”：“烂熟于胸”的对象应是条例、政策等' },
  { wrong: '布署', right: '部署', note: '部署：安排、布置（人力、任务）' },
  { wrong: '部暑', right: '部署', notAfter: '[期假]', note: '部署：安排、布置（人力、任务）' },
  { wrong: '部属', right: '部署', before: '(?:决策|安排|统筹|重大|专题|精心|周密|统一|战略|工作|作出|做出|全面|具体)$', after: '(?:[，,。；;、]|要求|和|与|落实|安排|的)', notAfter: '的?(?:干部|人员|同志|单位|企业|院校|高校|机构|医院|事业单位)', severity: 'warning', note: '部署：安排、布置；部属：下属' },
  { wrong: '按装', right: '安装', after: '[了好在上到]', note: '安装：按照一定方法装配' },
  { wrong: '既使', right: '即使', notAfter: '[^。；;！？!?\\n]*?[又也更还]使', note: '“即使”表示假设让步' },
  { wrong: '即然', right: '既然', notBefore: '[立随当旋]', note: '“既然”表示先提出前提' },
  { wrong: '既便', right: '即便', notAfter: '[于利捷宜]', note: '“即便”表示假设让步' },
  { wrong: '必竟', right: '毕竟', notAfter: '然', note: '毕竟：到底、终归' },
  { wrong: '做为', right: '作为', before: `${CLAUSE}$`, after: '(?:一名|一个|一种|一项|党员|共产党员|基层|新时代|领导|支部|单位|我们|全市|全县|全省|全国|国家|公司|企业)', note: '规范写法为“作为”' },
  { wrong: '勿必', right: '务必', after: '(?:要|做到|确保|保证|高度|认真|于|在|按时|及时|准时|严格|将|把|加强|注意|重视|落实)', note: '务必：必须、一定要' },
  { wrong: '发辉', right: '发挥', notBefore: '[焕散映迸]', notAfter: '煌', note: '发挥：把内在的性质或能力表现出来' },
  { wrong: '防碍', right: '妨碍', note: '妨碍：使事情不能顺利进行' },
  { wrong: '暴光', right: '曝光', note: '规范写法为“曝光”' },
  { wrong: '渲传', right: '宣传', note: '宣传：向群众说明讲解' },
  { wrong: '松驰', right: '松弛', notAfter: '[骋援名]', note: '规范写法为“松弛”' },
  { wrong: '脉博', right: '脉搏', notAfter: '[大物览士学]', note: '规范写法为“脉搏”' },
  { wrong: '震憾', right: '震撼', note: '规范写法为“震撼”' },
  { wrong: '侯选', right: '候选', note: '规范写法为“候选”' },
  { wrong: '坐谈会', right: '座谈会', note: '规范写法为“座谈会”' },
  { wrong: '砥励', right: '砥砺', note: '规范写法为“砥砺”' },
  { wrong: '复盖', right: '覆盖', notBefore: '[恢答回修往反重批]', notAfter: '[章印]', severity: 'warning', note: '规范写法为“覆盖”' },
  { wrong: '签定', right: '签订', after: '(?:了|合同|协议|责任书|承诺书|目标责任书)', note: '签订：订立条约或合同并签字' },
  { wrong: '防犯', right: '防范', notBefore: '预|以|谨', notAfter: '罪|人', note: '防范：防备、戒备' },
  { wrong: '启示', right: '启事', before: '(?:招聘|征稿|招生|寻人|寻物|征文|迁址|开业|招标|遗失|更正|征集)$', note: '启事：公开声明的文字' },
  { wrong: '反应', right: '反映', before: '(?:向上级|向组织|向党组织|如实|及时|真实|集中|客观|充分|广泛)$', after: '(?:问题|情况|意见|诉求|建议|民意|社情民意)', note: '反映：把情况、意见告诉上级或有关部门' },
  { wrong: '渡过', right: '度过', after: '了?(?:一个|愉快|难忘|美好|快乐|充实|有意义|假期|春节|节日|时光|岁月|晚年|童年|青春|一生|余生|周末|寒假|暑假|每一天)', severity: 'warning', note: '度过：用于时间；渡过：用于空间或难关' },
  { wrong: '一愁莫展', right: '一筹莫展', note: '成语“一筹莫展”' },
  { wrong: '迫不急待', right: '迫不及待', note: '成语“迫不及待”' },

  // ── ECSpell 公文语料中反复出现的错字 ──────────────────────────────────────
  { wrong: '练习会议', right: '联席会议', note: '联席会议：多个部门联合召开的会议' },
  { wrong: '联系会议', right: '联席会议', before: '部际$', note: '联席会议：多个部门联合召开的会议' },
  { wrong: '冶理', right: '治理', note: '治理：管理、整治' },
  { wrong: '冶', right: '治', before: '(?:自|主|防|整|政|统|法|综合|根|救|医|诊|惩)$', notAfter: '[金炼铁铜钢游]', notBefore: '陶', note: '应为“治”' },
  { wrong: '捡查', right: '检查', note: '检查：为了发现问题而用心查看' },
  { wrong: '捡测', right: '检测', note: '应为“检测”' },
  { wrong: '捡验', right: '检验', note: '应为“检验”' },
  { wrong: '捡疫', right: '检疫', note: '应为“检疫”' },
  { wrong: '捡', right: '检', before: '(?:抽|质|安|年|送|体|初|复|巡|自|点)$', notAfter: '[起到拾回来了漏着东西便破垃]', note: '应为“检”' },
  { wrong: '诀策', right: '决策', note: '决策：决定策略或办法' },
  { wrong: '机智', right: '机制', before: '(?:工作|运行|长效|体制|退出|协调|保障|激励|约束|考核|监督|联动|评价|责任|治理|体制机制|健全|完善|建立)$', note: '机制：工作系统的组织及运行方式' },
  { wrong: '体质', right: '体制', after: '(?:机制|改革)', note: '体制：组织制度' },
  { wrong: '体质', right: '体制', before: '(?:管理|经济|政治|行政|领导|医药卫生|教育|科技|文化)$', notAfter: '健康|监测|测试|测定|检测|锻炼|增强|较差|较弱', note: '体制：组织制度' },
  { wrong: '自贸实验区', right: '自贸试验区', note: '“自由贸易试验区”' },
  { wrong: '自由贸易实验区', right: '自由贸易试验区', note: '“自由贸易试验区”' },
  { wrong: '党祖', right: '党组', notAfter: '国', note: '党组：在国家机关、人民团体等领导机关中设立的党的组织' },
  { wrong: '建康', right: '健康', before: '(?:卫生|身体|心理|人民|全民|群众|生命|职业|营养|安全|生殖)$', note: '应为“健康”' },
  { wrong: '玩善', right: '完善', notAfter: '[良意]', note: '完善：使完备美好' },
  { wrong: '才政', right: '财政', notBefore: '人|英|奇|天|口|文|将|帅', after: '(?:部|厅|局|预算|资金|收入|支出|补助|补贴|拨款|投入|专项|转移|供养|保障|体制)', note: '应为“财政”' },
  { wrong: '兼管', right: '监管', before: '(?:安全|市场|金融|食品|药品|质量|环境|行业|综合|国资|审慎|穿透式|全过程|生命周期|事中事后|协同|联合|信用|加强|创新|强化)$', note: '监管：监视管理' },
  { wrong: '兼管', right: '监管', after: '(?:体系|模式|平台|机制|要求|执法|方式|能力|责任)', note: '监管：监视管理' },
  { wrong: '管里', right: '管理', after: '(?:科|法|机构|处|办法|制度|体系|局|部门|工作|人员|服务|水平|规定|条例|委员会|能力|模式|机制|措施|职责|责任|权限|中心|平台)', note: '应为“管理”' },
  { wrong: '经里', right: '经理', before: '(?:总|副|副总|项目|部门|客户)$', note: '应为“经理”' },
  { wrong: '治里', right: '治理', before: '(?:社会|基层|综合|环境|城市|乡村|国家|全球|公司|协同|系统|依法|源头|诉源|网格化)$', note: '应为“治理”' },
  { wrong: '工做', right: '工作', notBefore: '[手人加施打木分员职电化社义务零做]', after: '(?:组|责任|机制|会议|中|作风|要求|方案|任务|部署|计划|总结|报告|制度|机关|实际|目标|条例|规则|站|队|经费)', note: '应为“工作”' },
  { wrong: '职债', right: '职责', notAfter: '[务券权]', note: '应为“职责”' },
  { wrong: '债任', right: '责任', before: '(?:有限|经济|主体|法律|政治|领导|监督|管理|岗位|工作|社会|安全|刑事|民事|行政)$', note: '应为“责任”' },
  { wrong: '言息', right: '信息', notBefore: '[发语留建谏宣预断]', note: '应为“信息”' },
  { wrong: '浓产品', right: '农产品', note: '应为“农产品”' },
  { wrong: '浓业', right: '农业', note: '应为“农业”' },
  { wrong: '浓村', right: '农村', note: '应为“农村”' },
  { wrong: '浓民', right: '农民', note: '应为“农民”' },
  { wrong: '平估', right: '评估', notBefore: '[公水持和太扁]', note: '应为“评估”' },
  { wrong: '国务园', right: '国务院', note: '应为“国务院”' },
  { wrong: '国务完', right: '国务院', note: '应为“国务院”' },
  { wrong: '编织', right: '编制', before: '(?:机构|人员|规划|方案|预算|党政机构|行政)$', note: '编制：组织机构的设置及人员数量的定额；拟订' },
  { wrong: '编织', right: '编制', after: '(?:委员会|工作条例|土地|规划|方案|预算|试点|报告)', note: '编制：组织机构的设置及人员数量的定额；拟订' },
  { wrong: '开除当籍', right: '开除党籍', note: '应为“党籍”' },
  { wrong: '当政同责', right: '党政同责', note: '“党政同责、一岗双责”' },
  { wrong: '当政机关', right: '党政机关', note: '应为“党政机关”' },
  { wrong: '本系', right: '体系', before: '(?:服务|规范|法律|制度|治理|标准|政策|监管|保障|评价|责任|产业|市场|信用|防控|应急)$', notAfter: '[统列数]', note: '应为“体系”' },
  { wrong: '行证', right: '行政', notBefore: '[通执许步游随旅]', after: '(?:事业|法规|机关|部门|管理|许可|处罚|执法|复议|诉讼|审批|职能|效能|区划|村)', note: '应为“行政”' },
  { wrong: '证务公开', right: '政务公开', note: '应为“政务公开”' },
  { wrong: '前头', right: '牵头', before: '(?:部|委|局|办|厅|署|改革委|总局)$', after: '[，,、；;负]', note: '牵头：居首位，带头' },
  { wrong: '书己', right: '书记', before: '(?:党委|支部|总支|党组|工委|纪委|副|委)$', note: '应为“书记”' },
  { wrong: '推厂', right: '推广', after: '(?:应用|使用|普及|实施|[，,。、]|经验|模式|做法)', note: '应为“推广”' },
  { wrong: '健设', right: '建设', notBefore: '[保强稳矫刚雄康]', notAfter: '[施备计置]', note: '应为“建设”' },
  { wrong: '报障', right: '保障', before: '(?:社会|人力资源社会|医疗|住房|民生|兜底|组织|后勤|经费|政策|有力)$', note: '应为“保障”' },
  { wrong: '报障', right: '保障', after: '(?:体系|机制|措施|能力|水平|制度|性住房|国家安全|粮食安全)', note: '应为“保障”' },
  { wrong: '灵域', right: '领域', before: '(?:重点|各|相关|关键|新兴|民生|生态|多个|各个|社会|经济|科技|这一|该|等)$', note: '应为“领域”' },
  { wrong: '书籍', right: '书记', before: '(?:党委|支部|总支|党组|工委|纪委|副)$', note: '应为“书记”' },
  { wrong: '分供', right: '分工', after: '负责', note: '“按职责分工负责”' },
  { wrong: '凸出', right: '突出', after: '(?:问题|矛盾|位置|地位|作用|贡献|成绩|重点|短板|困难)', note: '突出：鼓出来；超过一般；凸出只指高出周围' },
  { wrong: '跟宗', right: '跟踪', after: '(?:督|问效|问责|落实|服务|管理|监测|检查|调查|问题)', note: '应为“跟踪”' },
  { wrong: '防止法', right: '防治法', before: '(?:病|污染|灾害)$', after: '[》（(]', note: '应为“防治法”' },
  { wrong: '条列', right: '条例', before: '(?:本|该|此)$', after: '(?:自|》|第[一二三四五六七八九十])', note: '应为“条例”' },
  { wrong: '制渡', right: '制度', notBefore: '[强控]', note: '应为“制度”' },
  { wrong: '优先公司', right: '有限公司', note: '应为“有限公司”' },
  { wrong: '旅行', right: '履行', before: '(?:正确|认真|切实|依法|严格|全面|不|未|如实|积极|自觉|充分)$', after: '(?:职责|义务|本办法|承诺|职能|法定|监管|管理|主体|岗位|好)', note: '履行：实践（自己答应做的或应该做的事）' },
  { wrong: '发汗', right: '发函', after: '(?:回复|征求|告知|通知|询问)', note: '应为“发函”' },
  { wrong: '联系会议', right: '联席会议', after: '(?:成员|确定|办公室|制度|召集人|议定|纪要)', note: '联席会议：多个部门联合召开的会议' },
  { wrong: '自台区', right: '自治区', notBefore: '[来出源取]', note: '应为“自治区”' },
  { wrong: '自台县', right: '自治县', notBefore: '[来出源取]', note: '应为“自治县”' },
  { wrong: '自台州', right: '自治州', notBefore: '[来出源取]', note: '应为“自治州”' },
  { wrong: '白治区', right: '自治区', note: '应为“自治区”' },
  { wrong: '人民很行', right: '人民银行', note: '应为“人民银行”' },
];
