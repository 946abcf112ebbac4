/**
 * npx tsx scripts/lib/lm-tuning-check.ts [--list] [--hints] '<json tuning>' ['<json tuning>' …]
 *
 * The wrong-character tier alone (no rules), for several tunings in one process, on everything open for
 * development: the typo slips of the dev drafts and of the blind-written dev drafts (one-character-for-one
 * fixes the tier makes as errors, out of all typo labels; and error flags that are no labelled typo), false
 * alarms (errors) on both sets' fixed text, on the ecspell train targets (the whole train part, not
 * cross-validated: clean sentences flagged), on the cleaned seeds and on the genre set's clean sentences,
 * and the genre set's slips fixed. For comparing a change's gain with its false alarms at a glance; the
 * cross-validated figures are scripts/lib/ecspell-sweep.ts's.
 */
import { applyFixes } from '../../lib/engine/apply-fixes';
import type { Issue } from '../../lib/engine/types';
import type { TierTuning } from '../../lib/lm/tier';
import { BLIND_DEV_DIR, DEV_DIR, loadDevSet, type DevDoc } from './dev-set';
import { loadTierForNode } from './lm-node';
import { loadEcspellTargets, loadSeeds } from './seeds';
import { loadGenreSet } from './lm-genre';

type Tier = ReturnType<typeof loadTierForNode>;

function errorsIn(tier: Tier, text: string): Issue[] {
  const out: Issue[] = [];
  let base = 0;
  for (const p of text.split('\n')) {
    for (const i of tier.issues(p, base)) if (i.severity === 'error' || hints) out.push(i);
    base += p.length + 1;
  }
  return out;
}

function fixedText(d: DevDoc): string {
  const edits: Issue[] = d.labels
    .filter((l) => typeof l.fix === 'string')
    .map((l) => ({ rule: 'label', category: 'typo', severity: 'error', start: l.start, end: l.end, text: l.text, replacements: [l.fix as string], message: '' }));
  return applyFixes(d.text, edits);
}

/** Typo labels, those the tier's errors mend exactly, its error flags that touch no typo label, and its errors on the fixed text. */
function draftFigures(tier: Tier, docs: readonly DevDoc[], list: string[]): { slips: number; fixed: number; wrong: number; clean: number } {
  let slips = 0;
  let fixed = 0;
  let wrong = 0;
  let clean = 0;
  for (const d of docs) {
    const errs = errorsIn(tier, d.text);
    const typos = d.labels.filter((l) => l.type === 'typo');
    for (const l of typos) {
      slips++;
      const inside = errs.filter((x) => x.start < l.end && l.start < x.end);
      if (inside.length === 0 || l.fix === null) continue;
      let s = d.text.slice(l.start, l.end);
      for (const x of [...inside].sort((p, q) => q.start - p.start)) {
        if (x.start < l.start || x.end > l.end) continue;
        s = s.slice(0, x.start - l.start) + x.replacements[0] + s.slice(x.end - l.start);
      }
      if (s === l.fix) fixed++;
    }
    for (const x of errs) {
      if (!d.labels.some((l) => x.start < l.end && l.start < x.end)) {
        wrong++;
        list.push(`  flag ${d.name}@${x.start} ${d.text.slice(Math.max(0, x.start - 8), x.start)}【${x.text}→${x.replacements[0]}】${d.text.slice(x.end, x.end + 8)}`);
      }
    }
    const f = fixedText(d);
    for (const x of errorsIn(tier, f)) {
      clean++;
      list.push(`  clean ${d.name}@${x.start} ${f.slice(Math.max(0, x.start - 8), x.start)}【${x.text}→${x.replacements[0]}】${f.slice(x.end, x.end + 8)}`);
    }
  }
  return { slips, fixed, wrong, clean };
}

const dev = loadDevSet(DEV_DIR).docs;
const blind = loadDevSet(BLIND_DEV_DIR).docs;
const targets = loadEcspellTargets();
const seeds = loadSeeds();
const genre = loadGenreSet();
const verbose = process.argv.includes('--list');
/** --hints: count hints (info) as flags too, as the dev eval does (the ecspell measure counts errors only). */
const hints = process.argv.includes('--hints');

for (const arg of process.argv.slice(2).filter((a) => !a.startsWith('--'))) {
  const tier = loadTierForNode({ tuning: JSON.parse(arg) as Partial<TierTuning> });
  const list: string[] = [];
  const d = draftFigures(tier, dev, list);
  const b = draftFigures(tier, blind, list);
  let odw = 0;
  for (const t of targets) {
    const e = errorsIn(tier, t);
    if (e.length) {
      odw++;
      list.push(`  odw ${e.map((x) => `${x.text}→${x.replacements[0]}`).join(' ')} | ${t}`);
    }
  }
  let seed = 0;
  for (const s of seeds) seed += errorsIn(tier, s.text).length;
  let genreFixed = 0;
  for (const [w, m] of genre.slips) if (applyFixes(w, errorsIn(tier, w)) === m) genreFixed++;
  let genreClean = 0;
  for (const c of genre.clean) if (errorsIn(tier, c).length) genreClean++;
  console.log(
    `${arg.padEnd(36)} blind ${b.fixed}/${b.slips} wrong ${b.wrong} clean ${b.clean} | dev ${d.fixed}/${d.slips} wrong ${d.wrong} clean ${d.clean} | odw ${odw}/${targets.length} | seeds ${seed} | genre ${genreFixed}/${genre.slips.length} clean ${genreClean}/${genre.clean.length}`,
  );
  if (verbose) for (const l of list) console.log(l);
}
