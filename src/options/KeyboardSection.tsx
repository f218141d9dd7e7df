// Keyboard triage on listing pages: on or off per site, and the keys.
import type { Settings } from '../shared/settings';
import { KeysTable } from '../ui/KeyCombo';
import { Switch } from '../ui/Switch';
import { TRIAGE_KEYS } from '../ui/triage-keys';
import type { OptionsDeps } from './deps';

interface KeyboardSectionProps {
  settings: Settings;
  deps: OptionsDeps;
  update(change: (settings: Settings) => Settings): void;
}

export function KeyboardSection({ settings, deps, update }: KeyboardSectionProps) {
  const builtIn = deps.sites.filter((site) => site.id !== 'generic' && site.matches.length > 0);
  // The sites added by address all run the generic reader: one switch for them all.
  const sites = settings.genericOrigins.length > 0 ? [...builtIn, { id: 'generic', name: 'the other sites you added' }] : builtIn;
  return (
    <section class="card" aria-labelledby="triage-title">
      <h2 id="triage-title">Keyboard triage</h2>
      <p class="muted">
        On a listing, single keys move from card to card and act on the one with the focus ring. They do nothing
        while you type in a field (the site's search box too) or hold Ctrl, Alt or ⌘.
      </p>
      <KeysTable keys={TRIAGE_KEYS} label="Keys on listing pages" />
      <h3 id="triage-sites">Sites where the keys work</h3>
      <div class="switch-grid" role="group" aria-labelledby="triage-sites">
        {sites.map((site) => (
          <Switch
            key={site.id}
            checked={settings.keyboard[site.id] ?? true}
            onChange={(on) => update((current) => ({ ...current, keyboard: { ...current.keyboard, [site.id]: on } }))}
          >
            Keys on {site.name}
          </Switch>
        ))}
      </div>
    </section>
  );
}
