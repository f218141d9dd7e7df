// The small toolbar Paperlight adds to each paper card (inside a closed shadow root): save, tags with
// autocomplete, reading status, note, the code badge, the metric readings and a short notice with an
// action ("Removed · Undo"). Everything is a real button, link or form field, so it all works from the
// keyboard. Its handlers run only for real input (see trusted-events.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeMetric, metricValueText } from '../../../core/describe-metric';
import { GROUP_OF_KIND } from '../../../core/highlight-groups';
import type { Metric } from '../../../core/metric-types';
import { READING_STATUSES, venueLink, type ReadingStatus, type Venue } from '../../../core/paper';
import { TagField } from '../../../ui/TagField';
import type { TagUse } from '../../../ui/tag-suggest';

export interface CodeLinkView {
  url: string;
  kind: string;
  /** Short text for the link: `owner/repo`, a host name. */
  label: string;
  /** Where the link was found, in words ("the abstract"), when known. */
  found?: string;
}

/** One line of the code hover: the link, and where it was found. */
const codeLine = (link: CodeLinkView) => (link.found ? `${link.url} (found in ${link.found})` : link.url);

export interface CardView {
  key: string;
  title: string;
  metrics: readonly Metric[];
  /** True when the abstract is visible on the card (metrics are highlighted in place). */
  abstractShown: boolean;
  codeLinks: readonly CodeLinkView[];
}

export interface SavedView {
  tags: readonly string[];
  status: ReadingStatus;
}

/** A short message on the card, with one action (the "Undo" of "Removed · Undo"). */
export interface CardNotice {
  text: string;
  action: { label: string; run(): Promise<void> };
}

export interface CardActions {
  toggleSave(): Promise<void>;
  update(change: { status?: ReadingStatus; note?: string; addTags?: string[]; removeTags?: string[] }): Promise<void>;
  /** Tags in use (with counts) for the autocomplete. */
  tagList(): Promise<TagUse[]>;
  /** The saved paper's note, read when the note editor opens. */
  loadNote(): Promise<string>;
  /** Shows the reading of `metric` next to its highlight (or `anchor`); null hides it. */
  showMetric(metric: Metric | null, anchor?: Element): void;
}

const STATUS_LABELS: Record<ReadingStatus, string> = { 'to-read': 'To read', reading: 'Reading', read: 'Read', skip: 'Skip' };
const VISIBLE_CHIPS = 4;

interface Props {
  view: CardView;
  saved: SavedView | undefined;
  /** The published version to show ("Published at ICML 2025"), if one is known. */
  venue?: Venue | undefined;
  notice: CardNotice | undefined;
  /** "seen 3 Mar 2026": the reading memory met this paper on an earlier day. */
  seen?: string | undefined;
  /** Opens the tag field each time it changes (the keyboard's `t`); 0 asks nothing. */
  tagRequest?: number;
  actions: CardActions;
}

