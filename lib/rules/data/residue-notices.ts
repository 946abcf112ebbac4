/**
 * What a site writes about the article rather than the article itself, by family:
 *   - breadcrumbs (当前位置：首页 > 党建 > 正文, 首页 >> 通知公告);
 *   - article navigation (上一篇：…, 下一条：…) and list headers (相关推荐, 热门文章, 猜你喜欢 …) — the titles
 *     listed under a header are handled by the rule, which sees the following lines;
 *   - legal notices (免责声明：…, 版权声明：…, 本站部分内容来源于网络…如有侵权请联系删除, 转载请注明出处);
 *   - follow prompts (扫码关注我们, 点击上方蓝字关注, 欢迎关注“…”公众号);
 *   - paywall and download notices, each a template with a number (全文共4862字, 此处隐藏2315字, 剩余1683字未读,
 *     开头部分已省略365字, 仅展示前800字, 文档共3页) or a gate verb with what it unlocks (下载后查看完整内容,
 *     登录后阅读全文, 开通会员后可阅读全文);
 *   - editor blurbs: the site speaking to its readers (小编为大家整理了…, 以下是本站精选的…), or the closing
 *     courtesies of such a blurb (希望对大家有所帮助, 欢迎阅读参考, 仅供参考, 一起来看看吧).
 * A document speaks of itself in none of these ways; the same words inside a sentence (要通过微信公众号发布,
 * 以上数据仅供参考) are left alone by anchoring each family at a line start or requiring its full template.
 */

/** Whole line: a breadcrumb trail. */
export const BREADCRUMB =
  /^(?:(?:当前位置|您的位置|您现在的位置|您当前的位置|你现在的位置|所在位置|当前栏目|位置)\s*[:：]?\s*(?:首页|主页|网站首页)|(?:首页|主页|网站首页)\s*(?:>>?|＞＞?|»|›|→|\/|－|-|—|\||｜)\s*[\u4e00-\u9fffA-Za-z0-9])/;

/** Whole line: article navigation with its target title. */
export const NAVIGATION = /^(?:上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇)\s*[:：]/;

/** Whole line: a list header; the title-like lines under it are residue too (decided by the rule). */
export const LIST_HEADER =
  /^[【\[「]?(?:相关推荐|相关阅读|相关文章|相关链接|相关范文|相关内容|热门文章|热门推荐|热门阅读|热门范文|推荐阅读|推荐文章|猜你喜欢|延伸阅读|精彩推荐|最新文章|最新推荐|往期回顾|往期推荐|往期精彩|更多阅读|更多精彩|为您推荐|相关热搜|大家都在看|热门搜索|相关新闻|相关报道|相关稿件|相关专题|热点新闻|推荐新闻|图片新闻|精彩图文|(?:喜欢|看过|读过|阅读)(?:此|本|这篇)?(?:内容|文章|文)?的人(?:还|也)(?:喜欢|看了|在看|读了)|你可能(?:还)?(?:喜欢|感兴趣|想看))[】\]」]?\s*[:：]?$/;
/**
 * Whole line: a list header with its titles on the same line, separated by bars (相关链接：……自查报告（精选8篇）｜……工作总结).
 * Each title is short and has no clause punctuation.
 */
export const INLINE_LIST =
  /^[【\[「]?(?:相关推荐|相关阅读|相关文章|相关链接|相关范文|推荐阅读|猜你喜欢|延伸阅读|热门文章|往期回顾|更多阅读)[】\]」]?\s*[:：]\s*[^，。；！？,;!?|｜]{2,40}(?:\s*[|｜丨]\s*[^，。；！？,;!?|｜]{2,40})*$/;
/**
 * Whole line: a trail of a site's sections separated by bars or arrows, opening with the site's name (湖滨街道办事处门户
 * 网站 | 政务公开 | 工作总结): three or more short segments, the first a site (a name ending in 网站, 平台, 首页 …; a
 * bare 网 only before an arrow, 某市人民政府网 > 政务公开: 国家电网 | 南方电网 is a list of companies).
 */
export const SITE_TRAIL =
  /^[\u4e00-\u9fffA-Za-z0-9]{1,20}(?:网站|门户网|官网|平台|在线|首页|主页|网(?=\s*[>＞»›]))\s*(?:[|｜丨>＞»›]\s*[\u4e00-\u9fffA-Za-z0-9]{2,12}\s*){2,5}$/;

/** A title listed under a header: no clause punctuation (brackets allowed), short. */
export const LISTED_TITLE_MAX = 48;
export const LISTED_TITLE = new RegExp(`^[^，。；：！？,;:!?]{4,${LISTED_TITLE_MAX}}$`);

