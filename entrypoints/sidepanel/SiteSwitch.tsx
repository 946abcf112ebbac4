import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/protocol';
import { normalizeSettings, SETTINGS_KEY } from '@/lib/settings';
import { parseSiteSwitches, SWITCHES_KEY } from '@/lib/storage/site-switches';
import { t } from './i18n';

/**
 * 在此网站停用检查 / 在此网站恢复检查 for the site of the editor the panel shows (the same switch as the
 * toolbar button's context menu). The background owns the settings: the panel asks it (setSiteEnabled,
 * resumeSite) and follows storage for the state, so a switch from the menu, the badge or the settings
 * page shows here at once.
 */
function siteOff(stored: Record<string, unknown>, site: string): boolean {
  const settings = normalizeSettings(stored[SETTINGS_KEY]);
  return settings.disabledSites.includes(site) || parseSiteSwitches(stored[SWITCHES_KEY]).sites.includes(site);
}

function useSiteOff(site: string): boolean | null {
  const [off, setOff] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      browser.storage.local.get([SETTINGS_KEY, SWITCHES_KEY]).then(
        (stored) => live && setOff(siteOff(stored, site)),
        () => live && setOff(null),
      );
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (SETTINGS_KEY in changes || SWITCHES_KEY in changes)) void read();
    };
    browser.storage.onChanged.addListener(onChanged);
    void read();
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [site]);
  return off;
}

export function SiteSwitch({ site }: { site: string }) {
  const off = useSiteOff(site);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (off === null) return null;
  const toggle = async () => {
    setBusy(true);
    setFailed(false);
    try {
      if (off) await sendMessage('resumeSite', { site });
      else await sendMessage('setSiteEnabled', { site, enabled: false });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="site-switch">
      <button type="button" aria-pressed={off} disabled={busy} title={site} onClick={() => void toggle()} data-testid="site-switch">
        {t(off ? 'panelSiteOn' : 'panelSiteOff')}
      </button>
      {failed && (
        <span class="site-failed" role="alert">
          {t('panelSiteFailed')}
        </span>
      )}
    </span>
  );
}
