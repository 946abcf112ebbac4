/**
 * lib/lm/generated is generated data: this fails when it is stale. On any machine it checks what needs no
 * Debian package: the model's own hash, the generator's source hash (scripts/build-lm.ts and the modules
 * it uses), the ecspell file and the pinyin-pro version. Where sunpinyin-data is installed it also checks
 * the Debian sources' hashes. `npm run build:lm -- --check` does the full rebuild-and-compare.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatorHash } from '../../../scripts/build-lm';
import { META_FILE, MODEL_FILE, SUNPINYIN_DIR, type ModelMeta } from '../../../scripts/lib/lm-sources';
import { ROOT } from '../../../scripts/lib/seeds';
import { decodeModel } from '../../../lib/lm/format';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const meta = JSON.parse(readFileSync(META_FILE, 'utf8')) as ModelMeta;
const STALE = 'lib/lm/generated is stale: run npm run build:lm';

describe('generated language model', () => {
  it('model.bin is the file the meta describes', () => {
    const model = readFileSync(MODEL_FILE);
    expect(sha256(model), STALE).toBe(meta.model);
    expect(model.byteLength).toBe(meta.bytes);
    expect(decodeModel(model).header.words).toBe(meta.counts.words);
  });

  it('was built by the current generator', () => {
    expect(generatorHash(), STALE).toBe(meta.generator);
  });

  it('was built from the current ecspell training data and pinyin-pro', () => {
    expect(sha256(readFileSync(join(ROOT, 'tests', 'fixtures', 'ecspell', 'odw.train.tsv'))), STALE).toBe(meta.sources['odw.train.tsv']);
    const pinyinPro = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'pinyin-pro', 'package.json'), 'utf8')).version;
    expect(pinyinPro, STALE).toBe(meta.sources['pinyin-pro']);
  });

  it.runIf(existsSync(join(SUNPINYIN_DIR, 'lm_sc.t3g')))('was built from the installed sunpinyin-data', () => {
    expect(sha256(readFileSync(join(SUNPINYIN_DIR, 'lm_sc.t3g'))), STALE).toBe(meta.sources['lm_sc.t3g']);
    expect(sha256(readFileSync(join(SUNPINYIN_DIR, 'pydict_sc.bin'))), STALE).toBe(meta.sources['pydict_sc.bin']);
  });

  it('stays within the size budget (12 MB compressed)', () => {
    expect(meta.gzipBytes).toBeLessThanOrEqual(12 * 1024 * 1024);
  });
});
