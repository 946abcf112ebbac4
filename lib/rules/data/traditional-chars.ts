/**
 * Data for the traditional-char rule. The character classes and the list of traditional-looking
 * characters that are also correct simplified (SIMPLIFIED_VALID) live with the script tables the engine
 * shares (lib/engine/script.ts).
 */
export { SIMPLIFIED_VALID } from '../../engine/script';

/**
 * A document is “written in traditional characters” when at least this many traditional characters
 * occur and they are at least as many as the simplified-only characters (发, 会, 国 …). A fully
 * traditional text scores ≈ 0.9 on traditional / (traditional + simplified-only) (measured on the seeds
 * and the ecspell targets converted with OpenCC to t, tw and hk); simplified text with slips ≈ 0.
 */
export const DOCUMENT_MIN_TRADITIONAL = 10;
export const DOCUMENT_MIN_SHARE = 0.5;
