/**
 * Background side of the wrong-character tier (lib/lm): the `checkWrongChars` message.
 *
 * Where it runs: in the background (Chrome's MV3 service worker, Firefox's event page), not in an
 * offscreen document. The tier is plain computation — no DOM — so the worker can run it, and it is the
 * one context that already answers every content script; an offscreen document would add a second hop
 * per check and a lifetime of its own to manage for nothing.
 *
 * Lazily: the model (≈ 13 MB, the packaged asset lm/model.bin) is fetched from the extension's own
 * package on the first message, which a content script sends only when an editor with text is checked,
 * and kept in memory while the worker lives. When the browser stops an idle worker (MV3 does after
 * ≈ 30 s), everything here goes with it and the next message loads again (≈ 0.1–0.3 s): nothing is
 * stored, so nothing is left half-done. A failed load answers `{ ok: false }` and is tried again on a
 * later message.
 *
 * The writer's vocabulary (personal dictionary, reference documents) shapes the tier's answers, so it is
 * used only for paragraphs the content script marks `engaged` (an editor the writer typed or clicked in:
 * lib/editors/controller.ts); every other paragraph is checked as anyone's copy would check it, so a page
 * that plants words in an editor and reads the underlines learns nothing about the writer.
 */
import { defaultCorpus } from '../corpus/default';
import type { Issue } from '../engine/types';
import { createLmChecker, domainVocabulary, loadModel, type LanguageModel, type LmChecker } from '../lm';
import type { MessageHandlers } from '../message-policy';
import type { WrongCharAnswer } from '../protocol';

/** Where the build puts the model in the extension package (wxt.config.ts, hook build:publicAssets). */
export const LM_MODEL_PATH = '/lm/model.bin';

export interface LmServiceParts {
  /** The model file's bytes (the background fetches its packaged asset). */
  modelBytes(): Promise<ArrayBuffer>;
  /** Personal dictionary: never flagged, known to the model as words. */
  dictionary(): Promise<readonly string[]>;
  /** Domain phrasings (corpus, reference documents): the same. */
  domainWords(): Promise<readonly string[]>;
  /**
   * The domain phrasings anyone's copy of the extension has (the shipped corpus, no reference document):
   * the vocabulary for paragraphs of editors the writer has not engaged. Default: the default corpus's.
   */
  publicWords?(): readonly string[];
}

export interface LmService {
  handlers: Pick<MessageHandlers, 'checkWrongChars'>;
  /** The personal dictionary or the reference documents changed: the next check rebuilds the tier. */
  vocabularyChanged(): void;
  /** Whether the model is loaded now (diagnostics, tests). */
  readonly loaded: boolean;
}

/** Wait this long after a failed load before trying again (ms). */
const RETRY_MS = 30_000;

export function createLmService(parts: LmServiceParts, now: () => number = Date.now): LmService {
  let model: Promise<LanguageModel> | null = null;
  let loadedModel: LanguageModel | null = null;
  /** With the personal dictionary and the reference documents: for editors the writer engaged. */
  let checker: Promise<LmChecker> | null = null;
  /**
   * Without them: for every other editor. A page can plant text in an editor the writer never touched
   * and read which words are underlined; with the writer's vocabulary that would tell it which words
   * the personal dictionary (or a reference document) holds.
   */
  let publicChecker: Promise<LmChecker> | null = null;
  let failedAt = -Infinity;
  let generation = 0;

  function getModel(): Promise<LanguageModel> {
    model ??= parts.modelBytes().then((bytes) => (loadedModel = loadModel(bytes)));
    return model;
  }

  /** A checker whose build failed is not kept (`drop`): the next message tries again, after RETRY_MS. */
  function dropOnFailure(made: Promise<LmChecker>, drop: () => void): void {
    made.catch(() => {
      drop();
      if (!loadedModel) model = null;
      failedAt = now();
    });
  }

  function getChecker(): Promise<LmChecker> {
    if (checker) return checker;
    const mine = generation;
    const made = Promise.all([getModel(), parts.dictionary().catch(() => []), parts.domainWords().catch(() => [])]).then(
      ([m, dictionary, domainWords]) => createLmChecker(m, { dictionary, domainWords }),
    );
    checker = made;
    dropOnFailure(made, () => {
      if (checker === made) checker = null;
    });
    // A vocabulary change while building: this one answers, the next message builds afresh.
    void made.then(() => {
      if (mine !== generation && checker === made) checker = null;
    }, () => {});
    return made;
  }

  /** The tier without the writer's vocabulary (it never changes: built once per model). */
  function getPublicChecker(): Promise<LmChecker> {
    if (publicChecker) return publicChecker;
    const made = getModel().then((m) => createLmChecker(m, { domainWords: parts.publicWords?.() ?? domainVocabulary(defaultCorpus) }));
    publicChecker = made;
    dropOnFailure(made, () => {
      if (publicChecker === made) publicChecker = null;
    });
    return made;
  }

  return {
    handlers: {
      async checkWrongChars(data): Promise<WrongCharAnswer> {
        const engaged = data.paragraphs.some((p) => p.engaged === true);
        const open = data.paragraphs.some((p) => p.engaged !== true);
        if (((engaged && !checker) || (open && !publicChecker)) && now() - failedAt < RETRY_MS) return { ok: false };
        let personal: LmChecker | null;
        let anyone: LmChecker | null;
        try {
          [personal, anyone] = await Promise.all([engaged ? getChecker() : null, open ? getPublicChecker() : null]);
        } catch (error) {
          console.warn('[wengao] the wrong-character model could not be loaded', error);
          return { ok: false };
        }
        return {
          ok: true,
          paragraphs: data.paragraphs.map(({ id, text, engaged }) => ({ id, text, issues: (engaged === true ? personal! : anyone!).check(text).map(plain) })),
        };
      },
    },
    vocabularyChanged() {
      generation++;
      checker = null;
    },
    get loaded() {
      return loadedModel !== null;
    },
  };
}

/** The issue as plain JSON (the tier's objects are cached and shared: never hand them out). */
function plain(i: Issue): Issue {
  return { rule: i.rule, category: i.category, severity: i.severity, start: i.start, end: i.end, text: i.text, replacements: [...i.replacements], message: i.message };
}
