/**
 * confusable-word: easily confused words (易错词) in context, e.g. 社会发展形式 → 形势, 必需着重 → 必须,
 * 即有特色，又有创新 → 既, 社会各届 → 各界, 截止目前 → 截至, 不段 → 不断.
 *
 * Entries live in ./data/confusables.ts. One regex, built at load time from every wrong word (longest first),
 * finds candidates; each candidate is then checked against the context patterns of its entries.
 */
import { defineParagraphRule } from '../engine/rule';
import { CONFUSABLES, type Confusable } from './data/confusables';

const messages = {
  confused: (wrong: string, right: string, note: string) =>
    note ? `“${wrong}”疑为“${right}”（${note}）` : `“${wrong}”疑为“${right}”`,
};

/** How many characters before a candidate the `before`/`notBefore` patterns can see. */
const LOOK_BEHIND = 16;

interface CompiledEntry {
  entry: Confusable;
  before: RegExp | null;
  notBefore: RegExp | null;
  after: RegExp | null;
  notAfter: RegExp | null;
}

const behind = (src: string | undefined) => (src ? new RegExp(`(?:${src})$`) : null);
const ahead = (src: string | undefined) => (src ? new RegExp(src, 'y') : null);

const ENTRIES = new Map<string, CompiledEntry[]>();
for (const entry of CONFUSABLES) {
  if (entry.wrong === entry.right || !entry.wrong) continue;
  const list = ENTRIES.get(entry.wrong) ?? [];
  list.push({
    entry,
    before: behind(entry.before),
    notBefore: behind(entry.notBefore),
    after: ahead(entry.after),
    notAfter: ahead(entry.notAfter),
  });
  ENTRIES.set(entry.wrong, list);
}

/**
 * The ~200 most frequent characters of 公文 text (counted over the ECSpell targets and the seeds), most
 * frequent first. Candidates are found by scanning for each wrong word's least frequent character, so the
 * scan stops rarely: 形式 is found through 式, 截止到 through 截.
 */
const COMMON =
  '的工党作部和政务国业人有要中发实建行关支制理法会展组定责员力一用公地全不在区设规基进为对化保能方等机民记管书应主重强' +
  '提生体市任合委动各开成大资学以事织产职导家加局监位分新院自高级是查门层时领本服持改办当策上调安信治平推决度施医单项经督' +
  '企构好及科性者共权准质农社标内处出范府程同点通面统教技系联问创总与负相按题立息长品现到情落活效个年检育思完或善做入水革' +
  '省集想过协其结可村场整期央干识于术照报源意专心坚';

function rarity(ch: string): number {
  const i = COMMON.indexOf(ch);
  return i === -1 ? COMMON.length : i;
}

interface Anchored {
  wrong: string;
  /** Index of the anchor character inside `wrong`. */
  offset: number;
}

/** Wrong words by their rarest character, longest first (so 截止到 is tried before 截止). */
const BY_ANCHOR = new Map<string, Anchored[]>();
for (const wrong of ENTRIES.keys()) {
  let offset = 0;
  for (let k = 1; k < wrong.length; k++) if (rarity(wrong[k]!) > rarity(wrong[offset]!)) offset = k;
  const anchor = wrong[offset]!;
  const list = BY_ANCHOR.get(anchor) ?? [];
  list.push({ wrong, offset });
  BY_ANCHOR.set(anchor, list);
}
for (const list of BY_ANCHOR.values()) list.sort((a, b) => b.wrong.length - a.wrong.length);

/**
 * Anchor lists by UTF-16 code unit: a table look-up per character is ~10× faster than a big regex class.
 * ANCHOR_AT[c] is 1 + the index of the code unit's list in ANCHOR_LISTS (0: no anchor), so a hit needs
 * no one-character string and no Map look-up either.
 */
const ANCHOR_AT = new Uint16Array(0x10000);
/**
 * One bit per code unit: is it an anchor? The scan asks this first. ANCHOR_AT is 128 KB, and the Han block
 * alone spans 40 KB of it, read at random by every character of every line; the bits of the Han block are
 * 2.5 KB, which stay in the processor's first-level cache while the other rules run (issue 13: the rules
 * together cost more than each alone, their tables evicting each other's).
 */
const ANCHOR_BITS = new Int32Array(0x10000 >> 5);
const ANCHOR_LISTS: Anchored[][] = [];
for (const [a, list] of BY_ANCHOR) {
  ANCHOR_LISTS.push(list);
  const c = a.charCodeAt(0);
  ANCHOR_AT[c] = ANCHOR_LISTS.length;
  ANCHOR_BITS[c >> 5]! |= 1 << (c & 31);
}

function matchesAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

function fits(c: CompiledEntry, text: string, start: number, end: number): boolean {
  if (c.before || c.notBefore) {
    const left = text.slice(Math.max(0, start - LOOK_BEHIND), start);
    if (c.before && !c.before.test(left)) return false;
    if (c.notBefore && c.notBefore.test(left)) return false;
  }
  if (c.after && !matchesAt(c.after, text, end)) return false;
  if (c.notAfter && matchesAt(c.notAfter, text, end)) return false;
  return true;
}

/** The first entry whose context fits (list order), or undefined. */
function firstFitting(list: readonly CompiledEntry[], text: string, start: number, end: number): Confusable | undefined {
  for (const c of list) if (fits(c, text, start, end)) return c.entry;
  return undefined;
}

export default defineParagraphRule({
  meta: {
    id: 'confusable-word',
    category: 'typo',
    severity: 'error',
    description: '易错词：根据上下文提示形近、音近而误用的词（形式/形势、必需/必须、截止/截至等）',
    fixable: true,
  },
  check(text, report) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if ((ANCHOR_BITS[c >> 5]! & (1 << (c & 31))) === 0) continue;
      const at = ANCHOR_AT[c]!;
      for (const { wrong, offset } of ANCHOR_LISTS[at - 1]!) {
        const start = i - offset;
        if (start < 0 || !text.startsWith(wrong, start)) continue;
        const end = start + wrong.length;
        const hit = firstFitting(ENTRIES.get(wrong)!, text, start, end);
        if (!hit) continue;
        report({
          start,
          end,
          message: messages.confused(hit.wrong, hit.right, hit.note),
          replacements: [hit.right],
          severity: hit.severity ?? 'error',
        });
        break;
      }
    }
  },
});
