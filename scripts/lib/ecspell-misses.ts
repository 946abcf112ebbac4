/**
 * npx tsx scripts/lib/ecspell-misses.ts [--list CLASS] [--partial]
 *
 * The slips of the TRAINING part of the ecspell file that the tier misses and whose right fix it never
 * even scores, 5-fold cross-validated exactly as scripts/lib/ecspell-cv.ts (each fold without the pairs
 * mined only from it), classified by why the fix was no candidate:
 *   adjacent   — the slip spans two characters (a neighbour is wrong too; swapped pairs apart: swap)
 *   protected  — the position is never looked at (protected phrasing, title, numeral, 的/地/得 …)
 *   long-word  — inside a word of three or more characters as the text reads best (no sound-alike tried)
 *   unknown    — the fix makes no word of 2–4 characters with its neighbours in the vocabulary
 *   same/near/shape-filtered — a sound- or look-alike that makes a word, yet never scored (a window filter)
 *   far        — neither sound- nor look-alike: subclassed by the readings' difference (initials, finals)
 * --partial counts only the slips of sentences the tier flagged (the 'partial' class of ecspell-analyse.ts).
 * The held-out part is never read.
 */
import { pinyin } from 'pinyin-pro';
import type { LanguageModel } from '../../lib/lm/model';
import { WrongCharTier } from '../../lib/lm/tier';
import { RunLattice, type Vocabulary } from '../../lib/lm/score';
import { HOMOPHONE_MIN_LOGP } from '../../lib/lm/homophones';
import { cvFolds } from './ecspell-cv';

const HAN = /^[\u3400-\u9fff]$/u;

/** Every (position, character) that the tier scored as part of a fix, per call of issues(). */
const considered = new Set<string>();
const proto = WrongCharTier.prototype as unknown as { consider: (...args: unknown[]) => void };
const original = proto.consider;
proto.consider = function (this: unknown, ...args: unknown[]) {
  const [i, j, fix] = args as [number, number, string];
  if (fix.length === j - i) for (let k = 0; k < fix.length; k++) considered.add(`${i + k}:${fix[k]}`);
  return original.apply(this, args);
};

const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w'];
function split(py: string): [string, string] {
  for (const ini of INITIALS) if (py.startsWith(ini)) return [ini, py.slice(ini.length)];
  return ['', py];
}

/** How the nearest readings of two characters differ: 'initial x/y', 'final x/y' or 'both'. */
function readingDiff(model: LanguageModel, w: string, r: string, rInContext: string): string {
  const rw = model.readings(w);
  const rr = [...new Set([...model.readings(r), rInContext])];
  let best = 'far';
  for (const x of rw) {
    for (const y of rr) {
      const [ix, fx] = split(x);
      const [iy, fy] = split(y);
      if (ix === iy && fx === fy) return rr.includes(rInContext) && !model.readings(r).includes(rInContext) ? `polyphone ${rInContext}` : 'same?';
      if (fx === fy) best = `initial ${[ix || '∅', iy || '∅'].sort().join('/')}`;
      else if (ix === iy && best === 'far') best = `final ${[fx, fy].sort().join('/')}`;
    }
  }
  return best;
}

interface Miss {
  cls: string;
  sub: string;
  line: string;
}

