/**
 * npx tsx scripts/eval-roles.ts [--all] [--json] [--test] [files…]
 *
 * Scores the outline's heading roles on the annotated role sets of tests/fixtures/roles (format in its
 * README): each set is expanded into drafts (a body paragraph after every heading line) and heading labels,
 * then matched like `npm run eval -- --dev` does (a section overlapping the label's range is the heading
 * found; its role is right when it equals the label's). Prints per set: found, role right, and the misses.
 * `--test` scores the test sets of tests/fixtures/roles/test instead (kept out of tuning: read their
 * figures once, after a round of changes, and never their misses while changing the outline).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { outlineOf, type Role } from '../lib/corpus';

const DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'roles');

/** Body paragraphs put after heading lines: plain prose with no heading cue of its own (rotated). */
const BODIES = [
  '这方面的工作关系全局，需要结合本单位实际统筹推进，既立足当前又着眼长远，确保各项部署落到实处、见到实效。',
  '近年来，围绕这项工作我们做了不少探索，积累了一些经验，也看到了与上级要求和群众期盼相比还有一定距离。',
  '在具体工作中，各级党组织和广大党员干部结合岗位实际，认真抓好贯彻落实，形成了上下联动、齐抓共管的局面。',
  '对此，大家要保持清醒头脑，坚持用发展的眼光看待问题，在实践中不断总结、不断完善，推动工作持续向前。',
];

interface Label {
  start: number;
  end: number;
  text: string;
  level: number;
  role: Role;
}
interface Draft {
  set: string;
  title: string;
  text: string;
  labels: Label[];
}

const ROLES = new Set(['intro', 'problems', 'causes', 'measures', 'conclusion', 'other']);

function markerLevel(h: string): number {
  if (/^[一二三四五六七八九十]+、/.test(h)) return 1;
  if (/^[（(][一二三四五六七八九十]+[)）]/.test(h)) return 2;
  if (/^\d+\.\d+/.test(h)) return 2;
  if (/^\d+[.、．]/.test(h)) return 3;
  if (/^[（(]\d+[)）]/.test(h)) return 4;
  return 1;
}

/** The drafts and labels of one annotated set file. */
export function expandSet(path: string): Draft[] {
  const set = basename(path, '.txt');
  const drafts: Draft[] = [];
  let cur: { title: string; parts: string[]; labels: Label[]; length: number; lastPara: [number, string] | null; bodies: number } | null = null;
  const flush = () => {
    if (cur) drafts.push({ set, title: cur.title, text: cur.parts.join(''), labels: cur.labels });
  };
  const push = (line: string) => {
    cur!.parts.push(line + '\n');
    cur!.length += line.length + 1;
  };
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (!line.trim()) continue;
    if (line.startsWith('=== ')) {
      flush();
      cur = { title: line.slice(4), parts: [], labels: [], length: 0, lastPara: null, bodies: drafts.length };
      push(cur.title);
      push('');
      continue;
    }
    if (!cur) throw new Error(`${path}:${n + 1}: text before the first === title`);
    const [tag, ...rest] = line.split(' ');
    if (tag === 'P') {
      const text = rest.join(' ');
      cur.lastPara = [cur.length, text];
      push(text);
    } else if (tag === 'H' || tag === 'R') {
      const role = rest[0]!;
      if (!ROLES.has(role)) throw new Error(`${path}:${n + 1}: unknown role ${role}`);
      let level: number | null = null;
      let k = 1;
      if (/^[1-4]$/.test(rest[1] ?? '')) {
        level = Number(rest[1]);
        k = 2;
      }
      const text = rest.slice(k).join(' ');
      if (tag === 'H') {
        cur.labels.push({ start: cur.length, end: cur.length + text.length, text, level: level ?? markerLevel(text), role: role as Role });
        push(text);
        // A body paragraph unless the next line is a literal one.
        const next = lines.slice(n + 1).find((l) => l.trim());
        if (!next?.startsWith('P ')) push(BODIES[cur.bodies++ % BODIES.length]!);
        cur.lastPara = null;
      } else {
        if (!cur.lastPara || level === null) throw new Error(`${path}:${n + 1}: R needs a level and a P paragraph before it`);
        const at = cur.lastPara[1].indexOf(text);
        if (at < 0) throw new Error(`${path}:${n + 1}: ${text} not in the paragraph`);
        const start = cur.lastPara[0] + at;
        cur.labels.push({ start, end: start + text.length, text, level, role: role as Role });
      }
    } else throw new Error(`${path}:${n + 1}: unknown line ${line}`);
  }
  flush();
  return drafts;
}

export interface SetScore {
  set: string;
  labelled: number;
  found: number;
  roleRight: number;
  misses: string[];
}

export function scoreSet(drafts: readonly Draft[]): SetScore {
  const score: SetScore = { set: drafts[0]?.set ?? '', labelled: 0, found: 0, roleRight: 0, misses: [] };
  for (const d of drafts) {
    const sections = outlineOf(d.text).filter((s) => s.kind !== 'implicit');
    const used = new Set<number>();
    for (const h of d.labels) {
      score.labelled++;
      const idx = sections.findIndex((s, i) => !used.has(i) && s.start < h.end && h.start < s.end);
      if (idx < 0) {
        score.misses.push(`  ${d.title.slice(0, 14)}  ${JSON.stringify(h.text)}  want ${h.role}, not found`);
        continue;
      }
      used.add(idx);
      score.found++;
      const s = sections[idx]!;
      if (s.role === h.role) score.roleRight++;
      else score.misses.push(`  ${d.title.slice(0, 14)}  ${JSON.stringify(h.text)}  want ${h.role}, got ${s.role} (L${s.level} ${s.kind})`);
    }
  }
  return score;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    options: { all: { type: 'boolean' }, json: { type: 'boolean' }, test: { type: 'boolean' } },
    allowPositionals: true,
  });
  const dir = values.test ? join(DIR, 'test') : DIR;
  const files = positionals.length
    ? positionals
    : readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
  const scores = files.map((f) => scoreSet(expandSet(f)));
  if (values.json) console.log(JSON.stringify(scores.map(({ misses, ...s }) => s)));
  else {
    let l = 0;
    let f = 0;
    let r = 0;
    for (const s of scores) {
      l += s.labelled;
      f += s.found;
      r += s.roleRight;
      console.log(`${s.set.padEnd(10)} found ${s.found}/${s.labelled}, role right ${s.roleRight}/${s.found} = ${((100 * s.roleRight) / Math.max(1, s.found)).toFixed(1)} %`);
      if (values.all) for (const m of s.misses) console.log(m);
    }
    console.log(`${'total'.padEnd(10)} found ${f}/${l}, role right ${r}/${f} = ${((100 * r) / Math.max(1, f)).toFixed(1)} %`);
  }
}
