import type { SettingsArea } from '@/lib/storage/settings-store';

/** browser.storage.local in memory, with its structured-clone copy on the way in and out. */
export function memoryArea(initial: Record<string, unknown> = {}): SettingsArea & { data: Record<string, unknown>; writes: number } {
  const area = {
    data: structuredClone(initial),
    writes: 0,
    async get(key: string) {
      return key in area.data ? { [key]: structuredClone(area.data[key]) } : {};
    },
    async set(items: Record<string, unknown>) {
      area.writes++;
      Object.assign(area.data, structuredClone(items));
    },
  };
  return area;
}
