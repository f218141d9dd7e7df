// What the list area says when there is nothing to list: how to save a first paper, why a search found nothing,
// or why the library could not be read.

/** Listing pages to start from (opened in a new tab). */
const STARTING_POINTS = [
  { name: 'Hugging Face Daily Papers', url: 'https://huggingface.co/papers' },
  { name: 'arXiv: new in machine learning', url: 'https://arxiv.org/list/cs.LG/new' },
  { name: 'OpenReview', url: 'https://openreview.net/group?id=ICLR.cc' },
];

export function EmptyLibrary({ onOpen }: { onOpen(url: string): void }) {
  return (
    <div class="empty" role="region" aria-label="Getting started">
      <h2>No saved papers yet</h2>
      <ol>
        <li>Open a paper listing, such as
          {STARTING_POINTS.map((site, i) => (
            <span key={site.url}>{i === 0 ? ' ' : i === STARTING_POINTS.length - 1 ? ' or ' : ', '}
              <a href={site.url} onClick={(event) => {
                event.preventDefault();
                onOpen(site.url);
              }}>{site.name}</a>
            </span>
          ))}.
        </li>
        <li>Paperlight marks each paper's stated metrics and code links.</li>
        <li>Press <strong>Save</strong> on a paper card (or <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd> on the focused card).</li>
      </ol>
      <p class="muted">Saved papers appear here to search, tag and export. They stay in this browser.</p>
    </div>
  );
}

export function NoMatches({ query, filtered, onClearQuery, onClearFilters }: {
  query: string;
  filtered: boolean;
  onClearQuery(): void;
  onClearFilters(): void;
}) {
  const what = query.trim() ? `“${query.trim()}”` : 'these filters';
  return (
    <div class="empty" role="region" aria-label="No matches">
      <h2>No paper matches {what}{query.trim() && filtered ? ' with these filters' : ''}</h2>
      <p class="muted">Search looks in titles, authors, tags, notes and abstracts.</p>
      <div class="empty-actions">
        {query.trim() && <button type="button" class="button" onClick={onClearQuery}>Clear the search</button>}
        {filtered && <button type="button" class="button" onClick={onClearFilters}>Clear the filters</button>}
      </div>
    </div>
  );
}

export function LoadFailed({ error, onRetry }: { error: string; onRetry(): void }) {
  return (
    <div class="empty" role="alert">
      <h2>Could not read your library</h2>
      <p>{error}</p>
      <div class="empty-actions"><button type="button" class="button primary" onClick={onRetry}>Try again</button></div>
    </div>
  );
}
