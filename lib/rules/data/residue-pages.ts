/**
 * Page furniture of printed or paginated sources, and bare machine values that a page shows on their own line:
 * page numbers (- 5 -, —5—, 第5页, 第 2 页 共 3 页, 5/12, Page 5), URLs, and timestamps in the numeric form
 * of web pages (2024-03-18 09:42, 2024/3/18 14:32, 18:30, 3天前).
 *
 * A date alone on its line (2024年4月1日, 2024.5.10) is the date of a document, not residue, and is left alone
 * unless a clock time follows it.
 */

/** A line that is a page number in a decorated form: residue wherever it stands. */
export const PAGE_LINE =
  /^(?:[-－—–~～·•]{1,2}\s*\d{1,4}\s*[-－—–~～·•]{1,2}|(?:当前(?:是|为)?\s*)?第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[,，/／]?\s*第\s*\d{1,4}\s*页|\d{1,4}\s*[/／]\s*\d{1,4}\s*页?|[Pp]age\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?)$/;

/** A document-site page image caption: 深圳市….docx_第1页. */
export const FILE_PAGE_LINE = /\.(?:docx?|pdf|pptx?|xlsx?|txt|wps)_第\s*\d{1,4}\s*页$/i;

/** A journal page header: the journal's name and the issue (行政与法 2023年12期, 党建研究 2024年第3期). */
export const JOURNAL_ISSUE_LINE = /^[\u4e00-\u9fff]{2,12}\s+\d{4}\s*年\s*(?:第\s*)?\d{1,2}\s*期$/;

/** A bare number on its own line: a page number only where it cuts a sentence (decided with the neighbours). */
export const BARE_NUMBER_LINE = /^\d{1,4}$/;

/** Page counters glued into a line: 第3页共9页 / 共9页第3页 (the pair is never prose). */
export const INLINE_PAGE_COUNTER = /第\s*\d{1,4}\s*页\s*[,，/／]?\s*共\s*\d{1,4}\s*页|(?:全文|本文|本文档)?共\s*\d{1,4}\s*页\s*[,，/／]?\s*(?:当前(?:为|是)?)?\s*第\s*\d{1,4}\s*页/g;

/**
 * A page number glued to the start of the next page's first line: "5、意义" / "7.要性" / "12 作用". Group 1 is the
 * number. Whether it is a page number or a real list item is decided by the caller (numbering, neighbours).
 * A separator is required: a number that runs straight into the text (8个街道) belongs to the sentence.
 */
export const LEADING_PAGE_NUMBER = /^(\d{1,3})(?:\s*[、.．]\s*|\s+)(?=[\u4e00-\u9fff])/;

const TLD = String.raw`(?:com|cn|net|org|gov|edu|info|top|vip|xyz|cc|tv|io)`;
/** A line that is only a URL or a bare domain with a path. */
export const URL_LINE = new RegExp(
  String.raw`^(?:(?:https?|ftp):\/\/\S+|www\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.${TLD}(?:\.cn)?(?:\/\S*)?)$`,
  'i',
);

/** A line that is only a timestamp as web pages print it. */
export const TIMESTAMP_LINE = new RegExp(
  [
    // 2024-03-18 09:42, 2024/3/18 14:32:18: a numeric date with a clock time. A date alone is not taken: a
    // letter may be signed 2024.5.10 (a date to rewrite, not to delete).
    String.raw`\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}\s*(?:[T\s])\s*\d{1,2}:\d{2}(?::\d{2})?`,
    // 2024年3月18日 09:42 (the clock time makes it a page stamp)
    String.raw`\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\d{1,2}:\d{2}(?::\d{2})?`,
    // 18:30, 09:42:15
    String.raw`\d{1,2}:\d{2}(?::\d{2})?`,
    // 3天前, 2小时前, 刚刚
    String.raw`\d{1,3}\s*(?:秒|分钟|小时|天|周|个月)前|刚刚|昨天\s*\d{1,2}:\d{2}`,
  ]
    .map((p) => `(?:${p})`)
    .join('|')
    .replace(/^/, '^(?:')
    .concat(')$'),
);
