/**
 * Where the language model's sources and outputs live, and which files make up its generator (their
 * hash is recorded in model.meta.json, so a changed generator makes the staleness test fail even on a
 * machine without the Debian sources).
 */
import { join } from 'node:path';
import { ROOT } from './seeds';

export const SUNPINYIN_DIR = process.env.WENGAO_SUNPINYIN_DIR ?? '/usr/lib/x86_64-linux-gnu/sunpinyin/data';
export const JIEBA_PACKAGE = 'nodejieba@3.5.8';
export const MODEL_FILE = join(ROOT, 'lib', 'lm', 'generated', 'model.bin');
export const META_FILE = join(ROOT, 'lib', 'lm', 'generated', 'model.meta.json');

export const GENERATOR_FILES = [
  'scripts/build-lm.ts',
  'scripts/build-lm-shapes.ts',
  'scripts/lib/lm-sources.ts',
  'scripts/lib/ecspell-split.ts',
  'lib/lm/format.ts',
  'lib/lm/words.ts',
  'lib/lm/homophones.ts',
];

export interface ModelMeta {
  /** sha256 over GENERATOR_FILES, in order. */
  generator: string;
  /** sha256 of each source file (pinyin-pro: its version). */
  sources: Record<string, string>;
  /** sha256 of model.bin. */
  model: string;
  bytes: number;
  gzipBytes: number;
  counts: Record<string, number>;
}
