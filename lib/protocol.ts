/**
 * Every message between extension contexts (content script ⇄ background ⇄ side panel), typed.
 * Data and return values are plain JSON. Add a message here first, then its handler in
 * entrypoints/background.ts.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Settings } from './settings';

export interface ProtocolMap {
  /** Liveness check; the background answers with its manifest version. */
  ping(): { ok: true; version: string };
  /** The current settings (defaults filled in). */
  getSettings(): Settings;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
