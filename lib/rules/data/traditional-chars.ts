/**
 * Data for the traditional-char rule.
 *
 * The traditional → simplified tables themselves come from opencc-js (OpenCC’s TSCharacters and
 * TSPhrases, Apache-2.0), imported by the rule. Here are only the characters of TSCharacters that must
 * NOT trigger a report on their own, because they are also correct in simplified text (通用规范汉字表
 * keeps them for some readings, or OpenCC’s own simplified phrase table STPhrases uses them unchanged):
 *
 * - 乾 (乾隆, 乾坤), 夥 (“多”; 合夥人 in STPhrases), 扞 (扞格), 拚 (pàn: 拚弃), 麽 (幺麽), 薹 (蒜薹),
 *   皁 苧 谿 醣 緼 藴 輼 醖 (OpenCC lists them as simplified entries too),
 *   蒐 脩 昇 陞 劄 頫 (restored by 通用规范汉字表 for names and special senses: 赵孟頫, 束脩).
 *
 * They are still converted when they stand next to a real traditional character (乾淨 → 干净), since
 * the rule converts whole runs with OpenCC’s phrase table, which keeps 乾隆 and 宫商角徵羽 intact.
 * Found by intersecting TSCharacters keys with the characters of STPhrases keys, then reviewed by hand.
 */
export const SIMPLIFIED_VALID = '乾夥扞拚麽薹皁苧谿醣緼藴輼醖蒐脩昇陞劄頫';

/**
 * A document is “written in traditional characters” when at least this many traditional characters
 * occur and they are at least as many as the simplified-only characters (发, 会, 国 …). A fully
 * traditional text scores ≈ 0.9 on traditional / (traditional + simplified-only) (measured on the seeds
 * and the ecspell targets converted with OpenCC to t, tw and hk); simplified text with slips ≈ 0.
 */
export const DOCUMENT_MIN_TRADITIONAL = 10;
export const DOCUMENT_MIN_SHARE = 0.5;