function main() {
  const listArg = process.argv.includes('--list') ? process.argv[process.argv.indexOf('--list') + 1] : undefined;
  const onlyFlagged = process.argv.includes('--partial');
  const misses: Miss[] = [];
  let slips = 0;
  let found = 0;
  let scoredNotFound = 0;
  for (const { scored, model, tier } of cvFolds()) {
    const priv = tier as unknown as { vocab: Vocabulary; protectedMask(t: string): Uint8Array };
    for (const l of scored) {
      if (l.source === l.target || l.source.length !== l.target.length) continue;
      considered.clear();
      const issues = tier.issues(l.source).filter((x) => x.severity === 'error');
      if (onlyFlagged && issues.length === 0) continue;
      const s = l.source;
      const t = l.target;
      const gold: number[] = [];
      for (let i = 0; i < s.length; i++) if (s[i] !== t[i]) gold.push(i);
      const guard = priv.protectedMask(s);
      const ctx = pinyin(t, { toneType: 'none', type: 'array', v: true }) as string[];
      for (const i of gold) {
        if (!HAN.test(s[i]!) || !HAN.test(t[i]!)) continue;
        slips++;
        if (issues.some((x) => x.start <= i && i < x.end && x.replacements[0]?.[i - x.start] === t[i])) {
          found++;
          continue;
        }
        if (considered.has(`${i}:${t[i]}`)) {
          scoredNotFound++;
          continue;
        }
        const w = s[i]!;
        const r = t[i]!;
        const mark = `${s.slice(Math.max(0, i - 6), i)}[${w}→${r}]${s.slice(i + 1, i + 7)}`;
        const push = (cls: string, sub = '') => misses.push({ cls, sub, line: `${mark}  (${l.line + 1})` });
        const swap = (gold.includes(i + 1) && s[i + 1] === r && t[i + 1] === w) || (gold.includes(i - 1) && s[i - 1] === r && t[i - 1] === w);
        if (swap) {
          push('swap');
          continue;
        }
        if (gold.includes(i - 1) || gold.includes(i + 1)) {
          // Two slips side by side: why the pair was no whole-word homophone candidate.
          const p0 = gold.includes(i - 1) ? i - 1 : i;
          const fixWord2 = t.slice(p0, p0 + 2);
          const fid = model.words.find(fixWord2, 0, 2);
          const homs = model.homophones(s, p0, p0 + 2);
          let a = p0;
          while (a > 0 && HAN.test(s[a - 1]!)) a--;
          let b = p0 + 2;
          while (b < s.length && HAN.test(s[b]!)) b++;
          const lattice = new RunLattice(priv.vocab, s, a, b);
          const why =
            fid < 0 ? 'fix-no-word' : !homs.includes(fid) ? 'not-same-reading' : model.unigram(fid) < HOMOPHONE_MIN_LOGP ? 'rare-fix' : !lattice.boundary(p0) || !lattice.boundary(p0 + 2) ? 'span-cut' : guard[p0] || guard[p0 + 1] ? 'protected' : 'other';
          push('adjacent', why);
          continue;
        }
        const sim = model.similarity(w, r);
        const inShapes = model.shapes(w).includes(r);
        const relation = sim === 'same' || sim === 'near' ? sim : inShapes ? 'shape' : sim === 'pair' ? 'pair' : 'far';
        // Does the fix make a word of 2–4 characters with its neighbours (in the target)?
        let fixWord = '';
        for (let len = 4; len >= 2 && !fixWord; len--) {
          for (let a = Math.max(0, i - len + 1); a <= i && a + len <= t.length; a++) {
            if (model.words.find(t, a, a + len) >= 0) {
              fixWord = t.slice(a, a + len);
              break;
            }
          }
        }
        if (guard[i]) {
          push('protected', relation);
          continue;
        }
        // Inside a word of three or more characters as the source reads best.
        let a = i;
        while (a > 0 && HAN.test(s[a - 1]!)) a--;
        let b = i + 1;
        while (b < s.length && HAN.test(s[b]!)) b++;
        const lattice = new RunLattice(priv.vocab, s, a, b);
        let lo = i;
        while (lo > a && !lattice.boundary(lo)) lo--;
        let hi = i + 1;
        while (hi < b && !lattice.boundary(hi)) hi++;
        if (relation === 'far') {
          push('far', readingDiff(model, w, r, ctx[i] ?? ''));
          continue;
        }
        if (!fixWord) {
          push('unknown', relation);
          continue;
        }
        if (hi - lo >= 3) {
          push('long-word', `${relation} ${s.slice(lo, hi)}`);
          continue;
        }
        push(`${relation}-filtered`, fixWord);
      }
    }
  }
  const byCls = new Map<string, Miss[]>();
  for (const m of misses) byCls.set(m.cls, [...(byCls.get(m.cls) ?? []), m]);
  console.log(`train CV${onlyFlagged ? ' (flagged sentences only)' : ''}: ${slips} one-character slips in same-length lines; found ${found}, scored but short ${scoredNotFound}, never a candidate ${misses.length}`);
  for (const [cls, ms] of [...byCls].sort((x, y) => y[1].length - x[1].length)) {
    const subs = new Map<string, number>();
    for (const m of ms) {
      const key = cls === 'far' || cls === 'protected' || cls === 'adjacent' ? m.sub : cls === 'long-word' ? m.sub.split(' ')[0]! : '';
      if (key) subs.set(key, (subs.get(key) ?? 0) + 1);
    }
    const top = [...subs].sort((x, y) => y[1] - x[1]).slice(0, 14).map(([s2, n]) => `${s2} ${n}`).join(', ');
    console.log(`  ${cls} ${ms.length}${top ? `: ${top}` : ''}`);
    if (listArg === cls || listArg === 'all') for (const m of ms) console.log(`      ${m.sub ? `${m.sub}  ` : ''}${m.line}`);
  }
}

main();
