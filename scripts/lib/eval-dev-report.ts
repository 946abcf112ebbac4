/**
 * `npm run eval -- --dev`: the development-set report (figures from scripts/lib/eval-dev.ts).
 * Prints one headline per figure, then what was missed, flagged wrongly and which headings went wrong.
 */
import { defaultCorpus } from '../../lib/corpus';
import { createAnalyzer, rules } from '../../lib/engine';
import { createLmChecker, domainVocabulary, mergeTierIssues } from '../../lib/lm';
import { BLIND_DEV_DIR, DEV_DIR, HOLDOUT_DIR, loadDevSet } from './dev-set';
import { DEV_TARGETS, evaluateDev, type DevSummary } from './eval-dev';
import { loadModelForNode, tuningFromEnv } from './lm-node';
import { flagLine, mark, q, table } from './report-format';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/**
 * The report as text. `details` false (the held-out drafts) prints the totals only: the misses of a set
 * nobody may tune on are not shown, so nobody reads them by accident.
 */
export function formatDevReport(s: DevSummary, all: boolean, setName = 'development set (tests/fixtures/dev)', details = true): string {
  const out: string[] = [];
  out.push(`Wengao eval — ${setName}: ${s.documents} drafts, ${s.characters} characters`);
  out.push('', `Per class, against the dev labels (targets: recall ≥ ${pct(DEV_TARGETS.recall)}, fix right ≥ ${pct(DEV_TARGETS.fixed)}, precision ≥ ${pct(DEV_TARGETS.precision)})`);
  out.push(
    table(
      [
        ['class', 'labelled', 'found', 'recall', 'fixed', 'fix right', 'flags', 'precision', ''],
        ...s.classes.map((c) => [
          c.cls,
          String(c.labelled),
          String(c.found),
          pct(c.recall),
          String(c.fixed),
          pct(c.fixRate),
          String(c.flags),
          pct(c.precision),
          mark(c.pass),
        ]),
      ],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
  );
  const h = s.headings;
  out.push(
    '',
    `Headings, against the dev heading labels: found ${h.found}/${h.labelled} = ${pct(h.foundRate)} (≥ ${pct(DEV_TARGETS.headingsFound)}), ` +
      `role right ${h.roleRight}/${h.found} = ${pct(h.roleRate)} (≥ ${pct(DEV_TARGETS.roleRight)}), level right ${h.levelRight}/${h.found}, ` +
      `false headings ${h.falseHeadings}  ${mark(h.pass)}`,
  );
  out.push(
    `False alarms on the drafts with every labelled fix applied: ${s.clean.flags} in ${s.clean.characters} characters = ${(s.clean.per10k).toFixed(2)} per 10k`,
  );
  if (!details) {
    out.push('', '(held-out set: totals only — its misses are not listed, so that no rule is tuned on them)', '', `Overall: ${mark(s.pass)}`);
    return out.join('\n');
  }
  const cap = <T>(xs: T[]) => (all ? xs : xs.slice(0, 40));
  if (s.missed.length > 0) {
    out.push('', `Missed or not fixed correctly (${s.missed.length}):`);
    for (const m of cap(s.missed)) {
      out.push(`  ${m.doc}@${m.start} [${m.type}] ${m.context}  want ${q(m.fix)} — ${m.found ? `wrong fix: ${m.offered.join(' | ')}` : 'NOT FOUND'}`);
    }
  }
  if (s.falseFlags.length > 0) {
    out.push('', `Flags on no labelled slip (${s.falseFlags.length}):`);
    for (const f of cap(s.falseFlags)) out.push(flagLine(f));
  }
  if (s.clean.items.length > 0) {
    out.push('', `Flags on the fixed drafts (${s.clean.items.length}):`);
    for (const f of cap(s.clean.items)) out.push(flagLine(f));
  }
  if (h.misses.length > 0) {
    out.push('', `Headings missed or with the wrong role/level (${h.misses.length}):`);
    for (const m of cap(h.misses)) out.push(`  ${m.doc}  ${JSON.stringify(m.text)}  want ${m.want}, got ${m.got}`);
  }
  if (h.extras.length > 0) {
    out.push('', `Sections found where no heading is labelled (${h.extras.length}):`);
    for (const e of cap(h.extras)) out.push(`  ${e.doc}  L${e.level} ${e.role}  ${JSON.stringify(e.text)}`);
  }
  if (!all && [s.missed, s.falseFlags, s.clean.items, h.misses, h.extras].some((xs) => xs.length > 40)) out.push('', '(lists cut at 40: --all shows everything)');
  out.push('', `Overall: ${mark(s.pass)}`);
  return out.join('\n');
}

/** Which drafts to score: our own (dev), blind-written ones open for development, or the held-out ones. */
export type DevSetName = 'dev' | 'blind-dev' | 'holdout';

const DEV_SETS: Record<DevSetName, { dir: string; title: string }> = {
  dev: { dir: DEV_DIR, title: 'development set (tests/fixtures/dev)' },
  'blind-dev': { dir: BLIND_DEV_DIR, title: 'blind-written development drafts (tests/fixtures/dev-blind)' },
  holdout: { dir: HOLDOUT_DIR, title: 'held-out drafts (tests/fixtures/holdout, never tuned on)' },
};

export function runDevEval({ json, check, all, set = 'dev', lm = false }: { json: boolean; check: boolean; all: boolean; set?: DevSetName; lm?: boolean }): void {
  const holdout = set === 'holdout';
  const { docs, problems } = loadDevSet(DEV_SETS[set].dir);
  const setName = DEV_SETS[set].title;
  if (problems.length > 0) {
    process.stderr.write(`${problems.length} dev labels cannot be placed (npm run dev:labels lists them); they are left out.\n`);
  }
  const analyzer = createAnalyzer({ rules });
  // With --lm, the wrong-character tier's findings merged in as the extension and `wengao check` do.
  const checker = lm ? createLmChecker(loadModelForNode(), { domainWords: domainVocabulary(defaultCorpus), tuning: tuningFromEnv() }) : null;
  // A fresh analysis per text: the dev drafts and their fixed copies are unrelated texts.
  const summary = evaluateDev(docs, (t) => {
    const result = analyzer.analyze(t);
    return checker ? { ...result, issues: mergeTierIssues(result.issues, checker.check(t)) } : result;
  });
  // Held out: totals only, in JSON too (the lists name the drafts' missed slips).
  const shown = holdout
    ? { ...summary, missed: [], falseFlags: [], clean: { ...summary.clean, items: [] }, headings: { ...summary.headings, misses: [], extras: [] } }
    : summary;
  process.stdout.write(json ? `${JSON.stringify({ ...shown, labelProblems: holdout ? [] : problems }, null, 2)}\n` : `${formatDevReport(summary, all, setName, !holdout)}\n`);
  process.exitCode = check && (!summary.pass || problems.length > 0) ? 1 : 0;
}
