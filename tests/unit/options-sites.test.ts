import { describe, expect, it } from 'vitest';
import { siteEntries, siteFromInput } from '@/entrypoints/options/site-entries';
import { normalizeSettings } from '@/lib/settings';

describe('settings page: sites', () => {
  it('lists each site once, whichever way it was switched off, sorted', () => {
    const settings = normalizeSettings({ disabledSites: ['b.example', 'a.example'], siteIgnoredRules: { 'a.example': ['stray-space'], 'c.example': ['de-di-de'] } });
    const switches = { sites: ['b.example', 'd.example'], fields: { 'c.example': ['/#body'] } };
    expect(siteEntries(settings, switches)).toEqual([
      { site: 'a.example', off: true, fields: [], ignored: ['stray-space'] },
      { site: 'b.example', off: true, fields: [], ignored: [] },
      { site: 'c.example', off: false, fields: ['/#body'], ignored: ['de-di-de'] },
      { site: 'd.example', off: true, fields: [], ignored: [] },
    ]);
    expect(siteEntries(normalizeSettings(undefined), { sites: [], fields: {} })).toEqual([]);
  });

  it('reads a typed site as the content script keys it', () => {
    expect(siteFromInput('  https://www.Example.com/a/b?c ')).toBe('www.example.com');
    expect(siteFromInput('mp.weixin.qq.com')).toBe('mp.weixin.qq.com');
    expect(siteFromInput('example.com:8080/path')).toBe('example.com');
    expect(siteFromInput('localhost:3000')).toBe('localhost');
    expect(siteFromInput('127.0.0.1')).toBe('127.0.0.1');
    expect(siteFromInput('file:///home/a.html')).toBe('file:');
    expect(siteFromInput('中文.com')).toBe('xn--fiq228c.com');
    for (const bad of ['', '  ', 'hello world', 'http://', 'a/b c', '<script>', 'javascript:alert(1)']) expect(siteFromInput(bad), bad).toBeNull();
  });
});
