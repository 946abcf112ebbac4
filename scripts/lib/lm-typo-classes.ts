/**
 * npx tsx scripts/lib/lm-typo-classes.ts [--blind-dev] [--list CLASS] [ROOT_A]
 *
 * The typo slips of the dev drafts (or the blind-written dev drafts) sorted into classes by what the slip
 * is — a word written for another of like reading (real-word confusion), a non-word of a same-reading,
 * near-reading (input-method fuzzy pairs), like-shape or unrelated character, a slip in a four-character
 * phrase or idiom, a swap of neighbours, slips of two or more characters — with, per class, how many the
 * tier finds (errors or hints that make the labelled fix, as the dev eval counts them) in this tree and, with
 * ROOT_A (a tree made by `git archive <rev> | tar -x -C DIR`, node_modules linked in), in that one.
 * For naming the classes of what is missed before building for one; the held-out drafts are never read.
 */
import { join } from 'node:path';
import { loadDevSet, BLIND_DEV_DIR, DEV_DIR } from './dev-set';
import { loadModelForNode } from './lm-node';
import { mendsSpan, paragraphAround } from './label-mend';
import { typoClassOf } from './typo-class';
import type { WrongCharTier } from '../../lib/lm/tier';

const argv = process.argv.slice(2);
const blind = argv.includes('--blind-dev');
const listAt = argv.indexOf('--list');
const listClass = listAt >= 0 ? argv[listAt + 1] : undefined;
const rootA = argv.find((a, k) => !a.startsWith('--') && (listAt < 0 || k !== listAt + 1));
const { docs } = loadDevSet(blind ? BLIND_DEV_DIR : DEV_DIR);
const model = loadModelForNode();

async function tierOf(root: string): Promise<WrongCharTier> {
  const node = (await import(join(root, 'scripts/lib/lm-node.ts'))) as typeof import('./lm-node');
  return node.loadTierForNode();
}

/** Whether the tier's issues (errors and hints) in the label's paragraph make the labelled fix. */
function fixes(tier: WrongCharTier, text: string, start: number, end: number, fix: string): boolean {
  const { para, s, e } = paragraphAround(text, start, end);
  return mendsSpan(tier.issues(para), para, s, e, fix);
}


const trees: Array<[string, WrongCharTier]> = [['B (this tree)', await tierOf(join(import.meta.dirname, '..', '..'))]];
if (rootA) trees.unshift([`A (${rootA})`, await tierOf(rootA)]);
const table = new Map<string, number[]>();
for (const d of docs) {
  for (const l of d.labels) {
    if (l.type !== 'typo' || l.fix === null) continue;
    const cls = typoClassOf(model, d.text, l.start, l.text, l.fix);
    const row = table.get(cls) ?? new Array<number>(trees.length + 1).fill(0);
    row[0]!++;
    const found = trees.map(([, t]) => fixes(t, d.text, l.start, l.end, l.fix!));
    found.forEach((x, k) => x && row[k + 1]!++);
    table.set(cls, row);
    if (listClass && cls.startsWith(listClass)) {
      console.log(`  ${found.map((x) => (x ? '+' : '-')).join('')} ${d.name}@${l.start} ${d.text.slice(Math.max(0, l.start - 8), l.start)}【${l.text}→${l.fix}】${d.text.slice(l.end, l.end + 8)}`);
    }
  }
}
console.log(`class${' '.repeat(26)}slips  ${trees.map(([n]) => n).join('  ')}`);
const total = new Array<number>(trees.length + 1).fill(0);
for (const [cls, row] of [...table].sort((x, y) => y[1][0]! - x[1][0]!)) {
  console.log(`${cls.padEnd(31)}${String(row[0]).padStart(5)}  ${row.slice(1).map((n) => String(n).padStart(4)).join('  ')}`);
  row.forEach((n, k) => (total[k]! += n));
}
console.log(`${'all'.padEnd(31)}${String(total[0]).padStart(5)}  ${total.slice(1).map((n) => String(n).padStart(4)).join('  ')}`);
