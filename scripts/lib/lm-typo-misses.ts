/**
 * npx tsx scripts/lib/lm-typo-misses.ts [--blind-dev] [--all]
 *
 * The typo slips of the development drafts (tests/fixtures/dev, or with --blind-dev tests/fixtures/dev-blind)
 * that the wrong-character tier does not fix, each with why: the tier's nearest candidate for the labelled
 * fix at that place (its kind, the word it makes and how far short of a margin of 0 it falls), or that the
 * fix was never a candidate, with what the written span and the fixed span are to the vocabulary (a word, a
 * non-word; in lib/lexicon). For naming the classes of what is missed; the held-out drafts are never read.
 * --all lists the found slips too.
 */
import { loadDevSet, BLIND_DEV_DIR, DEV_DIR } from './dev-set';
import { loadTierForNode } from './lm-node';
import { mendsSpan, paragraphAround } from './label-mend';
import { isWord as isLexiconWord } from '../../lib/lexicon';

const RELIEF = 8;
const blind = process.argv.includes('--blind-dev');
const all = process.argv.includes('--all');
const { docs } = loadDevSet(blind ? BLIND_DEV_DIR : DEV_DIR);
const tier = loadTierForNode();
const model = tier.model;

const isHanChar = (c: string) => /[\u3400-\u9fff]/u.test(c);
let slips = 0;
let fixed = 0;
for (const d of docs) {
  for (const l of d.labels) {
    if (l.type !== 'typo' || l.fix === null) continue;
    slips++;
    const { para, s, e } = paragraphAround(d.text, l.start, l.end);
    // The tier's errors touching the labelled span: right when they make the labelled fix.
    const errors = tier.issues(para).filter((x) => x.severity === 'error');
    const found = errors.find((x) => x.start < e && s < x.end);
    const right = mendsSpan(errors, para, s, e, l.fix);
    if (right) fixed++;
    if (right && !all) continue;
    const near = tier.findings(para, RELIEF).filter((f) => f.start < e && s < f.end);
    const same = near.find((f) => f.start >= s && f.end <= e && l.fix!.length === e - s && f.fix === l.fix!.slice(f.start - s, f.end - s));
    const ctx = `${para.slice(Math.max(0, s - 10), s)}【${l.text}→${l.fix}】${para.slice(e, e + 10)}`;
    let why: string;
    if (right) why = `FOUND ${found!.severity}`;
    else if (found) why = `wrong fix ${found.text}→${found.replacements[0]}`;
    else if (same) why = `short ${(same.margin - RELIEF).toFixed(2)} ${same.kind} (${same.word})`;
    else if (near.length) why = `other cand ${near.map((f) => `${f.text}→${f.fix}(${f.word}) ${(f.margin - RELIEF).toFixed(2)}`).join(', ')}`;
    else why = 'no candidate';
    // The written and fixed two-character windows around the slip, as the vocabulary sees them.
    const win = (t: string, k: number) => [t.slice(k - 1, k + 1), t.slice(k, k + 2)].filter((w) => w.length === 2 && [...w].every(isHanChar));
    const fixedPara = para.slice(0, s) + l.fix + para.slice(e);
    const words = (t: string) =>
      win(t, s)
        .map((w) => `${w}${model.wordId(w) >= 0 ? (isLexiconWord(w) ? '+L' : '+') : '-'}`)
        .join(' ');
    console.log(`${d.name}@${l.start} ${ctx}  ${why}  | written ${words(para)} | fixed ${words(fixedPara)}`);
  }
}
console.log(`typo slips ${slips}, fixed by the tier ${fixed}`);
