/**
 * How writers leave a passage twice while drafting and pasting, written for repeated-passage (not taken from
 * the seeds, the dev or dev-blind drafts, or any held-out draft), with clean look-alikes that repeat on
 * purpose. A repeat is found when an issue overlaps the later copy, `copy` (its last occurrence in `text`,
 * or from `at` when given). Used by the rule's test and by scripts/repeated-passage-probe.ts (recall, false
 * flags per class).
 */
export interface DraftRepeat {
  cls: string;
  text: string;
  /** Text of the later copy as written there. */
  copy: string;
}

export interface DraftLookAlike {
  cls: string;
  text: string;
}

const P1 = '今年以来，我们坚持把政治建设摆在首位，扎实开展理论学习中心组学习。';
const P2 = '全年共组织集中学习十二次，撰写心得体会三十余篇。';
const P3 = '下一步，我们将继续深化“三会一课”制度落实，推动支部工作规范化。';
const P4 = '对照检视出的问题，逐条制定整改措施，明确责任人和完成时限。';
const P5 = '在疫情防控一线，广大党员冲锋在前、勇挑重担，充分发挥了先锋模范作用。';
const FILL = [
  '一是强化理论武装，把学习贯彻党的创新理论作为首要政治任务。',
  '二是严格组织生活，认真落实组织生活会和民主评议党员制度。',
  '三是加强队伍建设，注重在业务骨干中发展党员。',
  '四是抓好作风建设，持续整治形式主义、官僚主义问题。',
  '同时，我们也清醒地看到，工作中还存在一些短板和不足。',
  '部分党员理论学习不够深入，学用结合还不够紧密。',
  '基层党组织书记抓党建的能力有待进一步提升。',
  '下一步，我们将坚持问题导向，以更高标准推进各项工作落地见效。',
];

