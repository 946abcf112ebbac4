import rule from '../../../lib/rules/stray-punct';
import { ruleTester } from '../rule-tester';

ruleTester.run(rule, {
  valid: [
    // (issue 7) Half-width ? and ! alone, doubled or together (English text, makeshift emphasis).
    'What?! Really?',
    '大家一起喊：加油!!',
    '会议强调……各级党组织要坚决贯彻落实。',
    '全面从严治党永远在路上——这是党中央的郑重宣示。',
    '难道我们就可以放松对党员的教育管理了吗？！',
    'Wow!! That is really great...',
    'The agenda covers: budget, staffing, etc...',
    '全年共发展党员1,280名，比上年增长3.5%。',
    'std::vector<int> members;',
    '2、提升党员队伍的综合素质',
    '一是加强学习，二是完善制度，三是狠抓落实。',
    '注：本表由各党支部填写，于月底前报送。',
    '“两学一做”学习教育，要求“学党章党规、学系列讲话，做合格党员”。',
    // Makeshift ellipsis "。。。" is left for a person to judge.
    '他的发言被掌声打断了。。。',
    // A foreign name written with a dot, a version number, a reference entry.
    '卡尔.马克思是伟大的革命导师。',
    '系统版本号为3.5.1，请及时更新。',
    '[1]刘永谋.党支部书记的工作方法与领导艺术[M].北京:中国共产党出版社,2022.',
    // A writer who ends sentences with "." throughout: no single stray dot to delete.
    '这是我们的.那是他们的.',
    // Half-width doubled marks outside Chinese text.
    'a,,b;;c',
    // ；and ：together: nothing tells which was meant.
    '主要内容如下；：一是加强学习。',
    // A quotation that ends a sentence inside the quote, followed by a new sentence.
    '他说：“必须这样做。”大家纷纷表示赞同。',
    '这就是“两个确立”。',
    '我们扪心自问：这样做对得起群众吗？！',
    // A "." between Han characters that is no sentence end: in a name, a title, a quotation, a decimal; and
    // where the writer's paragraph has no 。 (nothing tells that 。 was meant) or a side is too short.
    '会上传达了约翰.史密斯的讲话精神，大家深受启发。',
    '认真学习《关于加强.党的建设的意见》。',
    '他说：“要坚持学习.不断进步。”大家表示赞同。',
    '全年完成投资3.5亿元，各项任务圆满完成。',
    '基层报表减少三分之一.机关干部下沉一线',
    '一半.机关干部下沉一线帮助群众。',
    // Nested brackets close twice; quotations next to each other are no double.
    '详见附件（一）（二），按要求报送（见附表（三））。',
    '开展“强村贷”“兴农贷”业务，学习《党章》《准则》《条例》。',
    '他说：“我们常讲‘为民服务’”，大家都记住了。',
  ],
  invalid: [
    // A colon and a comma: the colon only where it introduces something (after 要求, 如下, 说; before “, 一是).
    { text: '帮不了的及时向上反映：，不让一件小事拖成大事。', output: '帮不了的及时向上反映，不让一件小事拖成大事。', issues: [{ text: '：，', fix: '，' }] },
    { text: '对群众反映的问题认真梳理，：逐项建立台账。', output: '对群众反映的问题认真梳理，逐项建立台账。', issues: [{ text: '，：', fix: '，' }] },
    { text: '会议要求：，各支部要认真抓好落实。', output: '会议要求：各支部要认真抓好落实。', issues: [{ text: '：，', fix: '：' }] },
    { text: '主要做法如下，：一是加强学习。', output: '主要做法如下：一是加强学习。', issues: [{ text: '，：', fix: '：' }] },
    { text: '他说：，“我们一定要把工作做好。”', output: '他说：“我们一定要把工作做好。”', issues: [{ text: '：，', fix: '：' }] },
    // A quotation or book-title mark typed twice.
    { text: '群众亲切地称他们是“背包银行””。', output: '群众亲切地称他们是“背包银行”。', issues: [{ text: '””', fix: '”' }] },
    { text: '围绕《《习近平谈治国理政》第五卷开展研讨。', output: '围绕《习近平谈治国理政》第五卷开展研讨。', issues: [{ text: '《《', fix: '《' }] },
    { text: '认真学习““两个确立”的决定性意义。', output: '认真学习“两个确立”的决定性意义。', issues: [{ text: '““', fix: '“' }] },
    { text: '组织党员学习《中国共产党纪律处分条例》》。', output: '组织党员学习《中国共产党纪律处分条例》。', issues: [{ text: '》》', fix: '》' }] },
    { text: '开展““三会一课””专项检查。', output: '开展“三会一课”专项检查。', issues: [{ text: '““', fix: '“' }, { text: '””', fix: '”' }] },
    // (issue 7) A half-width question or exclamation mark next to a full-width mark: the full-width form of it.
    { text: '这样的作风群众能满意吗?。我们要反思。', output: '这样的作风群众能满意吗？我们要反思。', issues: [{ text: '?。', fix: '？' }] },
    {
      text: '共召开座谈会12场、，走访党员群众300余人。',
      output: '共召开座谈会12场，走访党员群众300余人。',
      issues: [{ text: '、，', fix: '，' }],
    },
    {
      text: '2、,提升党员队伍的综合素质',
      output: '2、提升党员队伍的综合素质',
      issues: [{ text: '、,', fix: '、' }],
      note: 'seed 002',
    },
    {
      text: '特别是年轻干部的.思想波动，在他们成长、进步的道路上排忧解难。',
      output: '特别是年轻干部的思想波动，在他们成长、进步的道路上排忧解难。',
      issues: [{ text: '.', fix: '' }],
      note: 'seed 000: a lone dot after 的',
    },
    // ，。 before one short clause that closes the paragraph: the comma was meant; elsewhere the full stop.
    {
      text: '坚决纠治以会议落实会议、以文件落实文件，。切实减轻基层负担。',
      output: '坚决纠治以会议落实会议、以文件落实文件，切实减轻基层负担。',
      issues: [{ text: '，。', fix: '，' }],
    },
    {
      text: '今年工作取得明显成效，。下一步，我们将继续努力。',
      output: '今年工作取得明显成效。下一步，我们将继续努力。',
      issues: [{ text: '，。', fix: '。' }],
    },
    // The one "." between two Han clauses of a paragraph that ends its sentences with 。: a sentence end typed
    // half-width.
    {
      text: '基层报表减少三分之一.机关干部下沉一线帮助群众解决难题。',
      output: '基层报表减少三分之一。机关干部下沉一线帮助群众解决难题。',
      issues: [{ text: '.', fix: '。' }],
    },
    {
      text: '全年开展专题培训六期.支部书记轮训实现全覆盖。',
      output: '全年开展专题培训六期。支部书记轮训实现全覆盖。',
      issues: [{ text: '.', fix: '。' }],
    },
    {
      text: '坚持党的领导和.人民当家作主有机统一。',
      output: '坚持党的领导和人民当家作主有机统一。',
      issues: [{ text: '.', fix: '' }],
    },
    {
      text: '加强党的建设，，提高党的执政能力。',
      output: '加强党的建设，提高党的执政能力。',
      issues: [{ text: '，，', fix: '，' }],
    },
    {
      text: '圆满完成了全年各项目标任务。。',
      output: '圆满完成了全年各项目标任务。',
      issues: [{ text: '。。', fix: '。' }],
    },
    {
      text: '认真学习、、贯彻、落实全会精神。',
      output: '认真学习、贯彻、落实全会精神。',
      issues: [{ text: '、、', fix: '、' }],
    },
    {
      text: '坚持民主集中制；；严格党的组织生活。',
      output: '坚持民主集中制；严格党的组织生活。',
      issues: [{ text: '；；', fix: '；' }],
    },
    {
      text: '这次民主生活会开得很成功，。',
      output: '这次民主生活会开得很成功。',
      issues: [{ text: '，。', fix: '。' }],
    },
    {
      text: '会议取得圆满成功。，与会同志一致表示要认真贯彻。',
      output: '会议取得圆满成功。与会同志一致表示要认真贯彻。',
      issues: [{ text: '。，', fix: '。' }],
    },
    {
      text: '加强党的建设,,提高党的执政能力。',
      output: '加强党的建设，提高党的执政能力。',
      issues: [{ text: ',,', fix: '，' }],
      note: 'half-width doubled comma in Chinese text',
    },
    {
      text: '党员要发挥先锋模范作用，,带动周围群众。',
      output: '党员要发挥先锋模范作用，带动周围群众。',
      issues: [{ text: '，,', fix: '，' }],
      note: 'full-width and half-width comma',
    },
    {
      text: '各项工作稳步推进。.',
      output: '各项工作稳步推进。',
      issues: [{ text: '。.', fix: '。' }],
    },
    {
      text: '一要精心组织、,，加强领导；二要联系实际，学以致用。',
      output: '一要精心组织、加强领导；二要联系实际，学以致用。',
      issues: [{ text: '、,，', fix: '、' }],
    },
    {
      text: '重业务、轻党建的倾向依然存在，、对村党组织书记的管理不够到位。',
      output: '重业务、轻党建的倾向依然存在，对村党组织书记的管理不够到位。',
      issues: [{ text: '，、', fix: '，' }],
      note: 'comma then enumeration comma: the first one typed stays',
    },
    {
      text: '原则上不得请假；，确需请假的，须经批准。',
      output: '原则上不得请假；确需请假的，须经批准。',
      issues: [{ text: '；，', fix: '；' }],
    },
    {
      text: '主要有以下几点，；一是加强学习。',
      output: '主要有以下几点；一是加强学习。',
      issues: [{ text: '，；', fix: '；' }],
    },
    {
      text: '现将有关事项通知如下：，请认真贯彻执行。',
      output: '现将有关事项通知如下：请认真贯彻执行。',
      issues: [{ text: '：，', fix: '：' }],
    },
    {
      text: '全面完成了年度目标任务；。',
      output: '全面完成了年度目标任务。',
      issues: [{ text: '；。', fix: '。' }],
    },
    {
      text: '各支部要认真组织学习， ，确保取得实效。',
      output: '各支部要认真组织学习，确保取得实效。',
      issues: [{ text: '， ，', fix: '，' }],
      note: 'doubled marks with a space between them',
    },
    {
      text: '习近平总书记强调：“打铁必须自身硬。”。全体党员要牢记嘱托。',
      output: '习近平总书记强调：“打铁必须自身硬。”全体党员要牢记嘱托。',
      issues: [{ text: '。', fix: '', start: 19 }],
      note: 'a full stop after a quotation that already ends with one',
    },
    {
      text: '我们要问一问自己：面对诱惑能否守得住？。面对压力能否顶得住？',
      output: '我们要问一问自己：面对诱惑能否守得住？面对压力能否顶得住？',
      issues: [{ text: '？。', fix: '？' }],
    },
    {
      text: '我们一定要以案为鉴、以案促改，真正做到警钟长鸣！！',
      output: '我们一定要以案为鉴、以案促改，真正做到警钟长鸣！',
      issues: [{ text: '！！', fix: '！' }],
      note: '公文 does not stack exclamation marks',
    },
  ],
});
