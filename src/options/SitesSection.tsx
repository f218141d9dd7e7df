// Which sites Paperlight reads: each built-in site on or off, and other sites (run with the generic reader)
// added by address after the browser asks the person for access, and removed with their access given back.
import { useState } from 'preact/hooks';
import type { Settings } from '../shared/settings';
import { Switch } from '../ui/Switch';
import { errorText } from '../ui/text';
import type { OptionsDeps } from './deps';
import { hostsHint, parseOrigin } from './origins';

interface SitesSectionProps {
  settings: Settings;
  deps: OptionsDeps;
  update(change: (settings: Settings) => Settings): void;
}

export function SitesSection({ settings, deps, update }: SitesSectionProps) {
  const builtIn = deps.sites.filter((site) => site.id !== 'generic' && site.matches.length > 0);
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'info' } | null>(null);

  const add = (event: SubmitEvent) => {
    event.preventDefault();
    // The field's own value: a submit can come before the last keystroke re-rendered.
    const field = (event.currentTarget as HTMLFormElement).elements.namedItem('origin') as HTMLInputElement;
    const parsed = parseOrigin(field.value);
    if (!parsed.ok) {
      setMessage({ text: parsed.error, kind: 'error' });
      return;
    }
    const { origin } = parsed;
    if (settings.genericOrigins.includes(origin)) {
      setMessage({ text: `${origin} is already on the list.`, kind: 'info' });
      return;
    }
    // Asked at once, inside the click: browsers only show the permission prompt for a user gesture.
    deps.requestOrigin(origin).then(
      (granted) => {
        if (!granted) {
          setMessage({ text: `Access to ${origin} was not granted, so it was not added.`, kind: 'error' });
          return;
        }
        update((current) => ({ ...current, genericOrigins: [...new Set([...current.genericOrigins, origin])] }));
        setAddress('');
        setMessage({ text: `Added ${origin}. Reload its pages to see the highlights.`, kind: 'info' });
      },
      (error: unknown) => setMessage({ text: `The browser refused: ${errorText(error)}`, kind: 'error' }),
    );
  };

  const remove = (origin: string) => {
    update((current) => ({ ...current, genericOrigins: current.genericOrigins.filter((o) => o !== origin) }));
    setMessage({ text: `Removed ${origin}.`, kind: 'info' });
    deps.releaseOrigin(origin).catch(() => {
      // The list no longer holds it, which is what stops the reader; a permission left behind does no harm.
    });
  };

  return (
    <section class="card" aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      <p class="muted">Paperlight marks metrics and code links, and adds Save buttons, on these listings.</p>
      <div class="switch-grid">
        {builtIn.map((site) => (
          <Switch
            key={site.id}
            checked={settings.sites[site.id] ?? true}
            hint={hostsHint(site.matches)}
            onChange={(on) => update((current) => ({ ...current, sites: { ...current.sites, [site.id]: on } }))}
          >
            {site.name}
          </Switch>
        ))}
      </div>

      <h3 id="other-sites">Other sites</h3>
      <p class="muted">
        A lab page, a workshop's paper list, a personal reading list: Paperlight can read any page with a generic
        reader that looks for paper titles, links and abstracts. Add the site's address; your browser asks you to
        allow it.
      </p>
      <form class="origin-form" onSubmit={add}>
        <label class="sr-only" for="origin-input">Site address</label>
        <input
          id="origin-input"
          name="origin"
          type="url"
          inputMode="url"
          placeholder="https://lab.example.org"
          value={address}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
        <button type="submit" class="button primary">Add site</button>
      </form>
      {message && <p class={`form-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      {settings.genericOrigins.length === 0 ? (
        <p class="muted empty-list">No other sites yet.</p>
      ) : (
        <ul class="origin-list" aria-labelledby="other-sites">
          {settings.genericOrigins.map((origin) => (
            <li key={origin}>
              <span class="origin">{origin}</span>
              <button type="button" class="button quiet danger-text" aria-label={`Remove ${origin}`} onClick={() => remove(origin)}>Remove</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
