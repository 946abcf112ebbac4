/**
 * Site chrome: the metadata, counters and buttons that a web page prints around an article, and that come
 * along when the article is copied. Such a line is a sequence of small tokens separated by spaces, full-width
 * spaces or bars, each of one family:
 *   - a field: a label word, a colon and a short value (发布时间：2024-03-18 09:42, 来源：人民网, 责任编辑：王晓);
 *   - a counter: a count word and a number (阅读 2856, 点赞(36), 浏览次数：3265);
 *   - a timestamp, a URL, a registration number (京ICP备12345678号, 苏公网安备 3201…号), a copyright mark;
 *   - a button (打印, 关闭窗口, 【打印】, 【我要打印】, 字体：大 中 小, 扫一扫在手机打开当前页);
 *   - a short name between them (a site or account name: 机关党建在线), never first on the line.
 *   - footer fields: who runs the site (主办单位：…) and how to reach it (地址：…, 邮编：…) — chrome only together,
 *     since a notice writes either alone;
 *   - any of these in brackets 【】 [] 〖〗 〔〕 （） (〔责任编辑：王某〕, （来源：某某日报）, 〖关闭窗口〗).
 * `parseChrome` reads a stretch of a line with this grammar. The stretch is chrome only when every token is
 * read and the evidence is strong enough: one certain token (a field with a site label, a counter, a
 * timestamp, …), or two weak ones (two fields with a generic label such as 作者/来源, or two buttons) and no
 * names. Names never outnumber the certain tokens, so a title with a button glued to it is not taken whole.
 *
 * Labels a real document uses on its own lines are not chrome labels: 关键词, 联系人, 联系电话, 地址, 主办单位.
 */

/** Labels that only a web page prints: a field with one of these is certain. */
const STRONG_LABELS =
  '发布时间|更新时间|发布日期|更新日期|发表时间|发表日期|发稿时间|上传时间|录入时间|修改时间|浏览次数|浏览量|阅读量|阅读数|阅读次数|点击量|点击数|点击次数|点击率|访问量|访问次数|文章来源|信息来源|稿件来源|新闻来源|内容来源|图片来源|来源网站|责任编辑|责编|网站标识码|信息索引号|信息提供|微信公众号|官方微信|官方微博|一键分享|微信号|公众号|视频号|索引号|分享到|所属栏目|投稿邮箱|本文链接|原文链接|文章链接|原文地址|附件下载|下载附件|相关附件|转载自|文章作者|信息发布|发布人|发布者|录入者|文档格式|文档页数|文档大小|文件大小|文件格式|下载券|贡献者|上传者|上传人|所需积分|下载积分|来自|IP属地|所属专题|所属分类|文集|文档编号|官网|官方网站|中图分类号|文献标识码|文章编号|收稿日期|DOI|doi';
/** Generic labels: a field with one of these is weak evidence (two are needed, or a value of a site). */
const WEAK_LABELS =
  '来源|稿源|作者|撰稿|一审|二审|三审|监制|编辑|编者|审核|审校|校对|初审|复审|终审|主办|承办|协办|技术支持|出处|供稿|通讯员|记者|摄影|图|文|栏目|分类|标签|时间|日期|发文机关|主题分类|成文日期|发布机构|字数|格式|页数|大小';
const LABEL = new RegExp(String.raw`(${STRONG_LABELS}|${WEAK_LABELS})\s*[:：]\s*`, 'y');
const STRONG_SET = new Set(STRONG_LABELS.split('|'));

/** A value of a generic label that names a site or medium makes the field certain (来源：人民网). */
const SITE_VALUE = /(?:网|报|社|台|客户端|APP|app|公众号|号|在线|日报|晚报|新闻|融媒体中心|融媒|头条|百科|文库|论坛|博客)$|^(?:本网|本报|本站|本台|本刊|本号)/;

