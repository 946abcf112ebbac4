import { describe, expect, it } from 'vitest';
import rule from '../../../lib/rules/paste-residue';
import { ruleTester, runRule } from '../rule-tester';

const BANNER =
  '【写作参考】阿拉题库漂亮网友为您精选的“如何提高基层党支部书记的履职能力集聚5篇”文档资料,供您写作参考阅读之用,希望对您有所帮助,喜欢就复制下载吧!';

ruleTester.run(rule, {
  valid: [
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
  ],
  invalid: [
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
        { text: '展开全部', fix: '', start: 18 },
        { text: '\n', fix: '', start: 22 },
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
        { text: '已赞过', fix: '' },
        { text: '\n', fix: '', start: 12 },
        { text: '已踩过<', fix: '' },
        { text: '\n', fix: '', start: 17 },
        { text: '评论', fix: '' },
        { text: '\n', fix: '', start: 20 },
        { text: '收起', fix: '' },
        { text: '\n', fix: '', start: 23 },
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
      output: '    ',
      issues: [{ text: '收起', fix: '', start: 2 }],
      note: 'spaces around the word stay for stray-space',
    },
    {
      text: '基层党支部书记作为第一责任人，是基层党支部各项工作的组...展开全部',
      output: '基层党支部书记作为第一责任人，是基层党支部各项工作的组...',
      issues: [{ text: '展开全部', fix: '' }],
      note: 'a control glued after a truncated snippet',
    },
    { text: '分享到：', output: '', issues: [{ text: '分享到：', fix: '' }] },
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
