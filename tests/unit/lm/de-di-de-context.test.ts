/**
 * `de-di-de-context`: the statistical 的/地/得 findings (lib/lm/particles.ts) under their own rule id, apart
 * from the wrong characters (`wrong-char`), though one answer of the model carries both (issue 8). A writer
 * who ignores one keeps the other: in the answer, in the content script's hook (lib/editors/lm-client.ts:
 * switched off everywhere, ignored on a site, or ignored in this editor), in the settings catalogue (its own
 * entry, in the 的地得 group, with its own names) and in the messages that switch it.
 * The finding itself (what it flags and leaves) is tested in particles.test.ts; stored settings from before
 * the split in settings-migration.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalyzeOptions } from '../../../lib/engine/types';
import { withWrongChars, WrongCharClient, type AskWrongChars } from '../../../lib/editors/lm-client';
import { createLmChecker, LM_RULE_IDS, PARTICLE_META, TIER_META } from '../../../lib/lm';
import { createDispatcher, MessageRefused, type MessageHandlers } from '../../../lib/message-policy';
import { kindOf } from '../../../lib/panel/kinds';
import { CATALOG_BY_ID, catalogByGroup, ruleMessageKeys } from '../../../lib/rule-catalog';
import { analyzeOptions, normalizeSettings, withRuleIgnored, withRulesEnabled } from '../../../lib/settings';
import { loadModelForNode } from '../../../scripts/lib/lm-node';

const ID = 'de-di-de-context';
/**
 * One wrong character (练习 → 联系) and one wrong particle that no de-di-de table lists (上马地风险 → 上马的风险),
 * in two paragraphs.
 */
const TEXT = '各级党组织要密切练习群众。\n部分项目存在盲目上马地风险。';

const lm = createLmChecker(loadModelForNode());

/** The background's answer, made by the real tier (lib/storage/lm-handlers.ts answers with the same check). */
function realBackground() {
  const asked: string[] = [];
  const ask: AskWrongChars = async (paragraphs) => {
    for (const p of paragraphs) asked.push(p.text);
    return { ok: true, paragraphs: paragraphs.map((p) => ({ ...p, issues: lm.check(p.text) })) };
  };
  return { ask, asked };
}

/** The hook's result for TEXT once the background has answered: [rule, text] of each issue. */
async function shown(options: AnalyzeOptions): Promise<{ found: [string, string][]; asked: number }> {
  const bg = realBackground();
  const controller = new AbortController();
  const client = new WrongCharClient(bg.ask, { signal: controller.signal, setTimeout: (cb, ms) => setTimeout(cb, ms) as unknown as number });
  const owner = {};
  withWrongChars(client, owner, TEXT, [], options, vi.fn());
  await vi.runAllTimersAsync();
  const found = withWrongChars(client, owner, TEXT, [], options, vi.fn()).map((i): [string, string] => [i.rule, i.text]);
  controller.abort();
  return { found, asked: bg.asked.length };
}

const BOTH: [string, string][] = [
  ['wrong-char', '练习'],
  [ID, '地'],
];

describe('the id of the statistical 的/地/得 findings', () => {
  it('is their own: the answer carries wrong-char for the wrong character and de-di-de-context for the particle', () => {
    expect(PARTICLE_META.id).toBe(ID);
    expect(LM_RULE_IDS).toEqual(['wrong-char', ID]);
    const issues = lm.check(TEXT);
    expect(issues.map((i) => [i.rule, i.category, i.text, i.replacements[0]])).toEqual([
      ['wrong-char', 'typo', '练习', '联系'],
      [ID, 'grammar', '地', '的'],
    ]);
  });
});