/** Whole line: legal notices of a site. */
export const LEGAL =
  /^(?:免责声明|版权声明|特别声明|郑重声明|转载声明|版权所有)|(?:如有侵权|若有侵权|侵权请|侵删).{0,20}(?:联系|删除)|转载请注明(?:出处|来源)|未经(?:本站|本网)?(?:许可|授权).{0,10}(?:不得|禁止)转载|著作权归(?:作者|原作者)所有|商业转载请联系|非商业转载请注明|^(?:本站|本网)(?:部分)?(?:内容|文章|资料)(?:均)?(?:来源于|来自|转载自|由)(?:网络|互联网|网友)|^(?:本文|文章|内容)(?:来自|转自|摘自|来源于|选自)(?:网络|互联网|网友|微信公众号|公众号|头条号|百家号)|^(?:本文|文章|内容|此文)(?:转载自|转载于)|^本(?:文档|资料|文章)由.{0,12}(?:上传|提供|整理|分享)|(?:下载|阅读)收益归(?:作者|上传者)所有|^(?:本)?(?:文档|资料)(?:来源于|来自)(?:网络|用户上传|互联网)|^版权说明|侵权.{0,16}(?:举报|认领|联系|删除)|收益归属(?:内容)?提供方|由会员分享|请在.{1,16}上搜索|\d+页珍藏版/;

/**
 * A site's label before a title: the label goes, the title stays — a news site's 原标题：, and the essay
 * numbers of a 范文 page that shows several essays (篇一：…, 第二篇：…).
 */
export const TITLE_LABEL = /^(?:原标题|原题|篇[一二三四五六七八九十\d]{1,3}|第[一二三四五六七八九十\d]{1,3}篇)\s*[:：]\s*/;

/**
 * A picture's caption, left as a line of its own when an article with photos is copied: a line opened by the
 * pointer ▲/△/▼/↑ that news pages put under a photo, or ending with the photo's credit in brackets
 * (（资料图）, （图片来源：新华社）, （王磊 摄）). Never a line with a sentence's full stop: a caption has none.
 */
export const CAPTION_LINE =
  /^(?:[▲△▼↑]\s*[^。；！？\n]{2,60}|[^。；！？\n]{4,60}[（(](?:资料图片?|图片来源\s*[:：][^）)]{1,20}|图源\s*[:：][^）)]{1,20}|[\u4e00-\u9fff]{2,4}\s*摄|摄影\s*[:：][^）)]{1,12}|受访者供图|网络配图)[）)])$/;

/** Page widgets that print a status line (视频加载中..., 点击加载更多, 已无更多数据). */
export const WIDGET_LINE =
  /^(?:(?:视频|图片|内容|评论|页面|数据)?(?:正在)?加载(?:中|更多|失败)|点击加载更多|已无更多(?:数据|内容)|没有更多了|预览时标签不可点|(?:继续|向上)滑动看下一个|轻触阅读原文|微信扫一扫(?:关注该公众号|可打开此内容).{0,16}|写留言|精选留言|【?篇[一二三四五六七八九十\d]{1,3}】?|（完）|\(完\)|【完】|(?:账号|手机|邮箱)\s*\+\s*(?:密码|验证码)登录|还没有账号[?？]?|立即注册|忘记密码[?？]?|文档简介|资源描述|文档介绍|下载资源|文档目录|本文目录[:：]?|相关资源)\s*(?:\.{3,6}|…{1,2}|[，,]?请稍候\.{0,6})?$/;

/**
 * Whole line (when short): the site talking to the reader about the site — 点击文档标签，更多精品内容等你发现,
 * 感谢阅读, 记得点赞关注.
 */
export const PROMPT =
  /^(?:点击|点此|戳这里|戳此)(?:文档|文章|标签|链接|图片|下方|上方|右上角|这里|此处|查看|进入|获取)|更多(?:精品|精彩|优质|相关)?(?:内容|文章|资料|范文|资讯)(?:等你|等您|尽在|请访问|敬请)|^(?:感谢|谢谢)(?:您的|你的|大家的)?(?:阅读|观看|收看)|^记得(?:点赞|关注|收藏|转发)|(?:关注|收藏|转发)(?:本站|本号|本网)/;
export const PROMPT_MAX = 40;

