/**
 * Schemas of the snippet messages' data (lib/message-policy.ts rows), on lib/validate.ts. They bound
 * types and sizes at the trust boundary, before any handler runs; the repository then normalises and
 * checks every field again (lib/snippets/normalize.ts), so a limit here is a cheap outer bound (a few
 * times the stored limit, since NFC and trimming shorten text), not the rule itself.
 * Pure: imports only the limits.
 */
import { MAX_FILE_CHARS } from './file';
import { MAX_BODY_CHARS, MAX_SOURCE_CHARS, MAX_TAG_CHARS, MAX_TAGS, MAX_TITLE_CHARS } from './types';
import { MAX_TRIGGER_CHARS } from './trigger';
import { array, number, object, optional, string, type Schema } from '../validate';
import type { Snippet } from './types';

/** A snippet id (auto-increment key). */
export const snippetIdSchema = number({ min: 1, max: Number.MAX_SAFE_INTEGER, integer: true });
/** A tab id as the browser gives it. */
export const tabIdSchema = number({ min: 0, max: 2 ** 31, integer: true });
/** Most hits one search returns (the picker shows 8, the panel a page). */
export const MAX_SEARCH_LIMIT = 200;

const title = string({ max: MAX_TITLE_CHARS * 4 });
const body = string({ min: 1, max: MAX_BODY_CHARS * 4 });
const tags = array(string({ max: MAX_TAG_CHARS * 4 }), { max: MAX_TAGS * 4 });
const time = number({ min: 0, max: 8.64e15 });
const count = number({ min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });

export const searchSnippetsSchema = object({
  query: string({ max: 200 }),
  limit: optional(number({ min: 1, max: MAX_SEARCH_LIMIT, integer: true })),
  tag: optional(string({ max: MAX_TAG_CHARS * 4 })),
});

export const listSnippetsSchema = object({
  offset: optional(number({ min: 0, max: 1_000_000, integer: true })),
  limit: optional(number({ min: 1, max: 1_000, integer: true })),
});

export const createSnippetSchema = object({
  title: optional(title),
  body,
  tags: optional(tags),
  source: optional(string({ min: 1, max: MAX_SOURCE_CHARS })),
});

export const updateSnippetSchema = object({ id: snippetIdSchema, title: optional(title), body: optional(body), tags: optional(tags) });

export const snippetSchema: Schema<Snippet> = object({
  id: snippetIdSchema,
  title,
  body,
  tags,
  source: string({ min: 1, max: MAX_SOURCE_CHARS }),
  createdAt: time,
  updatedAt: time,
  useCount: count,
  lastUsedAt: time,
});

export const idOnlySchema = object({ id: snippetIdSchema });
export const saveSelectionSchema = object({ text: body });
export const editSavedSchema = object({ id: snippetIdSchema, title: optional(title), tags: optional(tags) });
export const insertSnippetSchema = object({ id: snippetIdSchema, tabId: tabIdSchema });
/** A corpus phrasing or theme sentence from the side panel, inserted like a snippet (not stored). */
export const insertTextSchema = object({ text: body, tabId: tabIdSchema });
export const importSnippetsSchema = object({ text: string({ min: 1, max: MAX_FILE_CHARS }) });
export const triggerSchema = object({ trigger: string({ max: MAX_TRIGGER_CHARS * 2 }) });
