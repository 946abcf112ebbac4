/**
 * Immediate repeats (a sentence, a clause or the tail of a sentence pasted or retyped right after itself,
 * also at the start of the next line) and clean look-alikes, written for repeated-passage's adjacent-copy
 * check (not taken from the seeds, the dev drafts or the held-out drafts). `output` is the text with exactly
 * the copy deleted. Shared by the rule's test and the before/after count in its commit message.
 */
export interface RepeatCase {
  text: string;
  output: string;
  note: string;
}

export const ADJACENT_REPEATS: RepeatCase[] = [
  {
    note: 'the tail clause of a sentence pasted after its full stop',
    text: '通过选派党建指导员，帮助企业规范组织生活、建强支部班子。帮助企业规范组织生活、建强支部班子。部分企业党组织作用发挥仍不明显。',
    output: '通过选派党建指导员，帮助企业规范组织生活、建强支部班子。部分企业党组织作用发挥仍不明显。',
  },
  {
    note: 'a copy that starts earlier than the last clause (takes its subject along)',
    text: '我们用身边的典型案例开展警示教育，让党员干部在“身边事”中受警醒、明底线。让党员干部在“身边事”中受警醒、明底线。同时，还要健全制度。',
    output: '我们用身边的典型案例开展警示教育，让党员干部在“身边事”中受警醒、明底线。同时，还要健全制度。',
  },
  {
    note: 'a copy that starts later than the clause (inside a word)',
    text: '支部每月组织党员深入社区开展志愿服务，帮助困难群众解决实际问题。困难群众解决实际问题。这项活动受到居民欢迎。',
    output: '支部每月组织党员深入社区开展志愿服务，帮助困难群众解决实际问题。这项活动受到居民欢迎。',
  },
  {
    note: 'a clause repeated after a comma',
    text: '各党支部要对照清单逐项整改，建立整改台账，建立整改台账，明确责任人和完成时限。',
    output: '各党支部要对照清单逐项整改，建立整改台账，明确责任人和完成时限。',
  },
  {
    note: 'the tail of a clause repeated after a comma',
    text: '我们要把学习成果转化为推动高质量发展的实际成效，转化为推动高质量发展的实际成效，切实做到学以致用。',
    output: '我们要把学习成果转化为推动高质量发展的实际成效，切实做到学以致用。',
  },
  {
    note: 'a copy pasted before the full stop of its original (no mark between the copies; the original opens a clause)',
    text: '村党组织要带领群众发展特色产业，不断壮大村级集体经济不断壮大村级集体经济。这是乡村振兴的关键。',
    output: '村党组织要带领群众发展特色产业，不断壮大村级集体经济。这是乡村振兴的关键。',
  },
  {
    note: 'across a line break: the next paragraph opens with the end of the previous one',
    text: '近年来，街道坚持党建引领，推动资源下沉、服务下沉、力量下沉。\n资源下沉、服务下沉、力量下沉。社区工作者队伍不断壮大，服务能力明显提升。',
    output: '近年来，街道坚持党建引领，推动资源下沉、服务下沉、力量下沉。\n社区工作者队伍不断壮大，服务能力明显提升。',
  },
  {
    note: 'across a line break, the copy starting earlier than the last clause',
    text: '对发现的问题，镇党委坚持立行立改，确保件件有着落、事事有回音。\n确保件件有着落、事事有回音。下一步，我们将持续巩固整改成果。',
    output: '对发现的问题，镇党委坚持立行立改，确保件件有着落、事事有回音。\n下一步，我们将持续巩固整改成果。',
  },
  {
    note: 'across a line break, the whole next line is the copy',
    text: '党员干部要自觉把纪律规矩挺在前面，做到知敬畏、存戒惧、守底线。\n做到知敬畏、存戒惧、守底线。\n二、存在的问题',
    output: '党员干部要自觉把纪律规矩挺在前面，做到知敬畏、存戒惧、守底线。\n二、存在的问题',
  },
  {
    note: 'two short sentences repeated together',
    text: '会上，书记强调要抓学习、促提升。要抓落实、见实效。要抓学习、促提升。要抓落实、见实效。会议还部署了下半年工作。',
    output: '会上，书记强调要抓学习、促提升。要抓落实、见实效。会议还部署了下半年工作。',
  },
  {
    note: 'a retyped copy ending with a different mark',
    text: '社区党委推行“网格吹哨、部门报到”机制，解决了一批群众急难愁盼问题，解决了一批群众急难愁盼问题。居民满意度持续提高。',
    output: '社区党委推行“网格吹哨、部门报到”机制，解决了一批群众急难愁盼问题。居民满意度持续提高。',
  },
  {
    note: 'a tail with a quotation repeated',
    text: '支部坚持把“三会一课”作为锤炼党性的“大熔炉”，坚持把“三会一课”作为锤炼党性的“大熔炉”，确保组织生活经常、认真、严肃。',
    output: '支部坚持把“三会一课”作为锤炼党性的“大熔炉”，确保组织生活经常、认真、严肃。',
  },
  {
    note: 'a clause after a semicolon repeated',
    text: '一是理论学习不够系统，满足于完成规定动作；满足于完成规定动作；二是调查研究不够深入。',
    output: '一是理论学习不够系统，满足于完成规定动作；二是调查研究不够深入。',
  },
  {
    note: 'a copy at the end of a paragraph',
    text: '新的一年，我们将以更加饱满的热情投入工作，奋力谱写高质量发展新篇章。奋力谱写高质量发展新篇章。',
    output: '新的一年，我们将以更加饱满的热情投入工作，奋力谱写高质量发展新篇章。',
  },
  {
    note: 'a copy at the end of a line, without its mark',
    text: '这次调研，我们共走访企业32家，召开座谈会6场，收集意见建议45条收集意见建议45条\n现将有关情况报告如下。',
    output: '这次调研，我们共走访企业32家，召开座谈会6场，收集意见建议45条\n现将有关情况报告如下。',
  },
  {
    note: 'a sentence of several clauses repeated, the copy starting mid-clause',
    text: '在推进过程中，我们坚持问题导向，聚焦群众反映强烈的突出问题精准发力。群众反映强烈的突出问题精准发力。取得了阶段性成效。',
    output: '在推进过程中，我们坚持问题导向，聚焦群众反映强烈的突出问题精准发力。取得了阶段性成效。',
  },
  {
    note: 'an enumeration tail repeated after an enumeration comma',
    text: '要常态化开展谈心谈话，及时了解党员的思想动态、工作状态、生活情况、工作状态、生活情况，帮助解决实际困难。',
    output: '要常态化开展谈心谈话，及时了解党员的思想动态、工作状态、生活情况，帮助解决实际困难。',
  },
  {
    note: 'an exclamation repeated',
    text: '同志们，使命呼唤担当，奋斗成就梦想，让我们撸起袖子加油干！让我们撸起袖子加油干！',
    output: '同志们，使命呼唤担当，奋斗成就梦想，让我们撸起袖子加油干！',
  },
  {
    note: 'a repeat with a space before the copy',
    text: '学校党委把师德师风作为评价教师素质的第一标准，实行师德失范“一票否决”。 实行师德失范“一票否决”。教师队伍面貌焕然一新。',
    output: '学校党委把师德师风作为评价教师素质的第一标准，实行师德失范“一票否决”。教师队伍面貌焕然一新。',
  },
  {
    note: 'a copy with half-width commas',
    text: '我们要坚持以人民为中心的发展思想,切实解决群众的操心事、烦心事,切实解决群众的操心事、烦心事,让群众有更多获得感。',
    output: '我们要坚持以人民为中心的发展思想,切实解决群众的操心事、烦心事,让群众有更多获得感。',
  },
  {
    note: 'a copy of a question',
    text: '我们不妨扪心自问：入党为了什么、当官做些什么、身后留下什么？当官做些什么、身后留下什么？这是每名党员都要回答好的问题。',
    output: '我们不妨扪心自问：入党为了什么、当官做些什么、身后留下什么？这是每名党员都要回答好的问题。',
  },
  {
    note: 'a copy in a traditional-script paragraph',
    text: '黨支部堅持每月開展主題黨日活動，引導黨員在服務群眾中發揮作用。引導黨員在服務群眾中發揮作用。效果良好。',
    output: '黨支部堅持每月開展主題黨日活動，引導黨員在服務群眾中發揮作用。效果良好。',
  },
  {
    note: 'a long tail copied after the sentence',
    text: '今年以来，县委组织部聚焦基层党组织建设薄弱环节，集中整顿软弱涣散村党组织18个，选派第一书记56名，推动全县村级班子整体功能明显增强。推动全县村级班子整体功能明显增强。',
    output: '今年以来，县委组织部聚焦基层党组织建设薄弱环节，集中整顿软弱涣散村党组织18个，选派第一书记56名，推动全县村级班子整体功能明显增强。',
  },
  {
    note: 'a copy of a clause with a number',
    text: '全年共开展主题党日活动12次，组织党员志愿服务48场次，组织党员志愿服务48场次，惠及群众3000余人。',
    output: '全年共开展主题党日活动12次，组织党员志愿服务48场次，惠及群众3000余人。',
  },
  {
    note: 'the repeated clause after a colon',
    text: '下一步，我们将重点抓好三项工作：持续深化理论武装，持续深化理论武装，不断夯实基层基础，着力锤炼过硬作风。',
    output: '下一步，我们将重点抓好三项工作：持续深化理论武装，不断夯实基层基础，着力锤炼过硬作风。',
  },
  {
    note: 'a copy starting two characters before the clause',
    text: '巡察组指出，该局对干部日常监督不够有力，部分干部纪律意识淡薄。部分干部纪律意识淡薄。局党组高度重视。',
    output: '巡察组指出，该局对干部日常监督不够有力，部分干部纪律意识淡薄。局党组高度重视。',
  },
  {
    note: 'a copy whose original ends the previous line with a closing quote',
    text: '我们要始终牢记总书记的嘱托，当好人民群众的“贴心人”。\n当好人民群众的“贴心人”。在工作中，要多到群众中去。',
    output: '我们要始终牢记总书记的嘱托，当好人民群众的“贴心人”。\n在工作中，要多到群众中去。',
  },
  {
    note: 'a copy after an indented line break',
    text: '　　各单位要按照方案要求，认真组织实施，确保活动取得实效。\n　　确保活动取得实效。活动结束后，请于12月20日前报送总结。',
    output: '　　各单位要按照方案要求，认真组织实施，确保活动取得实效。\n　　活动结束后，请于12月20日前报送总结。',
  },
  {
    note: 'three copies in a row',
    text: '我们要以钉钉子精神抓好落实，一锤接着一锤敲。一锤接着一锤敲。一锤接着一锤敲。确保各项任务落地见效。',
    output: '我们要以钉钉子精神抓好落实，一锤接着一锤敲。确保各项任务落地见效。',
  },
  {
    note: 'a copy of the end of a sentence that was itself after a comma, pasted with its comma',
    text: '对群众反映的问题，我们坚持一线收集、一线解决，做到小事不出网格、大事不出社区，做到小事不出网格、大事不出社区。',
    output: '对群众反映的问题，我们坚持一线收集、一线解决，做到小事不出网格、大事不出社区。',
  },
  {
    note: 'a copy of a clause with an exclamation mark kept',
    text: '党旗所指就是团旗所向，青年党员要勇当先锋、敢打头阵，勇当先锋、敢打头阵！',
    output: '党旗所指就是团旗所向，青年党员要勇当先锋、敢打头阵！',
  },
  {
    note: 'a retyped tail between two long sentences',
    text: '通过开展“我为群众办实事”实践活动，全镇党员干部累计为群众办理实事好事326件，进一步密切了党群干群关系。进一步密切了党群干群关系。今后，我们将把这一做法坚持下去。',
    output: '通过开展“我为群众办实事”实践活动，全镇党员干部累计为群众办理实事好事326件，进一步密切了党群干群关系。今后，我们将把这一做法坚持下去。',
  },
];