export function CardWidget({ view, saved, venue, notice, seen, tagRequest = 0, actions }: Props) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  /** The tags in use while the tag field is open; null while it is closed. */
  const [tagsInUse, setTagsInUse] = useState<TagUse[] | null>(null);
  const [noteOpen, setNoteOpen] = useState(false);
  const [codeOpen, setCodeOpen] = useState(false);
  const [allMetrics, setAllMetrics] = useState(false);

  const run = async (action: () => Promise<void>) => {
    if (busy) return; // one change at a time; the button keeps its focus (no `disabled`)
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  /** The last tag request acted on, so that each request opens the field once. */
  const tagRequestDone = useRef(0);
  useEffect(() => {
    if (tagRequest === tagRequestDone.current || !saved) return;
    tagRequestDone.current = tagRequest;
    void run(async () => setTagsInUse(await actions.tagList()));
  }, [tagRequest, Boolean(saved)]);

  const chips = view.abstractShown && !allMetrics ? [] : view.metrics.slice(0, allMetrics ? undefined : VISIBLE_CHIPS);
  const hiddenChips = view.metrics.length - chips.length;

  return (
    <div class="bar" role="toolbar" aria-label={`Paperlight: ${view.title}`} onKeyDown={(e) => e.stopPropagation()}>
      <button
        class="save"
        aria-pressed={saved ? 'true' : 'false'}
        aria-busy={busy}
        title={saved ? 'Remove from your Paperlight library' : 'Save to your Paperlight library (Alt+Shift+S)'}
        onClick={() => run(actions.toggleSave)}
      >
        {saved ? '★ Saved' : '☆ Save'}
      </button>

      {saved && (
        <>
          <label class="sr-only" for="status">Reading status</label>
          <select
            id="status"
            value={saved.status}
            onChange={(e) => run(() => actions.update({ status: (e.target as HTMLSelectElement).value as ReadingStatus }))}
          >
            {READING_STATUSES.map((s) => (
              <option key={s} value={s}>{STATUS_LABELS[s]}</option>
            ))}
          </select>
          {saved.tags.map((tag) => (
            <span class="tag" key={tag}>
              {tag}
              <button aria-label={`Remove tag ${tag}`} onClick={() => run(() => actions.update({ removeTags: [tag] }))}>×</button>
            </span>
          ))}
          {tagsInUse ? (
            <span
              // Escape with no suggestion list open, or focus leaving the field, puts the "+ tag" button back.
              onKeyDownCapture={(e) => {
                if (e.key === 'Escape' && (e.target as HTMLElement).getAttribute('aria-expanded') !== 'true') setTagsInUse(null);
              }}
              onFocusOut={() => setTagsInUse(null)}
            >
              <TagField
                id="paperlight-tag"
                label="Add a tag"
                placeholder="tag, Enter to add"
                tags={tagsInUse}
                exclude={saved.tags}
                autoFocus
                onAdd={(tag) => run(() => actions.update({ addTags: [tag] }))}
              />
            </span>
          ) : (
            <button onClick={() => run(async () => setTagsInUse(await actions.tagList()))} aria-label="Add a tag">+ tag</button>
          )}
          <button aria-expanded={noteOpen} onClick={() => setNoteOpen(!noteOpen)}>✎ Note</button>
        </>
      )}

      {view.codeLinks.length > 0 && (
        <span class="menu">
          <button class="code" aria-haspopup="true" aria-expanded={codeOpen} onClick={() => setCodeOpen(!codeOpen)}
            title={view.codeLinks.map(codeLine).join('\n')}>
            {'</> code'} {view.codeLinks.length > 1 ? view.codeLinks.length : view.codeLinks[0]!.label}
          </button>
          {codeOpen && (
            <div class="popover" onKeyDown={(e) => e.key === 'Escape' && setCodeOpen(false)}>
              {view.codeLinks.map((link) => (
                <a key={link.url} href={link.url} target="_blank" rel="noopener noreferrer" title={codeLine(link)}>
                  <span class="kind">{link.kind}</span>{link.label}
                </a>
              ))}
            </div>
          )}
        </span>
      )}

      {venue && <PublishedAt venue={venue} />}

      {view.metrics.length > 0 && view.abstractShown && !allMetrics && (
        <button onClick={() => setAllMetrics(true)} title="List the stated metrics read from this abstract">
          {view.metrics.length} metric{view.metrics.length === 1 ? '' : 's'}
        </button>
      )}
      {chips.map((metric) => (
        <button
          key={`${metric.start}-${metric.text}`}
          class={`metric ${GROUP_OF_KIND[metric.kind]}`}
          title={describeMetric(metric)}
          aria-label={describeMetric(metric)}
          onMouseEnter={(e) => actions.showMetric(metric, e.currentTarget)}
          onMouseLeave={() => actions.showMetric(null)}
          onFocus={(e) => actions.showMetric(metric, e.currentTarget)}
          onBlur={() => actions.showMetric(null)}
        >
          {metricValueText(metric)}
        </button>
      ))}
      {hiddenChips > 0 && !view.abstractShown && (
        <button onClick={() => setAllMetrics(true)} aria-label={`Show ${hiddenChips} more metrics`}>+{hiddenChips}</button>
      )}

      {seen && <span class="seen">{seen}</span>}
      {notice && (
        <span class="notice" role="status">
          {notice.text} · <button onClick={() => run(notice.action.run)}>{notice.action.label}</button>
        </span>
      )}
      {saved && noteOpen && (
        <NoteEditor load={actions.loadNote} onSave={(note) => run(() => actions.update({ note }))} />
      )}
      {error && <span class="error" role="alert">{error}</span>}
    </div>
  );
}

/** "Published at NeurIPS 2024", a link to the paper's page at the venue (text only when it has no web link). */
function PublishedAt({ venue }: { venue: Venue }) {
  const href = venueLink(venue);
  const text = `Published at ${venue.name}`;
  const title = venue.decision ? `${venue.name} · ${venue.decision}` : venue.name;
  return href
    ? <a class="venue" href={href} target="_blank" rel="noopener noreferrer" title={title}>{text}</a>
    : <span class="venue" title={title}>{text}</span>;
}

function NoteEditor({ load, onSave }: { load(): Promise<string>; onSave(note: string): void }) {
  /** The note as saved, once read; the field waits for it, so nothing typed can be overwritten by it. */
  const [note, setNote] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let open = true;
    load().then((text) => {
      if (!open) return;
      setNote(text);
      setDraft(text);
    }, () => open && setFailed(true));
    return () => {
      open = false;
    };
  }, []);
  const commit = () => {
    if (note === null || draft === note) return;
    setNote(draft);
    onSave(draft);
  };
  return (
    <div style="flex-basis: 100%">
      <textarea
        aria-label="Note"
        maxLength={10_000}
        disabled={note === null}
        placeholder={note !== null ? '' : failed ? 'The note could not be read: close and open it again.' : 'Reading the note…'}
        value={draft}
        onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
        onBlur={commit}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
        }}
      />
      <span class="hint">Saved when you leave the field (or Ctrl+Enter).</span>
    </div>
  );
}
