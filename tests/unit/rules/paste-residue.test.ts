import { describe, expect, it } from 'vitest';
import rule from '../../../lib/rules/paste-residue';
import { ruleTester, runRule } from '../rule-tester';

const BANNER =
  '【写作参考】阿拉题库漂亮网友为您精选的“如何提高基层党支部书记的履职能力集聚5篇”文档资料,供您写作参考阅读之用,希望对您有所帮助,喜欢就复制下载吧!';

ruleTester.run(rule, {
  valid: [
    // A numbered attachment list after its label is no page number cutting a sentence; a bracket that is
    // no photo credit stays; a count in running text stays.
    '请各支部于3月10日前报送材料。\n附件：1．活动计划表\n2．微党课作品报送表\n联系人：张某',
    '一、加强组织领导（牵头单位：市委组织部）\n各单位要高度重视。',
    '全市共有党员12,000名，基层党组织860个。',
    // The same words inside sentences are ordinary words.
    '要把收起来的会议材料及时整理归档。',
    '对群众反映强烈的问题，要及时受理举报、及时查处。',
    '各支部要全面展开全部整改工作，确保按期完成。',
    '群众纷纷为支部的这一做法点赞。',
    '评论员文章指出，要坚定不移推进全面从严治党。',
    '请扫一扫下方二维码参加党史知识答题。',
    '请认真阅读全文并在学习记录上签字确认。',
    '下一步，我们将继续加强基层党组织建设。',
    '上一篇文章中我们谈到了作风建设的问题。',
    '网络出版时间是期刊论文的重要信息之一。',
    '剩余工作要在月底前全部完成。',
    '2个支部被评为先进基层党组织。',
    '本文来源于支部书记的调研报告，经作者同意刊发。',
    '如何提高基层党支部书记的履职能力集聚5篇',
    '文章浅谈了党支部书记如何发挥表率作用。',
    '党员要带头赞成和支持改革。',
    '（作者单位：建筑公司）',
    // Lines a notice or report really has: dates the official way, contacts, organisers, attachments.
    '时间：2024年4月15日',
    '时间：4月15日至4月17日　地点：区委党校',
    '主办单位：区委组织部　　承办单位：区委党校',
    '联系人：张敏，联系电话：88321567。',
    '关键词：国有企业；基层党建；深度融合',
    '附件：读书班学员报名回执',
    '2024年4月1日',
    '中共某某区委办公室\u3000\u3000\u3000\u30002024年4月1日印发',
    '作者：王强',
    '勠力同心谋新篇 砥砺前行开新局',
    // The same words inside sentences.
    '要通过微信公众号、政务网站及时发布信息，主动回应群众关切。',
    '以上数据仅供参考，以统计部门最终公布的为准。',
    '欢迎各位领导莅临指导。',
    '希望大家在学习中相互交流、共同提高。',
    '各单位登录系统后查看通知，按要求报送材料。',
    '全年共隐藏风险隐患排查整治问题32个。',
    '会议要求，要把剩余时间用于整改落实。',
    '各支部要关注我们身边的先进典型，及时总结推广。',
    '首页设置了“党建动态”“理论学习”两个栏目。',
    '第5页的表格列出了各支部的任务分工。',
    '相关推荐人选要经党组织集体研究确定。',
    // A numbered list after prose that ends mid-sentence is a list when its numbering runs on.
    '主要做法如下\n1、加强学习\n2、完善制度，推动工作落实',
    '工作要求如下，\n3、加强组织领导，确保取得实效。\n4、严格督促检查，确保落到实处。\n2、这是后来补写的一项，确保取得实效。',
    // A line of wrapped text that starts with a number of the sentence: no page number.
    '为深入了解情况，调研组采取座谈交流、问卷调查等方式，对全区\n8个街道、46个社区开展了专题调研。',
    // Maths and comparisons are no HTML.
    '当x<5且y>3时，结果为真。',
    // A bare number line between finished paragraphs is not cut out of a sentence.
    '全面完成年度目标任务。\n5\n下一步，我们将继续努力。',
    '本文由课题组集体讨论形成，执笔人：王强。',
    '点击率和转化率是衡量平台运营的重要指标。',
    '感谢各位同志对支部工作的支持！',
    '第一条\u3000为了加强党的基层组织建设，制定本条例。',
    '这份材料由县委组织部整理，供各支部学习参考。',
    '该数据由国家电网整理提供，仅供参考。',
    '日期：2024-05-10',
    '时间：2024年5月10日\u3000地点：党员活动室\u3000主持人：李明\u3000记录人：张华',
    '张　强\n2024.5.10',
    '系统报错代码为0x0a，请联系技术人员处理。',
    '文件保存在D:\\new\\报告.docx中。',
  ],
  invalid: [
    // Chrome forms beyond the dev drafts' own: counts with thousands separators, 我要-buttons, download links,
    // photo captions.
    {
      text: '学习心得\n发布日期：2025-03-02　　访问量：12,408\n全体党员要认真学习党章党规。',
      output: '学习心得\n全体党员要认真学习党章党规。',
      issues: [{ text: '发布日期：2025-03-02　　访问量：12,408\n', fix: '' }],
    },
    {
      text: '【我要打印】【关闭窗口】\n全体党员要认真学习党章党规。',
      output: '全体党员要认真学习党章党规。',
      issues: [{ text: '【我要打印】【关闭窗口】\n', fix: '' }],
    },
    {
      text: '全体党员要认真学习党章党规。\n附件下载：学习计划表.xlsx\n',
      output: '全体党员要认真学习党章党规。\n',
      issues: [{ text: '附件下载：学习计划表.xlsx\n', fix: '' }],
    },
    {
      text: '支部组织党员参观红色教育基地。\n▲ 党员在革命纪念馆重温入党誓词\n参观结束后，大家交流了体会。',
      output: '支部组织党员参观红色教育基地。\n参观结束后，大家交流了体会。',
      issues: [{ text: '▲ 党员在革命纪念馆重温入党誓词\n', fix: '' }],
    },
    {
      text: '支部组织党员参观红色教育基地。\n党员在纪念馆重温入党誓词（李明 摄）\n参观结束后，大家交流了体会。',
      output: '支部组织党员参观红色教育基地。\n参观结束后，大家交流了体会。',
      issues: [{ text: '党员在纪念馆重温入党誓词（李明 摄）\n', fix: '' }],
    },
    {
      text: '支部书记要带头讲党课，提高政治执行力。展开全部',
      output: '支部书记要带头讲党课，提高政治执行力。',
      issues: [{ text: '展开全部', fix: '' }],
      note: 'a button glued to a finished sentence at the line end',
    },
    { text: '展开全部', output: '', issues: [{ text: '展开全部', fix: '' }] },
    {
      text: '基层党支部是党组织中最基本的单元。\n展开全部\n改革开放30多年，中国经济飞速发展。',
      output: '基层党支部是党组织中最基本的单元。\n改革开放30多年，中国经济飞速发展。',
      issues: [
        { text: '展开全部\n', fix: '', start: 18 },
      ],
      note: 'a residue line between paragraphs goes with its line break',
    },
    {
      text: '下一篇:一国两制心得体会范文范例精彩4篇',
      output: '',
      issues: [{ text: '下一篇:一国两制心得体会范文范例精彩4篇', fix: '' }],
    },
    {
      text: '浅谈党支部书记如何发挥表率作用 联系客服',
      output: '浅谈党支部书记如何发挥表率作用 ',
      issues: [{ text: '联系客服', fix: '' }],
      note: 'a button glued to the title line',
    },
    {
      text: '发布时间 : 星期一 文章浅谈党支部书记如何发挥表率作用更新完毕开始阅读bd4ed8dd5022aaea998f0ffa',
      output: '',
      issues: [
        { text: '发布时间 : 星期一 文章浅谈党支部书记如何发挥表率作用', fix: '' },
        { text: '更新完毕开始阅读bd4ed8dd5022aaea998f0ffa', fix: '' },
      ],
      note: 'document-sharing site header with a download hash',
    },
    {
      text: '(整期优先)网络出版时间:2024-02-21',
      output: '',
      issues: [{ text: '(整期优先)网络出版时间:2024-02-21', fix: '' }],
    },
    {
      text: '党章规定，党员要\n已赞过\n已踩过<\n评论\n收起\n你对这个回答的评价是?',
      output: '党章规定，党员要\n',
      issues: [
        { text: '已赞过\n', fix: '' },
        { text: '已踩过<\n', fix: '' },
        { text: '评论\n', fix: '' },
        { text: '收起\n', fix: '' },
        { text: '你对这个回答的评价是?', fix: '' },
      ],
      note: 'the controls under a Q&A-site answer',
    },
    {
      text: BANNER,
      output: '',
      issues: [
        { text: '【写作参考】阿拉题库漂亮网友为您精选的', fix: '' },
        { text: BANNER.slice(19), fix: '' },
      ],
      note: 'the labelled range of seed 000 and the rest of the banner',
    },
    {
      text: '党支部书记要以身作则、率先垂范，做到吃苦在前、享受在后。(剩余2824字)',
      output: '党支部书记要以身作则、率先垂范，做到吃苦在前、享受在后。',
      issues: [{ text: '(剩余2824字)', fix: '' }],
    },
    {
      text: '本文来源于网络，版权归原作者所有，如有侵权请联系删除。',
      output: '',
      issues: [{ text: '本文来源于网络，版权归原作者所有，如有侵权请联系删除。', fix: '' }],
    },
    {
      text: '浅谈如何做好基层党建工作\n2个回答',
      output: '浅谈如何做好基层党建工作\n',
      issues: [{ text: '2个回答', fix: '' }],
      note: 'the last line keeps the break before it',
    },
    {
      text: '  收起  ',
      output: '',
      issues: [{ text: '  收起  ', fix: '', start: 0 }],
      note: 'a whole residue line goes with the spaces around it',
    },
    {
      text: '基层党支部书记作为第一责任人，是基层党支部各项工作的组...展开全部',
      output: '基层党支部书记作为第一责任人，是基层党支部各项工作的组...',
      issues: [{ text: '展开全部', fix: '' }],
      note: 'a control glued after a truncated snippet',
    },
    { text: '分享到：', output: '', issues: [{ text: '分享到：', fix: '' }] },
    {
      text: '当前位置：首页 > 范文大全 > 调研报告 > 正文\n关于加强作风建设的调研报告',
      output: '关于加强作风建设的调研报告',
      issues: [
        { text: '当前位置：首页 > 范文大全 > 调研报告 > 正文\n', fix: '' },
      ],
      note: 'a breadcrumb line goes with its line break',
    },
    {
      text: '首页 >> 通知公告 >> 正文\n关于开展读书班的通知',
      output: '关于开展读书班的通知',
      issues: [{ text: '首页 >> 通知公告 >> 正文\n', fix: '' }],
    },
    {
      text: '发布时间：2024-03-18 09:42\u3000\u3000来源：县委组织部\u3000\u3000作者：调研组\u3000\u3000浏览次数：3265\n正文',
      output: '正文',
      issues: [
        { text: '发布时间：2024-03-18 09:42\u3000\u3000来源：县委组织部\u3000\u3000作者：调研组\u3000\u3000浏览次数：3265\n', fix: '' },
      ],
      note: 'site chrome: fields, a timestamp, a counter',
    },
    {
      text: '主办：某某区人民政府办公室\u3000\u3000承办：某某区大数据中心\n',
      output: '',
      issues: [{ text: '主办：某某区人民政府办公室\u3000\u3000承办：某某区大数据中心\n', fix: '' }],
      note: 'two generic fields together are chrome',
    },
    {
      text: '原创\u3000市直机关工委\u3000机关党建在线\u30002023-12-26 18:30\u3000发表于江苏\n阅读 2856\n点赞 36\u3000\u3000在看 12\n【字体：大 中 小】 【打印】 【关闭】\n打印本页 | 关闭窗口\n上一页 1 2 3 下一页\n©2024 某某文库\u3000\u3000联系我们\u3000\u3000网站地图\n版权所有 © 2024 三农范文网 京ICP备12345678号\n网站标识码：3201150012\u3000\u3000苏公网安备 32011502010456号\n正文',
      output: '正文',
      issues: [
        { text: '原创\u3000市直机关工委\u3000机关党建在线\u30002023-12-26 18:30\u3000发表于江苏\n', fix: '' },
        { text: '阅读 2856\n', fix: '' },
        { text: '点赞 36\u3000\u3000在看 12\n', fix: '' },
        { text: '【字体：大 中 小】 【打印】 【关闭】\n', fix: '' },
        { text: '打印本页 | 关闭窗口\n', fix: '' },
        { text: '上一页 1 2 3 下一页\n', fix: '' },
        { text: '©2024 某某文库\u3000\u3000联系我们\u3000\u3000网站地图\n', fix: '' },
        { text: '版权所有 © 2024 三农范文网 京ICP备12345678号\n', fix: '' },
        { text: '网站标识码：3201150012\u3000\u3000苏公网安备 32011502010456号\n', fix: '' },
      ],
      note: 'chrome lines of many shapes',
    },
    {
      text: '关于加强作风建设的几点思考 来源：人民网 2023-05-06',
      output: '关于加强作风建设的几点思考 ',
      issues: [{ text: '来源：人民网 2023-05-06', fix: '' }],
      note: 'chrome after a title on the same line',
    },
    {
      text: '上一篇：村党组织书记述职报告范文\n下一条：2024年乡村振兴工作总结\n相关推荐\n村级党组织建设调研报告（精选6篇）\n乡村振兴背景下基层党建工作的思考\n免责声明：本站文章均来自网络，如有侵权请联系删除。',
      output: '',
      issues: [
        { text: '上一篇：村党组织书记述职报告范文\n', fix: '' },
        { text: '下一条：2024年乡村振兴工作总结\n', fix: '' },
        { text: '相关推荐\n', fix: '' },
        { text: '村级党组织建设调研报告（精选6篇）\n', fix: '' },
        { text: '乡村振兴背景下基层党建工作的思考\n', fix: '' },
        { text: '免责声明：本站文章均来自网络，如有侵权请联系删除。', fix: '' },
      ],
      note: 'navigation, a list header and the titles under it, a legal notice',
    },
    {
      text: '点击上方蓝字关注我们\n扫码关注我们\n本文档由用户上传，此文档下载收益归作者所有\n著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。\n视频加载中...\n正文',
      output: '正文',
      issues: [
        { text: '点击上方蓝字关注我们\n', fix: '' },
        { text: '扫码关注我们\n', fix: '' },
        { text: '本文档由用户上传，此文档下载收益归作者所有\n', fix: '' },
        { text: '著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。\n', fix: '' },
        { text: '视频加载中...\n', fix: '' },
      ],
    },
    {
      text: '小编为大家精心整理了这篇调研报告，希望对大家有所帮助，欢迎阅读参考！\n全文共4862字，阅读大约需要10分钟\n正文',
      output: '正文',
      issues: [
        { text: '小编为大家精心整理了这篇调研报告，希望对大家有所帮助，欢迎阅读参考！\n', fix: '' },
        { text: '全文共4862字，阅读大约需要10分钟\n', fix: '' },
      ],
      note: 'an editor blurb and a length notice',
    },
    {
      text: '各级党组织要把学习贯彻引向深入。（此处隐藏2315字，开通会员后可阅读全文）',
      output: '各级党组织要把学习贯彻引向深入。',
      issues: [{ text: '（此处隐藏2315字，开通会员后可阅读全文）', fix: '' }],
      note: 'a paywall notice after a sentence',
    },
    {
      text: '要坚持以人民为中心……此处省略1200字……推动各项工作落实。',
      output: '要坚持以人民为中心推动各项工作落实。',
      issues: [{ text: '……此处省略1200字……', fix: '' }],
      note: 'a notice inside a sentence goes with its ellipses',
    },
    {
      text: '剩余1683字未读，登录后阅读全文\n开头部分已省略365字……\n仅展示前800字，下载后查看完整内容\n还剩5页未读，继续阅读\n正文',
      output: '正文',
      issues: [
        { text: '剩余1683字未读，登录后阅读全文\n', fix: '' },
        { text: '开头部分已省略365字……\n', fix: '' },
        { text: '仅展示前800字，下载后查看完整内容\n', fix: '' },
        { text: '还剩5页未读，继续阅读\n', fix: '' },
      ],
    },
    {
      text: '坚持把抓党建促乡村振兴作为重要抓手，&nbsp;&nbsp;持续推进标准化建设。<br>',
      output: '坚持把抓党建促乡村振兴作为重要抓手，持续推进标准化建设。',
      issues: [
        { text: '&nbsp;&nbsp;', fix: '' },
        { text: '<br>', fix: '' },
      ],
      note: 'entities and tags inside a line',
    },
    {
      text: '推广&ldquo;党支部+合作社+农户&rdquo;模式，破解&quot;两张皮&quot;问题&mdash;&mdash;这是关键。',
      output: '推广“党支部+合作社+农户”模式，破解“两张皮”问题——这是关键。',
      issues: [
        { text: '&ldquo;', fix: '“' },
        { text: '&rdquo;', fix: '”' },
        { text: '&quot;', fix: '“', start: 31 },
        { text: '&quot;', fix: '”', start: 40 },
        { text: '&mdash;&mdash;', fix: '——' },
      ],
      note: 'entities are restored to their characters',
    },
    {
      text: '<p style="text-indent:2em;">各支部要严格落实“三会一课”制度。</p>\n< br>\n同推进。span style="font-size:16px;">\n组织科。&lt;br/&gt;',
      output: '各支部要严格落实“三会一课”制度。\n同推进。\n组织科。',
      issues: [
        { text: '<p style="text-indent:2em;">', fix: '' },
        { text: '</p>', fix: '' },
        { text: '< br>\n', fix: '' },
        { text: 'span style="font-size:16px;">', fix: '' },
        { text: '&lt;br/&gt;', fix: '' },
      ],
      note: 'whole, spaced, half and escaped tags',
    },
    {
      text: '留在村里的党员年龄偏大、文化程度偏低，在带头发展产业方面心有余而力\n- 2 -\n不足。',
      output: '留在村里的党员年龄偏大、文化程度偏低，在带头发展产业方面心有余而力不足。',
      issues: [{ text: '\n- 2 -\n', fix: '' }],
      note: 'a page number between the two halves of a sentence',
    },
    {
      text: '推动学习成果转化为推动财政改革发展的\n5\n实际成效。',
      output: '推动学习成果转化为推动财政改革发展的实际成效。',
      issues: [{ text: '\n5\n', fix: '' }],
      note: 'a bare page number cutting a sentence',
    },
    {
      text: '各级党组织要提高政治站位，充分认识基层治理工作的重\n7、要性，把党组织的政治优势转化为治理效能。',
      output: '各级党组织要提高政治站位，充分认识基层治理工作的重要性，把党组织的政治优势转化为治理效能。',
      issues: [{ text: '\n7、', fix: '' }],
      note: 'a page number glued to the next line, with no item 6 before it',
    },
    {
      text: '全面完成年度目标任务。\n第3页共9页\n— 4 —\nPage 3 of 8\n下一步，我们将继续努力。',
      output: '全面完成年度目标任务。\n下一步，我们将继续努力。',
      issues: [
        { text: '第3页共9页\n', fix: '' },
        { text: '— 4 —\n', fix: '' },
        { text: 'Page 3 of 8\n', fix: '' },
      ],
      note: 'page furniture between finished paragraphs',
    },
    {
      text: '正文结束。\nhttps://www.sannongfanwen.cn/diaoyan/2024/0318/8642.html\n2024/05/20 14:32:18\n3天前\n尾声。',
      output: '正文结束。\n尾声。',
      issues: [
        { text: 'https://www.sannongfanwen.cn/diaoyan/2024/0318/8642.html\n', fix: '' },
        { text: '2024/05/20 14:32:18\n', fix: '' },
        { text: '3天前\n', fix: '' },
      ],
      note: 'a URL and timestamps on their own lines',
    },
    {
      text: '【精品文档】主题教育专题学习心得体会\n原标题：街道党工委书记抓基层党建工作述职报告',
      output: '主题教育专题学习心得体会\n街道党工委书记抓基层党建工作述职报告',
      issues: [{ text: '【精品文档】', fix: '' }, { text: '原标题：', fix: '' }],
      note: 'a site tag and a news label before titles: the titles stay',
    },
    {
      text: '来自：清风徐来2019 > 《党课讲稿》\n2023-07-01 | 阅：1.2万 | 转：356 | 分享\n文档格式：.docx\u3000文档页数：6页\u3000文档大小：25.6K\n编辑于 2023-07-03 09:15・IP 属地北京\n赞同 128\u3000\u3000添加评论\n正文',
      output: '正文',
      issues: [
        { text: '来自：清风徐来2019 > 《党课讲稿》\n', fix: '' },
        { text: '2023-07-01 | 阅：1.2万 | 转：356 | 分享\n', fix: '' },
        { text: '文档格式：.docx\u3000文档页数：6页\u3000文档大小：25.6K\n', fix: '' },
        { text: '编辑于 2023-07-03 09:15・IP 属地北京\n', fix: '' },
        { text: '赞同 128\u3000\u3000添加评论\n', fix: '' },
      ],
      note: 'chrome of document-sharing and Q&A sites',
    },
    {
      text: '全文阅读已结束，如果下载本文需要使用 1 下载券\n本文由网友精心整理，希望对您有所帮助。\n点击文档标签，更多精品内容等你发现~\n正文',
      output: '正文',
      issues: [
        { text: '全文阅读已结束，如果下载本文需要使用 1 下载券\n', fix: '' },
        { text: '本文由网友精心整理，希望对您有所帮助。\n', fix: '' },
        { text: '点击文档标签，更多精品内容等你发现~\n', fix: '' },
      ],
    },
    {
      text: '上传人：b****9\u3000文档编号：23421110\u3000上传时间：2023-05-16\u3000格式：DOCX\u3000页数：25\u3000大小：83.28KB\n下载 相关 举报\n关于加强作风建设的意见.docx_第1页\n版权说明：本文档由用户提供并上传，收益归属内容提供方，若内容存在侵权，请进行举报或认领\n文档简介\n行政与法 2023年12期\n[中图分类号] D267 [文献标识码] A\n账号+密码登录\n正文',
      output: '正文',
      issues: [
        { text: '上传人：b****9\u3000文档编号：23421110\u3000上传时间：2023-05-16\u3000格式：DOCX\u3000页数：25\u3000大小：83.28KB\n', fix: '' },
        { text: '下载 相关 举报\n', fix: '' },
        { text: '关于加强作风建设的意见.docx_第1页\n', fix: '' },
        { text: '版权说明：本文档由用户提供并上传，收益归属内容提供方，若内容存在侵权，请进行举报或认领\n', fix: '' },
        { text: '文档简介\n', fix: '' },
        { text: '行政与法 2023年12期\n', fix: '' },
        { text: '[中图分类号] D267 [文献标识码] A\n', fix: '' },
        { text: '账号+密码登录\n', fix: '' },
      ],
      note: 'document-site, journal-site and login chrome',
    },
    {
      text: '首页 | 范文大全 | 心得体会 | 工作总结\n【导语】基层党建工作心得体会由第一范文网整理，欢迎阅读参考。\n篇一：做好新时代基层党建工作的几点体会',
      output: '做好新时代基层党建工作的几点体会',
      issues: [
        { text: '首页 | 范文大全 | 心得体会 | 工作总结\n', fix: '' },
        { text: '【导语】基层党建工作心得体会由第一范文网整理，欢迎阅读参考。\n', fix: '' },
        { text: '篇一：', fix: '' },
      ],
      note: 'a site menu, a blurb naming the site, an essay number before a title',
    },
    {
      text: '公文的特征 x0dx0ax0dx0a一、有鮮明的政治性。',
      output: '公文的特征 一、有鮮明的政治性。',
      issues: [{ text: 'x0dx0ax0dx0a', fix: '' }],
      note: 'line breaks written out as hex',
    },
    {
      text: '若未解决您的问题,请您详细描述您的问题,通过百度律临进行免费专业咨询',
      output: '',
      issues: [{ text: '若未解决您的问题,请您详细描述您的问题,通过百度律临进行免费专业咨询', fix: '' }],
    },
  ],
});