describe('switching one of the two leaves the other', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('both on: both shown', async () => {
    expect((await shown({})).found).toEqual(BOTH);
  });

  it('de-di-de-context off everywhere: the wrong characters stay', async () => {
    const settings = withRulesEnabled(normalizeSettings({}), [ID], false);
    expect((await shown(analyzeOptions(settings))).found).toEqual([['wrong-char', '练习']]);
  });

  it('wrong-char off everywhere: the 的/地/得 findings stay (the background is still asked)', async () => {
    const settings = withRulesEnabled(normalizeSettings({}), [TIER_META.id], false);
    const { found, asked } = await shown(analyzeOptions(settings));
    expect(found).toEqual([[ID, '地']]);
    expect(asked).toBeGreaterThan(0);
  });

  it('忽略此规则 on a 的/地/得 suggestion (this site, or this editor before it is stored) leaves the wrong characters on', async () => {
    const site = 'news.example';
    const settings = withRuleIgnored(normalizeSettings({}), site, ID);
    expect((await shown(analyzeOptions(settings, { site }))).found).toEqual([['wrong-char', '练习']]);
    // Another site is not touched.
    expect((await shown(analyzeOptions(settings, { site: 'other.example' }))).found).toEqual(BOTH);
    expect((await shown(analyzeOptions(normalizeSettings({}), { ignoredRules: [ID] }))).found).toEqual([['wrong-char', '练习']]);
    // And 忽略此规则 on a wrong character leaves the 的/地/得 findings.
    expect((await shown(analyzeOptions(normalizeSettings({}), { ignoredRules: ['wrong-char'] }))).found).toEqual([[ID, '地']]);
  });

  it('both off: nothing shown and nothing asked', async () => {
    const settings = withRulesEnabled(normalizeSettings({}), ['wrong-char', ID], false);
    expect(await shown(analyzeOptions(settings))).toEqual({ found: [], asked: 0 });
  });
});

describe('in the settings and the side panel', () => {
  const ROOT = path.resolve(import.meta.dirname, '../../..');
  const locale = (l: string) => JSON.parse(readFileSync(path.join(ROOT, 'public/_locales', l, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

  it('has its own catalogue entry in the 的地得 group, right after the 的/地/得 rule; its findings are grouped there in the panel', () => {
    expect(CATALOG_BY_ID.get(ID)).toEqual({ id: ID, category: 'grammar', group: 'grammar' });
    const grammar = catalogByGroup().find((g) => g.group === 'grammar')!;
    expect(grammar.rules.map((e) => e.id)).toEqual(['de-di-de', ID]);
    expect(kindOf(PARTICLE_META.category)).toBe('grammar');
    expect(kindOf(TIER_META.category)).toBe('typo');
  });

  it('is named in writers\' words, apart from the 的/地/得 rule and the wrong characters', () => {
    const zh = locale('zh_CN');
    const en = locale('en');
    expect(zh[ruleMessageKeys(ID).name]!.message).toBe('的、地、得（按上下文）');
    expect(en[ruleMessageKeys(ID).name]!.message).toBe('的, 地 and 得 (by context)');
    for (const messages of [zh, en]) {
      const name = messages[ruleMessageKeys(ID).name]!.message;
      expect(name).not.toBe(messages[ruleMessageKeys('de-di-de').name]!.message);
      expect(messages[ruleMessageKeys('wrong-char').name]!.message).not.toBe(name);
      // wrong-char's own text no longer speaks of 的/地/得.
      expect(messages[ruleMessageKeys('wrong-char').description]!.message).not.toMatch(/[的地得][、,]/);
    }
  });

  it('is switched and ignored through the background like any rule (an unknown id is refused)', async () => {
    const seen: unknown[] = [];
    const handlers = { setRulesEnabled: (d: unknown) => (seen.push(d), true) } as unknown as MessageHandlers;
    const dispatch = createDispatcher(handlers, { id: 'ext', baseUrl: 'chrome-extension://ext/' });
    const page = { id: 'ext', url: 'chrome-extension://ext/options.html', origin: 'chrome-extension://ext' };
    expect(await dispatch('setRulesEnabled', { rules: [ID], enabled: false }, page)).toBe(true);
    await expect(dispatch('setRulesEnabled', { rules: ['de-di-de-contexts'], enabled: false }, page)).rejects.toBeInstanceOf(MessageRefused);
    expect(seen).toEqual([{ rules: [ID], enabled: false }]);
  });
});