/** Site tags in 【】 before a title: 【精品文档】, 【推荐】, 【VIP专享】 (cut from the line). */
export const SITE_TAG =
  /^【(?:导语|导读|精品文档|精品范文|精品|推荐|原创|热门|最新|置顶|VIP专享|VIP|会员专享|会员|免费下载|免费|独家|范文|优质|荐|顶|精|热|新|必看|干货|收藏)】/;

/** Whole line (when short): a follow prompt. */
export const FOLLOW =
  /^(?:欢迎|敬请|请)?(?:点击上方|点击下方|点击蓝字|长按|扫码|扫描二维码|识别二维码|扫一扫)?.{0,12}?关注(?:我们|本号|公众号|微信公众号|视频号|“[^”]{1,16}”(?:微信)?(?:公众号|视频号)?)|^(?:点击上方|点击下方).{0,6}(?:蓝字|关注)|^(?:扫码|扫一扫|长按识别二维码|长按二维码)/;
export const FOLLOW_MAX = 40;

/**
 * Whole line (when short, without a full stop): the QR-code widget of an article page — the code's caption
 * (二维码, 手机版二维码, 本页二维码) or what scanning it does with the page (扫描二维码在手机上查看, 手机扫描二维码
 * 阅读本文, 微信扫码分享, 扫码阅读手机版). The object is the page itself: 请扫描下方二维码报名 asks the reader
 * to do something else and is text.
 */
export const QR_LINE = new RegExp(
  String.raw`^(?:[【\[]?(?:手机|微信|移动端|本页|本文|网页|网站|页面|分享|官方|文章|手机版|微信分享)?二维码[】\]]?` +
    String.raw`|(?:请|可)?(?:用|使用|打开)?(?:手机|微信|手机微信)?(?:扫描|扫一扫|扫码|扫|识别|长按识别|长按)(?:上方|下方|左侧|右侧|右边|左边|页面|本页)?(?:二维码|此码|该码)?[，,]?\s*(?:即可|可以|可)?(?:在|用|到|通过)?(?:手机|移动端|微信|手机端)?(?:上|端)?(?:查看|阅读|浏览|打开|访问|分享|收藏)(?:本页|本文|当前页面?|此页|此文|全文|文章|网页|页面|本网页|手机版|(?:到|至|给)(?:微信朋友圈|微信好友|朋友圈|微信|微博|好友|朋友|QQ空间|QQ))?)[！!]?$`,
);
export const QR_MAX = 24;

/**
 * The share hint under an article of a government site (打开微信，点击底部的“发现”，使用“扫一扫”即可将网页分享
 * 至朋友圈。): it tells how to share the page, so it is residue though it is a sentence.
 */
export const SHARE_HINT = /^打开微信.{0,30}扫一扫.{0,20}(?:网页|本页|页面|文章|本文).{0,6}(?:分享|朋友圈)/;

/** Paywall and download notices. Each alternative is a full template: a number, or a gate and its object. */
const NOTICE_CORE = [
  String.raw`(?:全文|本文|全篇|文章)(?:共|约|共计)\s*\d[\d,，]*\s*字(?:\s*[，,]?\s*(?:预计|大约|约)?阅读(?:时间|时长|用时)?(?:大约|约)?(?:需要?|为)?\s*[:：]?\s*\d{1,3}\s*分钟)?`,
  String.raw`(?:此处|以下|中间|下文|剩余|正文)?(?:已)?(?:隐藏|省略|折叠)(?:了)?\s*\d[\d,，]*\s*字`,
  String.raw`(?:剩余|还剩|余下|尚余|剩下)\s*\d[\d,，]*\s*(?:字|页)(?:\s*未读)?`,
  String.raw`(?:开头|前面|中间|结尾|正文)?部分(?:已)?省略\s*\d[\d,，]*\s*字`,
  String.raw`仅(?:展示|显示|预览)(?:前)?\s*\d[\d,，]*\s*(?:字|页)`,
  String.raw`仅(?:展示|显示|预览)部分内容`,
  String.raw`(?:本)?文档共\s*\d{1,4}\s*页`,
  String.raw`(?:下载|付费|登录|登陆|注册|开通会员|成为会员|充值|购买|解锁)(?:本文)?(?:后|即可|才能|可)?(?:可|才能)?(?:查看|阅读|浏览|获取|下载)(?:完整|全部|剩余|更多)?(?:内容|全文|文档|版本|文章|原文)`,
  String.raw`(?:下载|付费|登录)后查看`,
  String.raw`(?:完整版|全文|完整内容|完整文档)(?:请|需|可|需要)(?:下载|登录|付费|购买)(?:后)?(?:查看|阅读)?`,
  String.raw`试读(?:已)?结束`,
  String.raw`(?:全文)?阅读已结束`,
  String.raw`下载文档到电脑`,
  String.raw`(?:如果|如需|若要)?下载(?:本文|本文档|此文档)?(?:需要|需)?(?:使用|消耗|扣除|花费)?\s*\d+\s*(?:个)?(?:下载券|积分|金币|文库币|点券)`,
  String.raw`(?:内容|全文)(?:已)?(?:被)?截断`,
  String.raw`(?:点击|继续)(?:查看|阅读)(?:全文|完整内容|更多)`,
];
const NOTICE_ONE = `(?:${NOTICE_CORE.join('|')})`;
/**
 * One notice span: one or more templates joined by commas or spaces, with the brackets, ellipses and dashes
 * that a site puts around them (（此处隐藏2315字，开通会员后可阅读全文）, ……此处隐藏1823字……).
 */