/** Clean text with repeated structure that must not be flagged. */
export const ADJACENT_LOOK_ALIKES: string[] = [
  // Parallel structure with a shared frame.
  '我们既要抓好理论学习，也要抓好实践锻炼，既要立足当前，也要着眼长远。',
  '既要敢于担当，又要善于担当；既要勇于作为，又要善于作为。',
  // 排比 with a shared prefix.
  '要坚持用党的创新理论凝心铸魂，坚持用党的创新理论武装头脑，坚持用党的创新理论指导实践。',
  '我们要始终牢记，人民是我们党的根基，人民是我们党的血脉，人民是我们党的力量源泉。',
  '学习要一以贯之，学习要持之以恒，学习要学以致用。',
  // Slogans and fixed lists repeated legitimately.
  '深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”，以实际行动践行“两个维护”。',
  '坚决拥护“两个确立”，坚决做到“两个维护”。',
  '不忘初心、牢记使命，是我们党的永恒课题；不忘初心、方得始终，是我们的行动指南。',
  // 顶真 (anadiplosis): the end of a sentence opens the next one, which goes on.
  '我们要始终坚持人民至上。坚持人民至上，就是要把群众满意作为最高标准。',
  '作风建设关键在于常抓不懈。常抓不懈，才能久久为功。',
  '干部要做到心中有党。\n心中有党，就要对党忠诚、为党分忧。',
  '党员要在学习上下真功夫。真功夫从哪里来？从原原本本读原著中来。',
  // Emphatic repetition of a short word.
  '学习、学习、再学习，是我们不断进步的法宝。',
  '落实、落实、再落实，是我们做好工作的关键。',
  '实干，实干，再实干，这是我们的座右铭。',
  // Reduplicated verbs and idioms.
  '有什么问题大家可以研究研究，讨论讨论，拿出一个方案来。',
  '他们一件一件抓落实，一年接着一年干，一任接着一任干。',
  '要一个支部一个支部地抓，一个党员一个党员地管。',
  // Repeated headings of a series under different numbers and the same noun in several clauses.
  '一是抓学习，二是抓落实，三是抓督查，四是抓考核。',
  '要在学懂上下功夫，在弄通上下功夫，在做实上下功夫。',
  '党建工作做实了就是生产力，做细了就是凝聚力，做强了就是战斗力。',
  // A heading repeated as the opening of its paragraph.
  '三、坚持问题导向\n坚持问题导向，是我们党的重要工作方法。',
  '（一）加强理论学习\n加强理论学习，首先要原原本本读原著。',
  // Numbers and dates that look repeated.
  '2023年至2024年，2024年至2025年，两个阶段的任务各有侧重。',
  '共评选出优秀共产党员10名、优秀党务工作者10名、先进基层党组织10个。',
  // The same clause in two separate sentences far from each other in meaning.
  '要把群众满意作为工作的出发点。群众满不满意，要由群众来评判，而不是自己说了算，要把群众满意作为工作的落脚点。',
  // Poetry-like parallel lines.
  '一枝一叶总关情，一点一滴见初心。',
  '身入基层，心入基层，情入基层。',
  // Tables flattened into lines with repeated column values.
  '第一党支部 组织委员 张某\n第二党支部 组织委员 李某',
  '时间：每月第一周周五下午\n地点：党员活动室\n时间：每月第三周周五下午\n地点：党员活动室',
  // A sentence echoed by a slightly different one.
  '我们要以更高标准推进工作。我们要以更严要求推进工作。',
  '对党忠诚，是共产党人首要的政治品质；对党忠诚，是共产党人的根本立场。',
];
