/**
 * The content script's side of the wrong-character tier (lib/lm, run by the background: the model is
 * ≈ 13 MB and never enters a page). After the fast rules have drawn, the checker hands each editor's
 * text here; the paragraphs the background has not answered yet are sent, a moment later and in
 * bounded batches, and the answers are kept by paragraph text. An answer is used only where a paragraph
 * still reads exactly as it did when it was sent, so answers for text that changed meanwhile are never
 * drawn; they wait in the cache in case the writer's undo brings the text back.
 *
 * Engaged or not: a paragraph of an editor the writer engaged is checked with the writer's vocabulary
 * (personal dictionary, reference documents), any other without it (a page can plant text and read the
 * underlines: lib/storage/lm-handlers.ts). The two answers differ, so the cache, the requests in flight
 * and the batches keep them apart: an editor never draws an answer made for the other kind.
 *
 * Costs on the page: a map look-up per line per check, over the lines of the part the checker holds
 * issues for (a long document's window around the view: issue-window.ts), never the whole text; only
 * those lines are sent.
 */
import type { AnalyzeOptions, Issue } from '../engine/types';
import { filterByOptions } from '../engine/analyzer';
import { WRONG_CHAR_LIMITS } from '../lm/limits';
import { mergeTierIssues } from '../lm/merge';
import { LM_RULE_IDS } from '../lm/meta';
import type { WrongCharAnswer, WrongCharParagraph } from '../protocol';

export type AskWrongChars = (paragraphs: WrongCharParagraph[]) => Promise<WrongCharAnswer>;

export interface Segment {
  /** Offset of the segment in the text. */
  start: number;
  text: string;
}

/** Wait after a check before asking (ms): a writer who keeps typing sends nothing in between. */
const ASK_DELAY_MS = 300;
/** After the background could not answer (no model, worker gone), wait this long before asking again (ms). */
const RETRY_MS = 30_000;
/** Paragraph answers kept (by text). */
const MAX_ANSWERS = 4000;
/** Nothing for the tier to read: it looks at runs of two or more Han characters. */
const HAN_PAIR = /[\u3400-\u9fff]{2}/;
/** Where a long line may be cut: after a sentence end, else after any mark or space. */
const SENTENCE_END = /[。！？；!?;…]/;
const NON_HAN = /[^\u3400-\u9fff]/;

/** The part of a text to look at: offsets [from, to). */
export type TextRange = readonly [number, number];

/**
 * The text cut into what one message paragraph may hold: each line, and a line longer than `max` cut
 * after its last sentence end (else its last non-Han character, else at `max`) before the limit, so
 * that the tier's Han runs are almost never split. With `range`, only the lines reaching into it (the
 * work is then proportional to the range, not the text).
 */
export function segments(text: string, max: number = WRONG_CHAR_LIMITS.chars, range?: TextRange): Segment[] {
  const out: Segment[] = [];
  const from = range ? Math.max(0, Math.min(range[0], text.length)) : 0;
  const to = range ? Math.max(from, Math.min(range[1], text.length)) : text.length;
  let lineStart = from > 0 ? text.lastIndexOf('\n', from - 1) + 1 : 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd);
    let start = 0;
    while (line.length - start > max) {
      let cut = -1;
      for (const pattern of [SENTENCE_END, NON_HAN]) {
        for (let k = start + max - 1; k > start; k--) {
          if (pattern.test(line[k]!)) {
            cut = k + 1;
            break;
          }
        }
        if (cut > 0) break;
      }
      if (cut <= start) cut = start + max;
      out.push({ start: lineStart + start, text: line.slice(start, cut) });
      start = cut;
    }
    if (start < line.length) out.push({ start: lineStart + start, text: line.slice(start) });
    if (nl === -1 || lineEnd >= to) break;
    lineStart = lineEnd + 1;
  }
  return out;
}

interface Waiting {
  text: string;
  range: TextRange | undefined;
  engaged: boolean;
  onAnswer: () => void;
}

/** The cache key of a paragraph: its text, as checked with or without the writer's vocabulary. */
const keyOf = (text: string, engaged: boolean) => (engaged ? '+' : '-') + text;

export class WrongCharClient {
  /** By keyOf(text, engaged). */
  private readonly answers = new Map<string, Issue[]>();
  private readonly inFlight = new Set<string>();
  private readonly waiting = new Map<object, Waiting>();
  private timer = 0;
  private busy = false;
  private pausedUntil = 0;
  private nextId = 1;