const NUMERIC_DATE = String.raw`\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}`;
const CN_DATE = String.raw`\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日`;
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?`;
/**
 * A timestamp as web pages print it: a numeric date, any date with a clock time, or a clock time. A date
 * written the official way without a time (2024年4月1日) is not one: notices state dates so.
 */
const TIMESTAMP = new RegExp(String.raw`(?:${NUMERIC_DATE}(?:\s*${TIME})?|${CN_DATE}\s*${TIME}|${TIME})(?![\d:])`, 'y');
/**
 * A field value: a timestamp, a two-character name padded with a full-width space (编辑：刘　洋, 责任编辑：王　芳), or a
 * run without white space, bars or clause punctuation.
 */
const VALUE = /[\u4e00-\u9fff]\u3000[\u4e00-\u9fff](?![^\s\u3000|｜丨・）)])|\d{1,3}(?:,\d{3})+(?![\d,])|[^\s\u3000|｜丨・，。；！？,;!?【】]{1,30}/y;
const COUNTER =
  /(?:(?:阅读|浏览|点赞|在看|收藏|分享|评论|转发|点击|喜欢|赞同|赞|播放|人气|热度|关注|下载|留言|回复|访问|访客)(?:量|数|次数|人次)?\s*[:：]?|[阅转评赞藏]\s*[:：])\s*[(（]?\s*(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*[万千wWkK]?\+?\s*(?:次|人次)?\s*[)）]?(?![\d\u4e00-\u9fff])/y;
const URL = /(?:https?:\/\/|www\.)[^\s\u3000，。；！？]+/y;
const REGISTRATION =
  /(?:[\u4e00-\u9fff]{1,2})?(?:ICP[备证]\s*\d{4,12}\s*号(?:-\d{1,3})?|公网安备\s*\d{6,16}\s*号|网站标识码\s*[:：]?\s*\d{6,12})/y;
const COPYRIGHT = /(?:版权所有|Copyright|©|\([cC]\)|（[cC]）|All Rights Reserved\.?)/y;
/** Years and bare numbers (page links 1 2 3, a year after ©) are neutral: neither evidence nor a name. */
const YEAR = /\d{1,6}(?:\s*[-–—]\s*\d{4})?(?![\d\u4e00-\u9fffA-Za-z])/y;
/** A journal issue (行政与法 2023年12期) and a bracketed bibliographic field ([中图分类号] D267). */
const JOURNAL_ISSUE = /\d{4}\s*年\s*(?:第\s*)?\d{1,2}\s*期/y;
const BRACKET_FIELD = /[【\[](?:中图分类号|文献标识码|文章编号|收稿日期|基金项目|DOI)[】\]]\s*[:：]?\s*[^\s\u3000【\[]{1,40}/y;
/** IP 属地北京 (shown under posts since 2022). */
const IP_LOCATION = /IP\s*属地\s*[:：]?\s*[\u4e00-\u9fff]{2,8}/y;
const PUBLISHED = /(?:发表于|发布于|首发于|编辑于|更新于|来自)[\u4e00-\u9fff]{1,10}|(?:发表于|发布于|编辑于|更新于)(?=\s*\d)/y;
/** 字号：大 中 小, 字体：【大】【中】【小】, 文字大小：大 中 小, 字号：A+ A A- (the size buttons of an article page). */
const FONT_SIZE =
  /(?:字\s*[体号]|文字大小|字体大小|字号大小|文字|字体设置)\s*[:：]?\s*(?:[【\[]?(?:[大中小]|A[+\-]?)[】\]]?)(?:\s*[|｜]?\s*[【\[]?(?:[大中小]|A[+\-]?)[】\]]?){1,3}(?![\u4e00-\u9fff])/y;
const SCAN = /(?:扫一扫|扫码|微信扫一扫|长按(?:识别)?二维码|扫描二维码)[\u4e00-\u9fff]{0,14}/y;
/**
 * A counter or a page-stamp field whose value the page fills in by script and that came along empty
 * (浏览次数：, 点击：, 阅读量：) — only at the end of the stretch.
 */
const EMPTY_COUNTER = /(?:浏览|阅读|点击|访问|点赞|评论)(?:量|数|次数|率)?\s*[:：]\s*$/y;
/**
 * A site footer names who runs the site and how to reach it: 主办单位：…　地址：…　邮编：…. Each alone is a
 * line a notice has (主办单位：区委组织部　承办单位：区委党校; 地址：人民路18号), so a footer needs one field of
 * each kind on the line.
 */
const FOOTER_SITE = '主办单位|主管单位|承办单位|运维单位|维护单位|网站维护|主办|主管|承办|协办';
const FOOTER_CONTACT = '联系地址|通讯地址|地址|邮政编码|邮编|联系电话|电话|传真|电子邮箱|邮箱';
const FOOTER_LABEL = new RegExp(String.raw`(${FOOTER_SITE}|${FOOTER_CONTACT})\s*[:：]\s*`, 'y');
const FOOTER_SITE_SET = new Set(FOOTER_SITE.split('|'));

/** Buttons and menu words. Alone they are weak (several are ordinary words); in 【】 they are certain. */
const CONTROL =
  /(?:我要|点击)?(?:原创|打印本页|打印此页|打印本文|打印|关闭本页|关闭窗口|关闭|返回顶部|返回首页|返回列表|返回|加入收藏|收藏本文|收藏|分享到|分享|我要纠错|纠错|举报|评论|点赞|在看|转发|复制链接|新浪微博|微博|微信|QQ空间|QQ|朋友圈|字号|默认|大|中|小|上一页|下一页|首页|尾页|阅读原文|查看原文|联系客服|免费下载|立即下载|联系我们|关于我们|网站地图|意见反馈|隐私政策|用户协议|帮助中心|网站声明|设为首页|手机版|电脑版|简体版|繁体版|繁體|无障碍|反馈|添加评论|写评论|写留言|申请转载|下载文档|在线阅读|下载|相关|赞赏|打赏|登录|注册|立即注册|打印正文|打印全文|收藏本页|收藏此页|加入收藏夹|关闭此页|回到顶部|顶部|置顶|视力保护色|护眼模式|关怀版|长者模式|无障碍浏览|语音播报|朗读|我要评论|发表评论)(?=[\s\u3000|｜丨・】\]〗］〕）)]|$)/y;
/**
 * A publication credit as a site prints it under an article: 本文由石桥镇服务站供稿, 本文由××整理. Weak: a notice may thank
 * a contributor; beside another field (编辑：…) it is the article's byline block.
 */
const CREDIT = /本文由[^\s\u3000，。；：:]{2,24}?(?:供稿|提供|整理|撰写|撰稿|编辑|发布|推荐)/y;
/** Longest bracket group read as chrome (（来源：县委办机关党委　作者：李××　阅读量：412）). */
const BRACKET_MAX = 48;
/** A short name (site, account, department) between other tokens. */
const NAME = /(?:[\u4e00-\u9fffA-Za-z0-9]{1,16}|《[^《》\n]{1,16}》)(?=[\s\u3000|｜丨・]|$)/y;
const NAME_MAX = 12;
/** Separators between tokens; arrows and dots only with spaces around them or between tokens of a trail. */
const SEPARATORS = /(?:\s*(?:>{1,2}|＞|»|›|\/)\s+|[\s\u3000\u00a0|｜丨・•]+|·(?=\S))+/y;

export interface ChromeParse {
  certain: number;
  weak: number;
  names: number;
  /** Footer fields: who runs the site (主办单位) and how to reach it (地址, 邮编, 电话). */
  site: number;
  contact: number;
}

function at(re: RegExp, text: string, i: number): number {
  re.lastIndex = i;
  return re.test(text) ? re.lastIndex : -1;
}

/**
 * Read text[from, to) as chrome tokens. Returns the evidence, or null when some token is not chrome.
 */
export function parseChrome(text: string, from: number, to: number): ChromeParse | null {
  const t = text.slice(0, to);
  const p: ChromeParse = { certain: 0, weak: 0, names: 0, site: 0, contact: 0 };
  let i = from;
  while (i < to) {
    let j = at(SEPARATORS, t, i);
    if (j > i) {
      i = j;
      continue;
    }
    // 【打印】 【字体：大 中 小】 [关闭] 〖关闭窗口〗 （责任编辑：王某）
    const open = t[i];
    j = at(BRACKET_FIELD, t, i);
    if (j > i) {
      p.certain++;
      i = j;
      continue;
    }
    const shut = open === undefined ? undefined : CLOSERS[open];
    if (shut) {
      const close = t.indexOf(shut, i + 1);
      if (close === -1 || close - i > BRACKET_MAX) return null;
      // Whatever the brackets hold must be chrome itself (a button, a field, a counter).
      const inner = parseChrome(t, i + 1, close);
      if (!inner || inner.names > 0 || inner.certain + inner.weak === 0) return null;
      p.certain++;
      i = close + 1;
      continue;
    }
    LABEL.lastIndex = i;
    const field = LABEL.exec(t);
    if (field) {
      const label = field[1]!;
      j = LABEL.lastIndex;
      let v = at(TIMESTAMP, t, j);
      // A generic label with a bare date (日期：2024-05-10) may head a form; with a clock time it is a page stamp.
      const timestamp = v > 0 && t.slice(j, v).includes(':');
      if (v < 0) v = Math.max(at(URL, t, j), at(VALUE, t, j));
      // 浏览次数： with its count left out (filled in by the page's script).
      if (v < 0 && j >= to && STRONG_SET.has(label)) {
        p.certain++;
        i = j;
        continue;
      }
      if (v < 0) return null;
      if (STRONG_SET.has(label) || timestamp || SITE_VALUE.test(t.slice(j, v))) p.certain++;
      else p.weak++;
      i = v;
      continue;
    }
    j = at(EMPTY_COUNTER, t, i);
    if (j > i) {
      p.certain++;
      i = j;
      continue;
    }
    FOOTER_LABEL.lastIndex = i;
    const footer = FOOTER_LABEL.exec(t);
    if (footer) {
      const v = at(VALUE, t, FOOTER_LABEL.lastIndex);
      if (v < 0) return null;
      if (FOOTER_SITE_SET.has(footer[1]!)) p.site++;
      else p.contact++;
      i = v;
      continue;
    }
    j = Math.max(at(COUNTER, t, i), at(TIMESTAMP, t, i), at(URL, t, i), at(REGISTRATION, t, i), at(FONT_SIZE, t, i), at(SCAN, t, i), at(PUBLISHED, t, i), at(IP_LOCATION, t, i), at(JOURNAL_ISSUE, t, i), at(BRACKET_FIELD, t, i));
    if (j > i) {
      p.certain++;
      i = j;
      continue;
    }
    j = at(COPYRIGHT, t, i);
    if (j > i) {
      p.certain++;
      i = j;
      continue;
    }
    j = Math.max(at(CONTROL, t, i), at(CREDIT, t, i));
    if (j > i) {
      p.weak++;
      i = j;
      continue;
    }
    j = at(YEAR, t, i);
    if (j > i) {
      i = j;
      continue;
    }
    j = at(NAME, t, i);
    // A name never opens the stretch: a line that starts with one is a title with chrome after it.
    if (j > i && i > from && j - i <= NAME_MAX) {
      p.names++;
      i = j;
      continue;
    }
    return null;
  }
  return p;
}

/** Is the evidence enough to call the stretch chrome? */
export function isChrome(p: ChromeParse | null): p is ChromeParse {
  if (!p) return false;
  // A footer: who runs the site and how to reach it (主办单位：…　地址：…).
  if (p.site >= 1 && p.contact >= 1 && p.names === 0) return true;
  // Footer fields alone are what a notice writes (主办单位：…　承办单位：…; 地址：…).
  if (p.site + p.contact > 0 && p.certain === 0) return false;
  if (p.certain >= 1) return p.names <= Math.max(1, p.certain);
  return p.weak >= 2 && p.names === 0;
}

/**
 * Weak evidence only: one or two fields with a generic label (来源：市人民医院党委办公室, 作者：王强) and nothing
 * else. Such a line is text on its own; next to a line of chrome it is part of the same page header.
 */
export function isWeakChrome(p: ChromeParse | null): boolean {
  return p !== null && p.certain === 0 && p.weak >= 1 && p.names === 0 && p.site + p.contact === 0;
}

/** Brackets whose content is read as chrome (【打印】, [关闭], 〖关闭窗口〗, 〔责任编辑：王某〕, （来源：人民网）). */
const CLOSERS: Readonly<Record<string, string>> = { '【': '】', '[': ']', '〖': '〗', '［': '］', '〔': '〕', '（': '）', '(': ')' };

/** Longest line the chrome grammar is tried on (chrome lines are short; prose lines are not read). */
export const CHROME_MAX = 160;
