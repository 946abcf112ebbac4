/**
 * The practice draft: a 党建 work summary seeded with the slips Wengao is built to catch
 * (要要, 的的, 發挥, half-width comma, web residue 展开全部, 同事也是, 不段提升, 社会各届, stray space,
 * a PDF-style broken line, a skipped heading number …). Used by the practice page and the browser tests.
 */
export const PRACTICE_TITLE = '关于加强基层党组织建设的工作总结（征求意见稿）';

export const PRACTICE_DRAFT = [
  '今年以来，第三党支部坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神,全面落实新时代党的建设总要求，推动党建工作与业务工作深度融合。',
  '一、主要工作开展情况',
  '（一）加强理论武装。支部书记要要带头讲党课，组织党员认真学习的的党的创新理论，不段提升政治判断力、政治领悟力、政治执行力。展开全部',
  '（二）夯实基层基础。严格落实“三会一课”制度，充分發挥党支部战斗堡垒作用和党员先锋模范作用。我们主动联系社会各届群众，同事也是推动工作落实的重要抓手。',
  '（四）强化作风建设。坚持以案为鉴、以案促改，持续纠治形式主义、官僚主义，驰而不息 正风肃纪。',
  '二、存在的问题',
  '一是理论学习还不够深入，学用结合不够紧密；二是个别党员先锋模范作用发挥不够充分，',
  '服务群众的意识有待加强。',
  '三、下一步工作打算',
  '我们将坚持围绕中心、服务大局，认真践行以人民为中心的的发展思想，把党建工作成效转化为推动高质量发展的强大动力。',
].join('\n');