export const DRAFT_REPEATS: DraftRepeat[] = [
  // A sentence pasted again at the end of its paragraph.
  { cls: 'end-of-paragraph', text: P1 + P2 + P3 + P1, copy: P1 },
  { cls: 'end-of-paragraph', text: [P1 + P2 + P4 + P5 + P2, P3].join('\n'), copy: P2 },
  { cls: 'end-of-paragraph', text: [P5, FILL[4]! + FILL[5]! + FILL[6]! + FILL[4]!].join('\n'), copy: FILL[4]! },
  // ... or at the end of the draft.
  { cls: 'end-of-draft', text: [P1 + P2, FILL[0]!, FILL[1]!, FILL[2]!, P3, P1].join('\n'), copy: P1 },
  { cls: 'end-of-draft', text: [P5, FILL[4]! + FILL[5]!, FILL[6]!, FILL[7]!, P4 + P3, FILL[5]!].join('\n'), copy: FILL[5]! },
  { cls: 'end-of-draft', text: [P4, FILL[0]! + FILL[1]!, FILL[2]! + FILL[3]!, P5, '以上报告，请审议。' + P5].join('\n'), copy: P5 },
  // A sentence repeated with one or two characters changed, or a mark different.
  { cls: 'near-copy', text: P1 + P2 + P1.replace('扎实', '认真') + P3, copy: P1.replace('扎实', '认真') },
  { cls: 'near-copy', text: P4 + P5 + P5.replace('充分发挥了', '充分发挥'), copy: P5.replace('充分发挥了', '充分发挥') },
  { cls: 'near-copy', text: [P3 + P2, P3.replace('“三会一课”', '三会一课').replace('。', '！')].join('\n'), copy: P3.replace('“三会一课”', '三会一课').replace('。', '！') },
  { cls: 'near-copy', text: FILL[5]! + FILL[6]! + '部分党员理论学习不深入，学用结合还不够紧密。' + FILL[7]!, copy: '部分党员理论学习不深入，学用结合还不够紧密。' },
  { cls: 'near-copy', text: P2 + '对照检视出的问题，逐条制订整改措施，明确责任人和完成时间。' + P4, copy: P4 },
  // A clause repeated inside one sentence.
  { cls: 'clause-in-sentence', text: '我们要以党建引领基层治理，推动资源向基层下沉，推动资源向基层下沉，让群众办事更加便捷。', copy: '推动资源向基层下沉，让' },
  { cls: 'clause-in-sentence', text: '支部坚持每月开展主题党日活动，坚持每月开展主题党日活动，形成了常态化机制。', copy: '坚持每月开展主题党日活动，形成' },
  { cls: 'clause-in-sentence', text: '通过开展结对帮扶，帮助困难党员解决实际困难，帮助困难党员解决实际困难。', copy: '帮助困难党员解决实际困难。' },
  { cls: 'clause-in-sentence', text: '要把从严管理监督贯穿干部队伍建设全过程，把从严管理监督贯穿干部队伍建设全过程，做到真管真严。', copy: '把从严管理监督贯穿干部队伍建设全过程，做到' },
  // A short sentence (10–15 characters) repeated.
  { cls: 'short-sentence', text: '会议指出，成绩来之不易。全体党员要再接再厉。全体党员要再接再厉。', copy: '全体党员要再接再厉。' },
  { cls: 'short-sentence', text: '这次整改取得明显成效。群众满意度显著提升。群众满意度显著提升。下一步要巩固成果。', copy: '群众满意度显著提升。下' },
  { cls: 'short-sentence', text: ['全年发展党员三名，转正两名。', '党费收缴做到按时足额。党费收缴做到按时足额。'].join('\n'), copy: '党费收缴做到按时足额。' },
  { cls: 'short-sentence', text: '支部班子团结协作，凝聚力明显增强。支部班子团结协作，凝聚力明显增强。', copy: '支部班子团结协作，凝聚力明显增强。' },
  { cls: 'short-sentence', text: ['各项工作有序推进。', '各项工作有序推进。', P2].join('\n'), copy: '各项工作有序推进。\n' },
  // A passage repeated across a line break (the copy opens the next line, or a line is broken mid-sentence).
  { cls: 'across-break', text: ['今年以来，支部共开展志愿服务活动二十余次，', '共开展志愿服务活动二十余次，服务群众一千余人次。'].join('\n'), copy: '共开展志愿服务活动二十余次，服' },
  { cls: 'across-break', text: [P1 + P2, P2 + P3].join('\n'), copy: P2 + P3 },
  { cls: 'across-break', text: [P4 + '通过整改，', '通过整改，干部作风明显转变，服务效能明显提升。'].join('\n'), copy: '通过整改，干' },
  { cls: 'across-break', text: [P5 + FILL[4]!, FILL[4]!, FILL[5]!].join('\n'), copy: FILL[4]! + '\n' },
  // A repeated passage with web residue around it.
  { cls: 'web-residue', text: [P1 + P2, P2 + '（来源：某某网）', P3].join('\n'), copy: P2 + '（来源' },
  { cls: 'web-residue', text: [P4 + P5, '责任编辑：张三', P4 + P5, '分享到：'].join('\n'), copy: P4 + P5 + '\n分享' },
  { cls: 'web-residue', text: [P3, '【打印】【关闭】' + P3, FILL[0]!].join('\n'), copy: '】' + P3 },
  { cls: 'web-residue', text: [P1, P2 + ' 阅读全文>>', P2, FILL[1]!].join('\n'), copy: P2 + '\n' + FILL[1]! },
  // The same sentence in two places of a long draft.
  { cls: 'far-apart', text: [P1, FILL[0]!, FILL[1]!, P4 + '要建立整改台账，实行销号管理，确保件件有着落。', FILL[2]!, FILL[3]!, FILL[4]!, FILL[5]! + '要建立整改台账，实行销号管理，确保件件有着落。', FILL[7]!].join('\n'), copy: '要建立整改台账，实行销号管理，确保件件有着落。' },
  { cls: 'far-apart', text: [P5 + P2, FILL[0]!, FILL[1]!, FILL[2]!, FILL[3]!, FILL[4]!, P2 + FILL[6]!].join('\n'), copy: P2 + FILL[6]!.slice(0, 3) },
  { cls: 'far-apart', text: [P3, FILL[0]! + P5, FILL[1]!, FILL[2]!, FILL[3]!, FILL[7]! + P5 + FILL[5]!].join('\n'), copy: P5 + FILL[5]!.slice(0, 3) },
  // A run of clauses of a long sentence pasted again as a sentence of its own, a little later in the paragraph.
  { cls: 'clause-run-echo', text: '我们坚持把学习教育抓在经常，组织党员深入学习党章党规，不断增强纪律意识。组织党员深入学习党章党规。' + P3, copy: '组织党员深入学习党章党规。' },
  { cls: 'clause-run-echo', text: '会议强调，要压紧压实管党治党政治责任，以钉钉子精神抓好问题整改，确保取得实效。以钉钉子精神抓好问题整改。下一步，各支部要对照清单逐项销号。', copy: '以钉钉子精神抓好问题整改。下' },
  { cls: 'clause-run-echo', text: '支部通过“党员+网格”模式，推动党员下沉到网格、服务到家门，累计解决群众诉求两百余件。推动党员下沉到网格、服务到家门。', copy: '推动党员下沉到网格、服务到家门。' },
  { cls: 'clause-run-echo', text: '让我们撸起袖子加油干，为建设美好家园贡献力量，向党和人民交出满意答卷！撸起袖子加油干，为建设美好家园贡献力量！', copy: '撸起袖子加油干，为建设美好家园贡献力量！' },
  { cls: 'clause-run-echo', text: P4 + '在今后的工作中，时刻以党员标准严格要求自己，做到干净干事、担当作为，努力作出新的更大贡献。时刻以党员标准严格要求自己，做到干净干事、担当作为。', copy: '时刻以党员标准严格要求自己，做到干净干事、担当作为。' },
];

