import { describe, expect, it } from 'vitest';
import { forwardCommand, isCommandMessage, type CommandMessage, type CommandTabs } from '@/lib/protocol';

function fakeTabs(active: number | undefined, fail = false) {
  const sent: [number, CommandMessage][] = [];
  const tabs: CommandTabs = {
    async sendMessage(id, message) {
      if (fail) throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push([id, message]);
      return undefined;
    },
    query: async () => (active === undefined ? [] : [{ id: active }]),
  };
  return { tabs, sent };
}

describe('keyboard commands', () => {
  it('go to the tab they were pressed in, else the active tab, as a command message', async () => {
    const { tabs, sent } = fakeTabs(7);
    expect(await forwardCommand(tabs, 'next-issue', { id: 3 })).toBe(true);
    expect(await forwardCommand(tabs, 'apply-fix')).toBe(true);
    expect(sent).toEqual([
      [3, { type: 'wengao:command', command: 'next-issue' }],
      [7, { type: 'wengao:command', command: 'apply-fix' }],
    ]);
    expect(sent.every(([, m]) => isCommandMessage(m))).toBe(true);
  });

  it('ignore unknown commands, tabs without a content script and windows without a tab', async () => {
    const ok = fakeTabs(7);
    expect(await forwardCommand(ok.tabs, '_execute_action', { id: 3 })).toBe(false);
    expect(ok.sent).toEqual([]);
    expect(await forwardCommand(fakeTabs(7, true).tabs, 'next-issue')).toBe(false);
    expect(await forwardCommand(fakeTabs(undefined).tabs, 'next-issue')).toBe(false);
    expect(isCommandMessage({ type: 'wengao:command', command: 'format-disk' })).toBe(false);
    expect(isCommandMessage(null)).toBe(false);
  });
});