  constructor(
    private readonly ask: AskWrongChars,
    private readonly lifetime: { readonly signal: AbortSignal; setTimeout(handler: () => void, timeout?: number): number },
    private readonly delayMs = ASK_DELAY_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The tier's issues of `text` known now (offsets into it), the rest asked for: `onAnswer` runs once
   * answers for `owner`'s latest text arrive (the owner checks again and gets them from here). With
   * `range`, only the lines reaching into it are looked at and asked for. `engaged`: the owner is an
   * editor the writer engaged (the answers then come with the writer's vocabulary).
   */
  issuesFor(owner: object, text: string, onAnswer: () => void, range?: TextRange, engaged = false): Issue[] {
    const out: Issue[] = [];
    let missing = false;
    for (const seg of segments(text, undefined, range)) {
      if (!HAN_PAIR.test(seg.text)) continue;
      const known = this.answers.get(keyOf(seg.text, engaged));
      if (!known) {
        missing = true;
        continue;
      }
      for (const i of known) out.push({ ...i, replacements: [...i.replacements], start: i.start + seg.start, end: i.end + seg.start });
    }
    if (missing) {
      this.waiting.set(owner, { text, range, engaged, onAnswer });
      this.kick(this.delayMs);
    } else {
      this.waiting.delete(owner);
    }
    return out;
  }

  /** The owner is gone (editor removed): nothing more is asked for it. */
  forget(owner: object): void {
    this.waiting.delete(owner);
  }

  private kick(delay: number): void {
    if (this.timer || this.busy || this.lifetime.signal.aborted) return;
    this.timer = this.lifetime.setTimeout(() => {
      this.timer = 0;
      void this.send();
    }, Math.max(delay, this.pausedUntil - this.now()));
  }

  private async send(): Promise<void> {
    if (this.lifetime.signal.aborted || this.busy) return;
    const batch: WrongCharParagraph[] = [];
    /** id → the key asked for. */
    const sent = new Map<number, string>();
    const taken = new Set<string>();
    outer: for (const w of this.waiting.values()) {
      for (const seg of segments(w.text, undefined, w.range)) {
        if (batch.length >= WRONG_CHAR_LIMITS.paragraphs) break outer;
        const t = seg.text;
        const key = keyOf(t, w.engaged);
        if (!HAN_PAIR.test(t) || this.answers.has(key) || this.inFlight.has(key) || taken.has(key)) continue;
        taken.add(key);
        const id = this.nextId++;
        if (this.nextId > 2 ** 31) this.nextId = 1;
        batch.push({ id, text: t, engaged: w.engaged });
        sent.set(id, key);
      }
    }
    if (!batch.length) return;
    for (const t of taken) this.inFlight.add(t);
    this.busy = true;
    let answer: WrongCharAnswer;
    try {
      answer = await this.ask(batch);
    } catch {
      answer = { ok: false };
    } finally {
      this.busy = false;
      for (const t of taken) this.inFlight.delete(t);
    }
    if (this.lifetime.signal.aborted) return;
    if (!answer || !answer.ok || !Array.isArray(answer.paragraphs)) {
      // The background has no model now (or the extension was reloaded): the rules go on alone.
      this.pausedUntil = this.now() + RETRY_MS;
      if (this.waiting.size) this.kick(RETRY_MS);
      return;
    }
    const fresh = new Set<string>();
    for (const p of answer.paragraphs) {
      // Only what this client asked, for the text it sent (and as engaged or not as it asked).
      const key = sent.get(p.id);
      if (key === undefined || key.slice(1) !== p.text || !Array.isArray(p.issues)) continue;
      const issues = p.issues.filter(
        (i) => LM_RULE_IDS.includes(i.rule) && i.start >= 0 && i.end <= p.text.length && i.start < i.end && p.text.slice(i.start, i.end) === i.text,
      );
      if (this.answers.size >= MAX_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
      this.answers.set(key, issues);
      fresh.add(key);
    }
    // Owners whose latest text has a fresh answer check again (and drop their entry when complete).
    for (const w of [...this.waiting.values()]) {
      if (segments(w.text, undefined, w.range).some((s) => fresh.has(keyOf(s.text, w.engaged)))) w.onAnswer();
    }
    // An answer with nothing usable in it is a failure too: wait before asking again, never loop.
    if (fresh.size === 0) this.pausedUntil = this.now() + RETRY_MS;
    if (this.waiting.size) this.kick(fresh.size ? 0 : RETRY_MS);
  }
}

/**
 * The checker's hook: the rules' issues of `text` plus the tier's known ones (when the tier is on for
 * these options), filtered like the rules' (dictionary) and merged (a rule's issue at the same place
 * wins). Asks for what is missing; `onAnswer` when it comes. `range`: the part of a long document whose
 * issues the checker holds (the rules' issues given are those of that part). `engaged`: the writer
 * engaged this editor (the personal dictionary applies: the tier's answers are asked with it).
 */
export function withWrongChars(
  client: WrongCharClient | null,
  owner: object,
  text: string,
  issues: Issue[],
  options: AnalyzeOptions,
  onAnswer: () => void,
  range?: TextRange,
  engaged = false,
): Issue[] {
  // One answer carries both statistical checks (wrong-char, de-di-de-context): asked while either is on,
  // each of its issues kept only while its own check is on (a switched-off or ignored one is dropped).
  const off = (id: string) => options.rules?.[id] === false;
  if (!client || LM_RULE_IDS.every(off)) {
    client?.forget(owner);
    return issues;
  }
  const answered = client.issuesFor(owner, text, onAnswer, range, engaged);
  const tier = filterByOptions(LM_RULE_IDS.some(off) ? answered.filter((i) => !off(i.rule)) : answered, options);
  return tier.length ? mergeTierIssues(issues, tier) : issues;
}
