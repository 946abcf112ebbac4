/**
 * Bounds of one checkWrongChars message (lib/protocol.ts): the background's policy refuses more, the
 * content script cuts long paragraphs at sentence ends and sends the rest in further messages. A full
 * message is ≈ 50,000 characters, ≈ 0.2 s of the background's time.
 */
export const WRONG_CHAR_LIMITS = { paragraphs: 48, chars: 1000 } as const;
