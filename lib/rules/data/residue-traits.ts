/**
 * One pass over a line that tells which residue families could be in it at all, so that the regexes of the
 * others never run. Each family has characters without which it is never written (HTML needs < > &, a
 * paywall notice 字 页 阅 载 …); the pass looks each code unit up in a 64 KB table. Most lines are prose that
 * holds none of the rarer characters, and the whole scan then costs one loop.
 */

export const T_HTML = 1;
export const T_SPACE = 2;
export const T_DIGIT = 4;
export const T_NOTICE = 8;
export const T_LEGAL = 16;
export const T_BLURB = 32;
/** A field colon, a bar or a bracket: chrome tokens need one (with T_SPACE). */
export const T_CHROME = 64;

const TABLE = new Uint8Array(0x10000);

function mark(chars: string, bit: number): void {
  for (const ch of chars) TABLE[ch.charCodeAt(0)]! |= bit;
}

// x and \\ for control characters written out (x0dx0a, \\n).
mark('<>&x\\', T_HTML);
mark(' \t\u00a0\u3000\u2002\u2003\u2009', T_SPACE);
mark('0123456789', T_DIGIT);
// 全文共…字, 隐藏…字, 剩余…页, 下载后查看, 登录后阅读, 浏览, 获取, 试读, 截断, 查看全文
mark('字页阅载览获试截查', T_NOTICE);
// 免责声明, 版权, 侵权, 转载, 著作权, 收益归作者, 本站 (the line-start forms 本文/文章/内容/资料 are checked apart)
mark('声版侵载著益站', T_LEGAL);
// 小编, 本站, 本网, 本平台, 网友, 希望, 欢迎, 仅供参考, 看看吧, 喜欢就, 收藏吧
mark('编站网台友希欢供吧喜', T_BLURB);
mark('：:|｜丨【[〖［〔', T_CHROME);

export function lineTraits(line: string): number {
  let bits = 0;
  for (let i = 0; i < line.length; i++) bits |= TABLE[line.charCodeAt(i)]!;
  return bits;
}