describe('paste-residue severity', () => {
  it('is an error for certain residue and a warning for likely residue', () => {
    expect(runRule(rule, '展开全部')[0]!.severity).toBe('error');
    expect(runRule(rule, '下一篇：关于加强作风建设的通知')[0]!.severity).toBe('error');
    expect(runRule(rule, '(整期优先)网络出版时间:2024-02-21')[0]!.severity).toBe('warning');
    expect(runRule(rule, BANNER)[0]!.severity).toBe('warning');
    expect(runRule(rule, '评论')[0]!.severity).toBe('warning');
  });
});

// Issue 7, web residue of government and party sites that was still missed (cases written for this block):
// QR-code widgets, font-size and reading-aid buttons in all their bracket forms, empty counters, bracketed
// editor credits, a footer naming the site and its address, list headers of news pages, a reading-time
// notice, and a field with a generic label (来源：……) beside a line of chrome. Clean: the same words inside
// sentences and the field lines a notice really writes.
const BODY7 = '各支部要把学习成果转化为推动工作的实际成效。';
const wholeLine = (line: string, note?: string) => ({
  text: `${BODY7}\n${line}\n${BODY7}`,
  output: `${BODY7}\n${BODY7}`,
  issues: [{ text: `${line}\n`, fix: '' }],
  ...(note ? { note } : {}),
});
ruleTester.run(rule, {
  valid: [
    '我们党的力量来源于群众，根基在群众，血脉在群众。',
    '各支部要相互分享经验做法，取长补短、共同提高。',
    '请各单位将报名表打印后加盖公章，于5月10日前报送。',
    '材料正文用3号仿宋字体，标题字号为2号小标宋。',
    '相关单位要按照职责分工抓好落实，相关情况及时报告。',
    '请扫描下方二维码报名参加培训',
    '请扫描下方二维码报名参加培训。',
    '各支部要在党员活动室张贴学习平台二维码。',
    '二维码扫描签到系统已在党群服务中心投入使用。',
    '返回原籍的流动党员要及时转接组织关系。',
    '全区大中小学党建工作稳步推进。',
    '相关阅读材料附后，请各支部组织学习。',
    '经费来源：区财政专项资金',
    '数据来源：区统计局2023年统计年鉴',
    '主办单位：市委组织部　　协办单位：市委党校',
    '地址：某某区人民路18号区委党校三楼',
    '通讯地址：某某市解放路6号　邮编：310000',
    '字号：三号',
    '阅读量大的文章要及时在支部群转发。',
    '责任编辑要对稿件内容严格把关。',
    '分享会上，五名党员讲述了自己的入党故事。',
    '关闭窗口期要抓紧完成收尾工作。',
    '作者：王强\n全体党员要认真学习党章党规，做到学思用贯通。',
    '来源：区委组织部\n全体党员要认真学习党章党规，做到学思用贯通。',
    '三、相关要求\n各支部要高度重视，认真组织。',
    '打开微信公众号“某某组工”，可以查看往期学习内容。',
    '本文转载的数据已经核实。',
    '技术支持单位要做好会务保障。',
    '访问群众要做到有问必答。',
    '当前第一要务是抓好发展。',
    '一键分享的功能已经上线。',
    '浏览历史资料，感悟初心使命。',
    '认真学习《中国共产党纪律处分条例》【原文】',
    '各支部要认真组织学习。扫一扫二维码就能了解党史知识',
    '各支部要认真组织学习。请扫描下方二维码报名',
    '附件：',
    '作者：本人',
    '信息提供者要对内容的真实性负责。',
    // Look-alikes of the classes of the blind-written dev drafts: an author's unit in brackets, a credit alone, a
    // table of companies, the word END or 完 in a sentence, a picture named in text, a link list in a sentence.
    '（作者单位：县委组织部）',
    '本文由县委组织部整理',
    '编辑：张　三',
    '国家电网 | 南方电网 | 地方电网',
    '会议于下午五时结束，全部议程顺利完成。',
    '图片展览将在党群服务中心展出。',
    '相关链接请见附件，各支部要认真组织学习。',
    '喜欢读书的人还喜欢写心得，这是好习惯。',
  ],
  invalid: [
    // Classes of the blind-written dev drafts (tests/fixtures/dev-blind), in forms of our own.
    wholeLine('（责任编辑：李　明）', 'an editor credit in brackets, a padded name'),
    wholeLine('（来源：区委宣传部　作者：赵××　阅读量：1260）', 'a byline block in brackets longer than a button'),
    wholeLine('（本文由城关街道党工委供稿　编辑：孙　丽）', 'a publication credit and an editor'),
    wholeLine('【基层动态】　2025-06-18 10:05　来源：区委组织部　作者：钱海', 'a column tag before the page header'),
    wholeLine('本文档共5页，当前为试读内容，完整内容请下载后阅读。', 'a paywall notice with a clause between its parts'),
    wholeLine('- END -', 'the end mark of a web article'),
    wholeLine('—— 完 ——'),
    wholeLine('【视频】', 'a placeholder where a video was'),
    wholeLine('(图)'),
    wholeLine('看过本文的人还看了', 'a recommendation header'),
    wholeLine('推荐阅读：党支部工作总结范文（精选10篇）｜支部书记述职报告', 'a list header with its titles on one line'),
    wholeLine('某某区人民政府门户网站 > 信息公开 > 工作动态', 'a trail of a site’s sections'),
    wholeLine('某某市人民政府网 > 政务公开 > 通知公告', 'a bare 网 before an arrow'),
    wholeLine('本文内容由网友自发贡献，版权归原作者所有', 'the copyright notice after the site’s own words'),
    wholeLine('全文共3页，当前为第1页，下载全文请登录。', 'a page counter and a paywall notice fill the line'),
    wholeLine('扫描二维码在手机上查看', 'a QR widget: scanning shows the page on a phone'),
    wholeLine('手机扫描二维码阅读本文'),
    wholeLine('二维码'),
    wholeLine('手机版二维码'),
    wholeLine('【本页二维码】'),
    wholeLine('微信扫码分享'),
    wholeLine('用微信扫一扫分享到朋友圈'),
    wholeLine('打开微信，点击底部的“发现”，使用“扫一扫”即可将网页分享至朋友圈。', 'the share hint of a government site, a sentence'),
    wholeLine('字体：【大】【中】【小】'),
    wholeLine('文字大小：大 中 小'),
    wholeLine('字号：A+ A A-'),
    wholeLine('〖打印本页〗〖关闭窗口〗', 'buttons in 〖〗'),
    wholeLine('【视力保护色】'),
    wholeLine('打印正文 关闭'),
    wholeLine('〔责任编辑：王某〕', 'an editor credit in brackets'),
    wholeLine('（责任编辑：李某某）'),
    wholeLine('（来源：某某日报）'),
    wholeLine('稿源：某某日报 2024-05-06'),
    wholeLine('浏览次数：', 'a counter whose number the page fills in by script'),
    wholeLine('发布日期：2024-05-06　　浏览次数：'),
    wholeLine('信息来源：市委组织部 | 发布时间：2024年05月06日 | 点击：'),
    wholeLine('分享：'),
    wholeLine('附件下载：'),
    wholeLine('相关新闻'),
    wholeLine('主办单位：中共某某县委组织部　地址：某某县城关镇人民路8号　邮编：330100', 'a footer: who runs the site and how to reach it'),
    wholeLine('我要评论'),
    wholeLine('打印本文  关闭窗口  收藏本页'),
    wholeLine('【 字体：大 中 小 】【 打印 】【 关闭 】'),
    wholeLine('信息索引号：113301000025061234/2024-00123'),
    wholeLine('分享到微信朋友圈'),
    wholeLine('一键分享：微信 微博 QQ空间'),
    wholeLine('本文转载自“学习强国”学习平台'),
    wholeLine('微信公众号：某某发布'),
    wholeLine('访问人次：123456'),
    wholeLine('当前第1页 共3页'),
    wholeLine('浏览：1024次'),
    wholeLine('【收藏本页】'),
    wholeLine('作者：本网记者 李明', 'a byline whose value names the site (本网记者)'),
    wholeLine('信息提供：区委组织部'),
    wholeLine('【关闭】【打印】【顶部】'),
    wholeLine('扫描二维码分享到微信'),
    {
      text: `关于开展主题党日活动的通知【字体：大 中 小】【打印】\n${BODY7}`,
      output: `关于开展主题党日活动的通知\n${BODY7}`,
      issues: [{ text: '【字体：大 中 小】【打印】', fix: '' }],
      note: 'bracketed buttons glued to a title',
    },
    {
      text: `${BODY7}【打印本页】【关闭窗口】`,
      output: BODY7,
      issues: [{ text: '【打印本页】【关闭窗口】', fix: '' }],
      note: 'bracketed buttons glued to a finished sentence',
    },
    {
      text: `${BODY7}扫一扫在手机打开当前页`,
      output: BODY7,
      issues: [{ text: '扫一扫在手机打开当前页', fix: '' }],
      note: 'a scan prompt glued to a finished sentence',
    },
    {
      text: `本文共2460字，预计阅读时间7分钟\n${BODY7}`,
      output: BODY7,
      issues: [{ text: '本文共2460字，预计阅读时间7分钟\n', fix: '' }],
      note: 'a reading-time notice taken whole',
    },
    {
      text: `${BODY7}\n来源：某某县人民医院党委办公室\n阅读量：512\n${BODY7}`,
      output: `${BODY7}\n${BODY7}`,
      issues: [
        { text: '来源：某某县人民医院党委办公室\n', fix: '' },
        { text: '阅读量：512\n', fix: '' },
      ],
      note: 'a field with a generic label beside a counter is the same page header',
    },
    {
      text: `${BODY7}\n作者：张华\n编辑：刘洋\n发布时间：2024-05-06 10:30\n${BODY7}`,
      output: `${BODY7}\n${BODY7}`,
      issues: [
        { text: '作者：张华\n', fix: '' },
        { text: '编辑：刘洋\n', fix: '' },
        { text: '发布时间：2024-05-06 10:30\n', fix: '' },
      ],
      note: 'two generic fields stacked above a time stamp',
    },
  ],
});

describe('paste-residue: a generic field is residue only beside chrome', () => {
  it('is a warning there (it could be a byline)', () => {
    const issues = runRule(rule, `${BODY7}\n来源：某某县人民医院党委办公室\n阅读量：512\n${BODY7}`);
    expect(issues.map((i) => i.severity)).toEqual(['warning', 'error']);
  });
});
