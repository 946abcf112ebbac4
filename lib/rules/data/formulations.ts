/**
 * Fixed formulations (规范提法) in their standard wording, for set-phrase's near-form check: a written span of
 * the same length that holds the same characters in another order (不敢腐、不想腐、不能腐) or differs from the
 * standard wording in one short place (把方向、管大局、抓落实; 打铁还需自身硬) is reported with the standard form.
 * Unlike SET_PHRASES (data/set-phrases.ts), no wrong form is listed: every near form of an entry is found.
 *
 * Sources: the wording of 党章, the reports of the 19th and 20th National Congress, the 准则 and 条例 of
 * party life and discipline, the general requirements of the recent campaigns of party education, and the set
 * slogans of party-building work as official documents print them. Written from those, by hand: the entries are
 * what a party-building draft quotes, not strings seen misspelt anywhere.
 *
 * Rules for an entry (tests/unit/rules/set-phrase.test.ts):
 * - Items of an enumeration are joined by 、 (a written ， or ； in the same place matches too); a formulation of
 *   several clauses joined by ， is written with ，.
 * - Six characters or more (separators not counted), except coined four- and five-character formulations that
 *   are not ordinary words (急难愁盼, 三会一课): a short common phrase one character away from an entry would
 *   be ordinary prose.
 * - No entry may be a near form of another (the test checks), and clean official text must raise no flag.
 */
export const FORMULATIONS: readonly string[] = [
  // ── Political consciousness, loyalty and the core ────────────────────────────────────────────────────
  '政治意识、大局意识、核心意识、看齐意识',
  '道路自信、理论自信、制度自信、文化自信',
  '坚决维护习近平总书记党中央的核心、全党的核心地位',
  '坚决维护党中央权威和集中统一领导',
  '确立习近平同志党中央的核心、全党的核心地位',
  '确立习近平新时代中国特色社会主义思想的指导地位',
  '在思想上政治上行动上同党中央保持高度一致',
  '政治判断力、政治领悟力、政治执行力',
  '对党忠诚、个人干净、敢于担当',
  '信念坚定、为民服务、勤政务实、敢于担当、清正廉洁',
  '对党忠诚、服务人民、执法公正、纪律严明',
  '对党忠诚、纪律严明、赴汤蹈火、竭诚为民',
  '听党指挥、能打胜仗、作风优良',
  '有理想、有本领、有担当',
  '有理想、有道德、有文化、有纪律',
  '心中有党、心中有民、心中有责、心中有戒',
  '讲政治、有信念，讲规矩、有纪律，讲道德、有品行，讲奉献、有作为',
  '忠诚干净担当',
  // ── Theory and study ──────────────────────────────────────────────────────────────────────────────────
  '学懂弄通做实',
  '真学真懂真信真用',
  '学思用贯通、知信行统一',
  '学深悟透、融会贯通、真信笃行',
  '学思想、强党性、重实践、建新功',
  '以学铸魂、以学增智、以学正风、以学促干',
  '学史明理、学史增信、学史崇德、学史力行',
  '守初心、担使命、找差距、抓落实',
  '学党章党规、学系列讲话，做合格党员',
  '理论学习有收获、思想政治受洗礼、干事创业敢担当、为民服务解难题、清正廉洁作表率',
  '不忘初心、牢记使命',
  '把马克思主义基本原理同中国具体实际相结合、同中华优秀传统文化相结合',
  '解放思想、实事求是、与时俱进、求真务实',
  '马克思主义立场观点方法',
  // ── The party's strategy and development ──────────────────────────────────────────────────────────────
  '经济建设、政治建设、文化建设、社会建设、生态文明建设',
  '全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党',
  '创新、协调、绿色、开放、共享',
  '以国内大循环为主体、国内国际双循环相互促进',
  '产业兴旺、生态宜居、乡风文明、治理有效、生活富裕',
  '守住不发生规模性返贫底线',
  '绿水青山就是金山银山',
  '人民对美好生活的向往',
  '以人民为中心的发展思想',
  '坚持稳中求进工作总基调',
  '人民至上、生命至上',
  '获得感、幸福感、安全感',
  '江山就是人民、人民就是江山',
  '一切为了群众、一切依靠群众，从群众中来、到群众中去',
  '发展是第一要务、人才是第一资源、创新是第一动力',
  '毫不动摇巩固和发展公有制经济，毫不动摇鼓励、支持、引导非公有制经济发展',
  '务必不忘初心、牢记使命，务必谦虚谨慎、艰苦奋斗，务必敢于斗争、善于斗争',
  '务必继续保持谦虚、谨慎、不骄、不躁的作风，务必继续保持艰苦奋斗的作风',
  '为党育人、为国育才',
  '立德树人根本任务',
  // ── Party building, organisation and discipline ───────────────────────────────────────────────────────
  '把党的政治建设摆在首位',
  '政治性、时代性、原则性、战斗性',
  '政治功能和组织功能',
  '把方向、管大局、保落实',
  '把方向、管大局、作决策、促改革、保落实',
  '双向进入、交叉任职',
  '守土有责、守土负责、守土尽责',
  '知责于心、担责于身、履责于行',
  '不敢腐、不能腐、不想腐',
  '党要管党、全面从严治党',
  '全面从严治党永远在路上',
  '党的自我革命永远在路上',
  '打铁必须自身硬',
  '把纪律和规矩挺在前面',
  '意识形态工作是党的一项极端重要的工作',
  '形式主义、官僚主义、享乐主义和奢靡之风',
  '惩前毖后、治病救人',
  '知无不言、言无不尽，言者无罪、闻者足戒，有则改之、无则加勉',
  '团结—批评—团结',
  '红红脸、出出汗',
  '严管就是厚爱',
  '一个支部就是一个堡垒，一名党员就是一面旗帜',
  '支部建在连上',
  '两手抓、两手都要硬',
  '一手硬、一手软',
  '说起来重要、做起来次要、忙起来不要',
  '上热中温下冷',
  '严以修身、严以用权、严以律己，谋事要实、创业要实、做人要实',
  '靠企吃企、设租寻租',
  '早发现、早提醒、早纠正、早处置',
  '把权力关进制度的笼子里',
  // ── Service to the people, work style ─────────────────────────────────────────────────────────────────
  '全心全意为人民服务',
  '为群众办实事、解难题',
  '急难愁盼',
  '三会一课',
  '两学一做',
  '一张蓝图绘到底',
  '功成不必在我、功成必定有我',
  '干部敢为、地方敢闯、企业敢干、群众敢首创',
  '想干事、能干事、干成事、不出事',
  '敢担当、善作为',
  '以钉钉子精神抓落实',
  '一竿子插到底',
  '一件事情接着一件事情办、一年接着一年干',
  '少说空话、多干实事',
];
