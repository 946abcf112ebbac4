/**
 * Web boilerplate that comes along when text is copied from Q&A sites, document-sharing sites, journal
 * databases and blogs (展开全部, 已赞过, 下一篇：…, 更新完毕开始阅读<hash>, (剩余2824字) …).
 *
 * Source: collected by hand from the five seed documents in tests/fixtures/seeds/ (Baidu Zhidao answers,
 * a document-sharing site page, a journal database page, a 范文 site page) and from the controls those
 * kinds of pages commonly show (like, share, collect, report, read more, download buttons).
 *
 * Short button words (赞, 收起, 评论 …) are residue only when they stand alone on a line: inside a sentence
 * they are ordinary words (收起, 评论 and 举报 are all common verbs).
 */

/** A whole line (after trimming spaces) that is a page control or a Q&A-site prompt. `certain` → error. */
export const STANDALONE_LINES: ReadonlyArray<readonly [text: string, certain: boolean]> = [
  ['展开全部', true],
  ['收起', true],
  ['已赞过', true],
  ['已踩过', true],
  ['已赞过已踩过', true],
  ['你对这个回答的评价是?', true],
  ['你对这个回答的评价是？', true],
  ['推荐律师服务:', true],
  ['推荐律师服务：', true],
  ['阅读全文', true],
  ['展开阅读全文', true],
  ['点击阅读全文', true],
  ['点击查看更多', true],
  ['查看全文', true],
  ['联系客服', true],
  ['微信扫一扫', true],
  ['分享到:', true],
  ['分享到：', true],
  ['免费下载', true],
  ['立即下载', true],
  ['文档可编辑', true],
  ['返回顶部', true],
  ['本文来源于网络', true],
  ['版权归原作者所有', true],
  ['打印本页', true],
  ['关闭窗口', true],
  ['收藏本文', true],
  ['我要评论', true],
  ['发表评论', true],
  ['暂无评论', true],
  ['打印正文', true],
  ['视力保护色', true],
  ['猜你喜欢', false],
  ['相关推荐', false],
  ['热门推荐', false],
  ['查看更多', false],
  ['扫一扫', false],
  ['评论', false],
  ['举报', false],
  ['赞', false],
  ['踩', false],
  ['点赞', false],
  ['收藏', false],
  ['分享', false],
];

/** Whole lines recognised by shape (trimmed). */
export const STANDALONE_PATTERNS: ReadonlyArray<readonly [re: RegExp, certain: boolean]> = [
  // "已踩过<" — the arrow of a collapsed control comes along.
  [/^已(?:赞|踩)过\s*[<>]$/, true],
  // Baidu Zhidao answer count and legal-service footer.
  [/^\d{1,4}个回答$/, true],
  [/^若未解决您的问题.{0,40}(?:百度律临|免费专业咨询)/, true],
  [/^(?:评论|点赞|赞|收藏|分享|浏览|阅读)\s*[(（]?\d{1,7}[)）]?$/, false],
  // The share buttons printed as one word (分享到微信朋友圈).
  [/^(?:一键)?分享(?:到|至)(?:微信朋友圈|微信好友|朋友圈|微信|微博|QQ空间|QQ好友|QQ|新浪微博)$/, true],
  // A page label whose content (a count, the share buttons, the attachments) did not come along: 分享到：, 附件下载：.
  [/^(?:分享(?:到|至)?|附件下载|下载附件|相关附件|浏览次数|阅读次数|点击次数|点击数|浏览量|阅读量|访问量)\s*[:：]$/, true],
  [/^(?:本文|文章|内容)?来源于网络[，,。]?\s*版权归原作者所有.{0,30}$/, true],
  [/^(?:本文|文章)?版权归原作者所有.{0,30}$/, true],
  // The same notice after the site's own words (本文内容由网友自发贡献，版权归原作者所有).
  [/^(?:本文|文章|本站|该文)[^。]{0,24}[，,]\s*版权归原作者所有.{0,30}$/, true],
  // The end mark a web article prints under its text (——END——, - END -, —— 完 ——): decoration around END or 完.
  [/^[-—－_=~～·•*\s]*(?:THE\s+)?END[-—－_=~～·•*\s]*$|^[-—－~～]+\s*完\s*[-—－~～]+$/i, true],
  // A placeholder left where a picture, video or sound was ([图片], 【视频】, (图)).
  [/^[\[【（(〔]\s*(?:图片|图|照片|视频|音频|动图|GIF|gif|表情|语音)\s*[\]】）)〕]$/, true],
];

/** Prefixes at line start whose whole line is residue (article navigation). */
export const NAVIGATION_LINE = /^(?:下一篇|上一篇)\s*[:：]/;

/** Journal database header: "(整期优先)网络出版时间:2024-02-21" (the date ends the residue). */
export const JOURNAL_HEADER =
  /^(?:[(（]整期优先[)）]\s*)?网络(?:首发|出版)时间\s*[:：]\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?/;

/** Anywhere in a line. */
export const REMAINING_CHARS = /[(（]\s*剩余\s*\d{1,7}\s*字\s*[)）]/g;

/** Document-sharing site: "…文章<title>更新完毕开始阅读<hex hash>". */
export const UPDATE_HASH = /更新完毕开始阅读[0-9a-f]{8,40}/g;

/** Its line head: "发布时间 : 星期一 文章" — the whole head up to 更新完毕 is page furniture too. */
export const UPDATE_HASH_HEAD = /^发布时间\s*[:：]\s*星期[一二三四五六日天]\s*文章/;

/** 范文 site banner: "【写作参考】<site>网友为您精选的“<title>”文档资料,供您写作参考阅读之用,…". */
export const WRITING_BANNER = /【写作参考】[^“”"【】\n]{0,40}?为您精选的/g;
/** What follows the banner head on the same line. */
export const WRITING_BANNER_TAIL = /^“[^”]{1,120}”\s*文档资料.{0,60}?(?:供您写作参考|复制下载)/;

/**
 * Control words that also come glued to the end of a line after a space or an ellipsis
 * ("…的组...展开全部", "浅谈党支部书记如何发挥表率作用 联系客服").
 */
export const TRAILING_CONTROLS: readonly string[] = ['展开阅读全文', '展开全部', '阅读全文', '点击查看更多', '查看全文', '联系客服'];