export const DRAFT_LOOK_ALIKES: DraftLookAlike[] = [
  // Parallel structures.
  { cls: 'parallel', text: '一是坚持以学铸魂，筑牢信仰之基。二是坚持以学增智，提升履职本领。三是坚持以学正风，锤炼过硬作风。' },
  { cls: 'parallel', text: '要在学懂上下功夫，在弄通上下功夫，在做实上下功夫。' },
  { cls: 'parallel', text: '把党员培养成骨干，把骨干培养成党员，把党员骨干培养成村组干部。' },
  { cls: 'parallel', text: '坚持什么、反对什么，倡导什么、抵制什么，必须旗帜鲜明。' },
  // Refrains a speech repeats on purpose.
  { cls: 'refrain', text: ['我们要永远记住，人民是我们力量的源泉。', P2, '我们要永远记住，人民是我们力量的源泉。', P3, '我们要永远记住，人民是我们力量的源泉。'].join('\n') },
  { cls: 'refrain', text: '不忘初心，方得始终。这是我们的誓言，不忘初心，方得始终。' },
  { cls: 'refrain', text: '奋斗，奋斗，再奋斗！同志们，让我们奋斗，奋斗，再奋斗！' },
  // A heading repeated in the 目录 or as the 附件 title.
  { cls: 'heading', text: ['目录', '一、关于加强基层党组织建设的实施意见', '二、关于规范党费收缴使用管理的通知', '', '一、关于加强基层党组织建设的实施意见', P1, '二、关于规范党费收缴使用管理的通知', P2].join('\n') },
  { cls: 'heading', text: ['关于开展主题党日活动的通知', P3, '附件：主题党日活动安排表', '', '附件', '主题党日活动安排表', P2].join('\n') },
  { cls: 'heading', text: ['附件1：2026年度党建工作要点任务分解表', P4, '附件1', '2026年度党建工作要点任务分解表'].join('\n') },
  // A quotation of the same 提法 twice.
  { cls: 'quotation', text: '全会提出“以党的自我革命引领社会革命”。我们要深刻理解“以党的自我革命引领社会革命”的重大意义。' },
  { cls: 'quotation', text: ['“全面从严治党永远在路上，党的自我革命永远在路上”，这是我们党的清醒认识。', P2, '正因为全面从严治党永远在路上，党的自我革命永远在路上，我们一刻也不能放松。'].join('\n') },
  { cls: 'quotation', text: '要坚持“两个确立”、做到“两个维护”，把坚定拥护“两个确立”、坚决做到“两个维护”落实到行动上。' },
  // List items sharing a frame.
  { cls: 'list-frame', text: ['1.党支部书记履行第一责任人职责情况；', '2.党支部班子成员履行一岗双责情况；', '3.党支部落实三会一课制度情况；', '4.党支部开展主题党日活动情况。'].join('\n') },
  { cls: 'list-frame', text: ['（一）加强政治建设。要把政治建设摆在首位。', '（二）加强思想建设。要把思想建设作为基础性建设。', '（三）加强组织建设。要把组织建设作为重要保障。'].join('\n') },
  { cls: 'list-frame', text: '责任单位：各党支部。完成时限：6月底前。责任单位：机关党委。完成时限：9月底前。' },
  { cls: 'list-frame', text: ['存在问题：学习不够深入系统。', '整改措施：制定个人学习计划。', '存在问题：联系群众不够紧密。', '整改措施：每月走访群众不少于两次。'].join('\n') },
  // Repeated short stock clauses in different sentences.
  { cls: 'stock-clause', text: '对此，我们高度重视，立即召开专题会议研究部署。对此，我们高度重视，第一时间成立工作专班。' },
  { cls: 'stock-clause', text: '经过努力，支部工作有了新起色。经过努力，群众满意度有了新提升。' },
  // A clause taken up again to go on (not a whole sentence), and a quotation restated on purpose.
  { cls: 'take-up', text: '我们要坚持人民至上，始终把群众冷暖放在心上。坚持人民至上，就是要把群众满意作为工作的出发点和落脚点。' },
  { cls: 'take-up', text: '总书记强调，“江山就是人民，人民就是江山”。江山就是人民，人民就是江山。这是我们党始终不变的初心。' },
  { cls: 'take-up', text: '一是加强学习，二是改进作风，三是狠抓各项工作落实。狠抓各项工作落实，是检验作风的试金石。' },
  { cls: 'take-up', text: '要把党的政治建设摆在首位，坚定拥护“两个确立”，坚决做到“两个维护”。坚定拥护“两个确立”、坚决做到“两个维护”，是最高政治原则。' },
  // Near-parallel sentences that differ by a word (not copies).
  { cls: 'near-parallel', text: '要加强对党员干部的教育管理。要加强对党员干部的监督管理。' },
  { cls: 'near-parallel', text: '切实把思想统一到党中央决策部署上来，把力量凝聚到实现目标任务上来。' },
];
