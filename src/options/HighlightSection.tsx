// Which kinds of metric the page highlights (the six colour groups), the in-page filter strip, debug logging.
import { GROUP_OF_KIND, GROUP_LABELS, HIGHLIGHT_GROUPS, type HighlightGroup } from '../core/highlight-groups';
import { GROUP_COLORS } from '../shared/highlight-colors';
import type { Settings } from '../shared/settings';
import { Switch } from '../ui/Switch';

/** "speedup, latency, throughput" for the speed group. */
function kindsOf(group: HighlightGroup): string {
  return Object.entries(GROUP_OF_KIND).filter(([, g]) => g === group).map(([kind]) => kind).join(', ');
}

interface HighlightSectionProps {
  settings: Settings;
  update(change: (settings: Settings) => Settings): void;
}

export function HighlightSection({ settings, update }: HighlightSectionProps) {
  return (
    <section class="card" aria-labelledby="highlights-title">
      <h2 id="highlights-title">Highlights</h2>
      <p class="muted">Each kind of stated metric has its colour. Turn off the kinds you do not want marked.</p>
      <div class="switch-grid">
        {HIGHLIGHT_GROUPS.map((group) => (
          <Switch
            key={group}
            checked={settings.highlight[group]}
            hint={kindsOf(group)}
            onChange={(on) => update((current) => ({ ...current, highlight: { ...current.highlight, [group]: on } }))}
          >
            <span class="swatch" aria-hidden="true" style={{ background: GROUP_COLORS[group].fill, borderColor: GROUP_COLORS[group].line }} />
            {GROUP_LABELS[group]}
          </Switch>
        ))}
      </div>
      <h3>On listing pages</h3>
      <Switch
        checked={settings.filterStrip}
        hint="A bar above each listing: counts, filters (with code, with a speedup, not yet saved, by tag) and the colour legend."
        onChange={(on) => update((current) => ({ ...current, filterStrip: on }))}
      >
        Filter strip and legend
      </Switch>
      <Switch
        checked={settings.debug}
        hint="Writes to the page's console what Paperlight found and skipped: useful when reporting a problem."
        onChange={(on) => update((current) => ({ ...current, debug: on }))}
      >
        Debug logging
      </Switch>
    </section>
  );
}
