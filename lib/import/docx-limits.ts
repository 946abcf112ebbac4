/**
 * Bounds on a .docx checked BEFORE mammoth reads it. mammoth (through JSZip and an XML DOM) holds every
 * part it reads in memory several times over: measured ≈ 5 KB and 0.13 ms per paragraph, so an 830 KB
 * file of 5 million tiny paragraphs (175 MB of XML, deflate packs it 200:1) takes gigabytes and crashes
 * the options page or the CLI. Here the zip's central directory is read first (entry count, declared
 * sizes: a bomb that declares its size is refused at once, before inflating a byte), then every entry is
 * inflated as a stream with its output counted and thrown away: the inflation stops as soon as an entry
 * outgrows what it declared (a lying header), the total outgrows the limit, or the XML has more
 * paragraphs or elements than the limits allow. Memory stays at one chunk; time at the bytes actually
 * inflated, never more than the unzipped limit.
 *
 * Pure: DecompressionStream('deflate-raw') is in Node ≥ 20 and in every browser this extension supports
 * (Chromium 103, Firefox 113), workers included. No mammoth here.
 */
import { ImportError } from './errors';

export interface DocxLimits {
  /** Entries in the zip (a Word document has a few dozen, a few hundred with many images). */
  entries: number;
  /** Bytes of all entries unzipped together. */
  unzippedBytes: number;
  /** Word paragraphs (`<w:p>`, any namespace prefix) in all parts together. */
  paragraphs: number;
  /** XML elements (start tags) in all parts together: what mammoth's DOM costs. */
  elements: number;
}

/**
 * Far above any document the import takes (MAX_TEXT_CHARS = 2 M characters ≈ 6 MB of UTF-8 text, whose
 * Word XML is typically 3–8 × larger), far below what hurts: at 1,000,000 elements mammoth peaks near
 * 1.3 GB, so the element bound is half that.
 */
export const DOCX_LIMITS: Readonly<DocxLimits> = Object.freeze({
  entries: 2_000,
  unzippedBytes: 64 * 1024 * 1024,
  paragraphs: 100_000,
  elements: 500_000,
});

export interface DocxStats {
  entries: number;
  unzippedBytes: number;
  paragraphs: number;
  elements: number;
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;

const tooComplex = (detail: string) => new ImportError('too-complex', detail);
const bad = (detail: string) => new ImportError('bad-docx', detail);

/** The entries of the zip's central directory (refuses zip64, split archives, encryption). */
export function zipEntries(bytes: Uint8Array, maxEntries = DOCX_LIMITS.entries): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535 bytes, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('no zip directory');
  const disk = view.getUint16(eocd + 4, true);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (disk !== 0 || count === 0xffff || cdOffset === 0xffffffff) throw bad('split or zip64 archive');
  if (count > maxEntries) throw tooComplex(`${count} zip entries (limit ${maxEntries})`);
  if (cdOffset + cdSize > eocd) throw bad('zip directory out of range');
  const entries: Entry[] = [];
  let at = cdOffset;
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CDH_SIG) throw bad('damaged zip directory');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    if (flags & 1) throw bad('encrypted entry');
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) throw bad('zip64 entry');
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, method, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry (after its local header, as JSZip finds them). */
function entryData(bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LFH_SIG) throw bad(`damaged entry ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw bad(`truncated entry ${entry.name}`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Counts XML start tags and paragraphs across chunk boundaries: `<` followed by a name; a paragraph is
 * an element whose local name (after any `prefix:`) is `p`. Comments, CDATA and processing instructions
 * may be over-counted, which only makes the bound stricter.
 */
class TagCounter {
  elements = 0;
  paragraphs = 0;
  #carry: Uint8Array | null = null;

  feed(chunk: Uint8Array): void {
    let data = chunk;
    if (this.#carry) {
      data = new Uint8Array(this.#carry.length + chunk.length);
      data.set(this.#carry);
      data.set(chunk, this.#carry.length);
      this.#carry = null;
    }
    let i = data.indexOf(0x3c);
    while (i !== -1) {
      // Read the tag name: up to a space, tab, CR, LF, '/' or '>'.
      let j = i + 1;
      const first = data[j];
      if (first === undefined) return this.#keep(data, i);
      if (first !== 0x2f && first !== 0x3f && first !== 0x21) {
        let colon = -1;
        while (j < data.length && j - i < 80) {
          const c = data[j]!;
          if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e) break;
          if (c === 0x3a) colon = j;
          j++;
        }
        if (j === data.length && j - i < 80) return this.#keep(data, i);
        this.elements++;
        const local = colon === -1 ? i + 1 : colon + 1;
        if (j - local === 1 && data[local] === 0x70) this.paragraphs++;
      }
      i = data.indexOf(0x3c, j);
    }
  }

  /** The end of one part: a tag cut at its end does not continue in the next. */
  endPart(): void {
    this.#carry = null;
  }

  #keep(data: Uint8Array, from: number): void {
    this.#carry = data.slice(from);
  }
}

async function inflateEntry(data: Uint8Array, onChunk: (chunk: Uint8Array) => boolean): Promise<void> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (!onChunk(value)) {
        await reader.cancel().catch(() => {});
        return;
      }
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw bad(`cannot inflate: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Check a .docx against `limits` without keeping what it unzips to. Throws ImportError `too-complex`
 * (over a limit) or `bad-docx` (not a readable zip); resolves with what was counted.
 */
export async function checkDocxLimits(bytes: Uint8Array, limits: Readonly<DocxLimits> = DOCX_LIMITS): Promise<DocxStats> {
  const entries = zipEntries(bytes, limits.entries);
  const declared = entries.reduce((n, e) => n + e.size, 0);
  if (declared > limits.unzippedBytes) throw tooComplex(`unzips to ${declared} bytes (limit ${limits.unzippedBytes})`);
  const counter = new TagCounter();
  let total = 0;
  const state: { failure: ImportError | null } = { failure: null };
  const over = (): ImportError | null => {
    if (counter.paragraphs > limits.paragraphs) return tooComplex(`more than ${limits.paragraphs} paragraphs`);
    if (counter.elements > limits.elements) return tooComplex(`more than ${limits.elements} XML elements`);
    return null;
  };
  for (const entry of entries) {
    if (entry.name.endsWith('/') && entry.size === 0) continue; // a folder
    const data = entryData(bytes, entry);
    // Every part mammoth may parse as XML, whatever its name, is counted: all but the media folder.
    const counted = /\.(xml|rels)$/i.test(entry.name) || !/^word\/media\//i.test(entry.name);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw bad(`stored entry ${entry.name} with two sizes`);
      total += entry.size;
      if (counted) counter.feed(data);
    } else if (entry.method === 8) {
      let produced = 0;
      await inflateEntry(data, (chunk) => {
        produced += chunk.length;
        total += chunk.length;
        if (produced > entry.size) state.failure = bad(`entry ${entry.name} unzips to more than it declares`);
        else if (total > limits.unzippedBytes) state.failure = tooComplex(`unzips to more than ${limits.unzippedBytes} bytes`);
        else {
          if (counted) counter.feed(chunk);
          state.failure = over();
        }
        return state.failure === null;
      });
      if (state.failure) throw state.failure;
      if (produced !== entry.size) throw bad(`entry ${entry.name} unzips to ${produced} bytes, declares ${entry.size}`);
    } else {
      throw bad(`entry ${entry.name}: compression method ${entry.method}`);
    }
    counter.endPart();
    const exceeded = over();
    if (exceeded) throw exceeded;
  }
  return { entries: entries.length, unzippedBytes: total, paragraphs: counter.paragraphs, elements: counter.elements };
}