const NOTICE_TAIL = String.raw`(?:\s*[，,]?\s*(?:继续阅读|点击阅读|立即下载|免费下载|去下载|立即阅读)[>》]*)?`;
export const NOTICE = new RegExp(
  String.raw`[（(【\[]?\s*(?:…{1,2}|\.{3,6}|—{1,2})?\s*${NOTICE_ONE}(?:\s*[，,、;；]?\s*${NOTICE_ONE})*${NOTICE_TAIL}\s*[。.!！]?\s*(?:…{1,2}|\.{3,6}|—{1,2})?\s*[）)】\]]?`,
  'g',
);
/** A cheaper test before NOTICE runs (after the traits pass found one of the notice characters). */
export function mayHoldNotice(line: string): boolean {
  return NOTICE_GATE.test(line);
}
const NOTICE_GATE =
  /\d\s*[字页]|(?:查看|阅读|浏览|获取|下载)(?:完整|全部|剩余|更多)?(?:内容|全文|文档|版本|文章|原文)|下载后查看|登录后查看|付费后查看|部分内容|试读|截断|阅读已结束|下载文档到电脑|(?:完整版|完整内容|完整文档|全文)(?:请|需|可)|(?:点击|继续)(?:查看|阅读)/;

/** The site speaking to its readers: residue wherever it stands in a line; the whole line goes. */
/** A site credited with the text (……由第一范文网整理): a blurb only with a closing courtesy beside it. */
export const SITE_CREDIT = /由[^，。！？\s]{1,12}(?:网|平台|文库|公众号)(?:精心|用心)?(?:整理|收集|编辑|推荐|分享|提供|编写)/;
/** Courtesies addressed to the site's readers (not a bare 仅供参考, which reports use too). */
export const READER_CLOSE = /欢迎(?:大家|各位)?(?:阅读|参考|借鉴|收藏|下载|分享)|希望(?:能|可以|会)?(?:对|给|帮助到?)?(?:大家|您|你|各位)|供(?:大家|您|各位)(?:参考|借鉴|阅读)/;
export const BLURB_OPEN =
  /(?:本文|本篇|此文|该文)由(?:网友|小编|本站|编辑|用户)?(?:精心|用心)?(?:整理|收集|编辑|推荐|分享|上传|编写)|(?:小编|本站|本网|本平台|范文网|网友)(?:精心|特意|特地|特别)?(?:为|给|帮)(?:大家|您|你|各位|广大读者)|(?:以下是|下面是|这里是|下文是|如下是)[^，。！？]{0,12}(?:小编|本站|本网|网友)|(?:小编|本站)(?:精心|特意)?(?:整理|收集|搜集|带来|准备|推荐|精选|分享|汇编)/;
/** Closing courtesies of a blurb; one alone is not enough (以上数据仅供参考 is prose). */
export const BLURB_CLOSE =
  /希望(?:能|可以|会)?(?:对|给|帮助到?)?(?:大家|您|你|各位)(?:有所)?(?:帮助|启发|借鉴)|欢迎(?:大家|各位)?(?:阅读|参考|借鉴|收藏|下载|分享)|仅供(?:大家|各位)?(?:参考|借鉴)|供(?:大家|您|各位)(?:参考|借鉴|阅读)|(?:大家)?(?:一起|快)来看看吧|喜欢就(?:复制|下载|收藏)|(?:赶紧|快)(?:收藏|下载)吧/g;
export const BLURB_GATE = /小编|本站|本网|本平台|范文网|网友|以下是|下面是|希望|欢迎|供|看看吧|喜欢就|收藏吧|下载吧/;
/** Longest line taken whole as a blurb. */
export const BLURB_MAX = 200;
