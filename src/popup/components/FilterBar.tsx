// Status, site and code filters (plain selects: compact, and accessible as they are), the tag filter, and the
// chosen tags as removable chips.
import type { ReadingStatus } from '../../core/paper';
import { pure } from '../../ui/pure';
import type { TagUse } from '../../ui/tag-suggest';
import { STATUS_LABELS } from '../format';
import { hasFilters, type Filters } from '../visible-papers';
import { TagFilter } from './TagFilter';

interface FilterBarProps {
  filters: Filters;
  sites: ReadonlyArray<{ site: string; count: number }>;
  /** Papers per reading status (every status, in reading order). */
  statuses: ReadonlyArray<{ status: ReadingStatus; count: number }>;
  siteName(id: string): string;
  tags: readonly TagUse[];
  onChange(filters: Partial<Filters>): void;
  onClear(): void;
}

export const FilterBar = pure(function FilterBar({ filters, sites, statuses, siteName, tags, onChange, onClear }: FilterBarProps) {
  const code = filters.hasCode === null ? 'any' : filters.hasCode ? 'yes' : 'no';
  return (
    <div class="filters" role="group" aria-label="Filters">
      <select
        aria-label="Filter by status"
        class={filters.status ? 'on' : undefined}
        value={filters.status ?? ''}
        onChange={(event) => onChange({ status: (event.currentTarget.value || null) as ReadingStatus | null })}
      >
        <option value="">Any status</option>
        {statuses.map(({ status, count }) => <option key={status} value={status}>{STATUS_LABELS[status]} ({count})</option>)}
      </select>
      <select
        aria-label="Filter by site"
        class={filters.site ? 'on' : undefined}
        value={filters.site ?? ''}
        onChange={(event) => onChange({ site: event.currentTarget.value || null })}
      >
        <option value="">Any site</option>
        {sites.map(({ site, count }) => <option key={site} value={site}>{siteName(site)} ({count})</option>)}
        {filters.site && !sites.some((s) => s.site === filters.site) && <option value={filters.site}>{siteName(filters.site)}</option>}
      </select>
      <select
        aria-label="Filter by code"
        class={filters.hasCode !== null ? 'on' : undefined}
        value={code}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onChange({ hasCode: value === 'any' ? null : value === 'yes' });
        }}
      >
        <option value="any">Code or not</option>
        <option value="yes">With code</option>
        <option value="no">Without code</option>
      </select>
      <TagFilter tags={tags} chosen={filters.tags} onChange={(chosen) => onChange({ tags: chosen })} />
      {hasFilters(filters) && <button type="button" class="button quiet clear-filters" aria-label="Clear filters" onClick={onClear}>Clear</button>}
      {filters.tags.length > 0 && (
        <ul class="chosen-tags" aria-label="Tags filtered on">
          {filters.tags.map((tag) => (
            <li key={tag} class="chip">
              <span>#{tag}</span>
              <button type="button" class="chip-remove" aria-label={`Stop filtering on ${tag}`} onClick={() => onChange({ tags: filters.tags.filter((t) => t !== tag) })}>×</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
