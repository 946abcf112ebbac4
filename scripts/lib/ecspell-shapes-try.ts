/**
 * npx tsx scripts/lib/ecspell-shapes-try.ts '{"partOf":true}' …
 *
 * Cross-validated train figures of the typo tier with the model's shape neighbours replaced by those
 * scripts/build-lm-shapes.ts makes with the given options added (no model rebuild: for choosing the options;
 * the links SHAPE_DEFAULTS makes are taken to be in the model, as `npm run build:lm` puts them).
 */
import { decompPath, readDecompositions, SHAPE_DEFAULTS, shapeNeighbours, type ShapeOptions } from '../build-lm-shapes';
import { loadModelForNode } from './lm-node';
import { scriptClassAt, TRADITIONAL } from '../../lib/engine/script';
import { crossValidate, formatCv } from './ecspell-cv';

const HAN = /^[\u3400-\u9fff]$/u;
const SHAPE_CHAR_MIN_LOGP = -6.0;

export function patchShapes(options: ShapeOptions): number {
  const model = loadModelForNode() as { shapes: (ch: string) => string } & ReturnType<typeof loadModelForNode>;
  const decomp = readDecompositions(decompPath());
  const common: string[] = [];
  for (const ch of decomp.keys()) {
    if (!HAN.test(ch)) continue;
    const id = model.words.find(ch, 0, 1);
    if (id >= 0 && id < model.size && model.unigram(id) >= SHAPE_CHAR_MIN_LOGP && scriptClassAt(ch, 0) !== TRADITIONAL) common.push(ch);
  }
  common.sort();
  // Only the links the options add are put beside the model's own (the common list here is read from
  // the quantised model and may differ from the generator's at the edge).
  const base = new Map(shapeNeighbours(common, decomp, SHAPE_DEFAULTS).map((l) => [l[0]!, new Set(l.slice(1))]));
  const map = new Map<string, string>();
  let links = 0;
  for (const l of shapeNeighbours(common, decomp, options)) {
    const added = [...l.slice(1)].filter((c) => !base.get(l[0]!)?.has(c));
    links += added.length;
    if (added.length) map.set(l[0]!, added.join(''));
  }
  const old = model.shapes.bind(model);
  model.shapes = (ch) => old(ch) + (map.get(ch) ?? '');
  return links;
}

if (process.argv[1]?.endsWith('ecspell-shapes-try.ts')) {
  for (const arg of process.argv.slice(2)) {
    const links = patchShapes(JSON.parse(arg) as ShapeOptions);
    console.log(`${arg}: ${links} links`);
    console.log(formatCv(crossValidate()).join('\n'));
  }
}
