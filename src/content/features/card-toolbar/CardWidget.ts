// The small toolbar Paperlight adds to each paper card (inside a closed shadow root): save, tags with
// autocomplete, reading status, note, the code badge, the metric readings and a short notice with an
// action ("Removed · Undo"). Everything is a real button, link or form field, so it all works from the
// keyboard. Its handlers run only for real input (see trusted-events.ts).
//
// Plain DOM: each control is built once and kept while it is shown, and a redraw updates its attributes and
// text and puts the shown controls in order without moving the others (ui/dom.ts), so the focused control
// keeps the focus, and an open tag field or note editor keeps what is typed in it.
import { describeMetric, metricValueText } from '../../../core/describe-metric';
import { GROUP_OF_KIND } from '../../../core/highlight-groups';
import type { Metric } from '../../../core/metric-types';
import { READING_STATUSES, venueLink, type ReadingStatus, type Venue } from '../../../core/paper';
import type { TagUse } from '../../../ui/tag-suggest';
import { el, listen, placeChildren, setAttributes, setText } from '../../ui/dom';
import { tagField, type TagField } from '../../ui/tag-field';
import { NoteEditor } from './note-editor';

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

export interface CardProps {
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

const STATUS_LABELS: Record<ReadingStatus, string> = { 'to-read': 'To read', reading: 'Reading', read: 'Read', skip: 'Skip' };
const VISIBLE_CHIPS = 4;

/** `make()`, called the first time the value is asked for: controls a card may never show cost nothing. */
function lazily<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

/** An open tag field: its wrapper (which closes it on Escape, or when the focus leaves, keeping what was typed) and the field. */
interface OpenTagField {
  wrapper: HTMLElement;
  field: TagField;
}

export class CardWidget {
  private props!: CardProps;
  private error = '';
  private busy = false;
  /** The tags in use while the tag field is open; null while it is closed. */
  private tagsInUse: TagUse[] | null = null;
  private noteOpen = false;
  private codeOpen = false;
  private allMetrics = false;
  /** The last tag request acted on, so that each request opens the field once. */
  private tagRequestDone = 0;

  private readonly bar = el('div', { class: 'bar', role: 'toolbar', on: { keydown: (e) => e.stopPropagation() } });
  private readonly save = el('button', { class: 'save', on: { click: () => this.run(() => this.props.actions.toggleSave()) } });
  private readonly statusLabel = lazily(() => el('label', { class: 'sr-only', for: 'status' }, 'Reading status'));
  private readonly status = lazily(() => el('select', {
    id: 'status',
    on: {
      change: () => {
        // Read now: the redraw that marks the toolbar busy puts the saved status back until the change lands.
        const status = this.status().value as ReadingStatus;
        void this.run(() => this.props.actions.update({ status }));
      },
    },
  }, READING_STATUSES.map((s) => el('option', { value: s }, STATUS_LABELS[s]))));
  private readonly tagChips = new Map<string, HTMLElement>();
  private tagField: OpenTagField | null = null;
  /** The tag field was just built: it takes the focus once it is in the toolbar. */
  private focusTagField = false;
  private readonly addTag = lazily(() => el('button', { 'aria-label': 'Add a tag', on: { click: () => this.openTagField() } }, '+ tag'));
  private readonly noteButton = lazily(() => el('button', { on: { click: () => this.set({ noteOpen: !this.noteOpen }) } }, '✎ Note'));
  private noteEditor: NoteEditor | null = null;
  /** A note left while another change ran, saved once that change lands (`saveNote`). */
  private waitingNote: string | null = null;
  private code: { menu: HTMLElement; button: HTMLElement; popover: HTMLElement | null } | null = null;
  private venue: HTMLElement | null = null;
  private readonly metricCount = lazily(() => el('button', {
    title: 'List the stated metrics read from this abstract', on: { click: () => this.set({ allMetrics: true }) },
  }));
  /** The metric chips by metric (start and text), with the metric each one shows now. */
  private readonly chips = new Map<string, { button: HTMLElement; metric: Metric }>();
  private readonly moreChips = lazily(() => el('button', { on: { click: () => this.set({ allMetrics: true }) } }));
  private readonly seen = lazily(() => el('span', { class: 'seen' }));
  private readonly noticeText = lazily(() => document.createTextNode(''));
  /** Runs the action of the notice shown now (the notice may change while the button keeps the focus). */
  private readonly noticeButton = lazily(() => el('button', {
    on: {
      click: () => {
        const notice = this.props.notice;
        if (notice) void this.run(() => notice.action.run());
      },
    },
  }));
  private readonly notice = lazily(() => el('span', { class: 'notice', role: 'status' }, this.noticeText(), this.noticeButton()));
  private readonly errorLine = lazily(() => el('span', { class: 'error', role: 'alert' }));

  constructor(container: HTMLElement) {
    listen(this.bar, { mousedown: (e) => this.keepTagFieldFocus(e) }, { capture: true });
    container.append(this.bar);
  }

  /** Draws the toolbar for these props (the first call draws it, later ones update it in place). */
  update(props: CardProps): void {
    this.props = props;
    this.draw();
    const request = props.tagRequest ?? 0;
    if (request !== this.tagRequestDone && props.saved) {
      this.tagRequestDone = request;
      this.openTagField();
    }
  }

  /** The toolbar is taken away: a note still being read is not written into it. */
  destroy(): void {
    this.noteEditor?.close();
    this.noteEditor = null;
    this.bar.remove();
  }

  private set(change: { noteOpen?: boolean; codeOpen?: boolean; allMetrics?: boolean }): void {
    Object.assign(this, change);
    this.draw();
  }

  private openTagField(): void {
    void this.run(async () => {
      this.tagsInUse = await this.props.actions.tagList();
    });
  }

  /**
   * A press on a button or link of the toolbar while the tag field is open leaves the focus in the field. Were
   * the focus to leave on the press, the field would close at once and the controls after it would move left
   * before the release, so the click would land beside the control pressed (one click on "✎ Note" just after
   * adding a tag did nothing). The field closes when the focus goes elsewhere; a form field still takes the
   * focus on its press, as pressing it means.
   */
  private keepTagFieldFocus(event: MouseEvent): void {
    if (!this.tagField || event.button !== 0) return;
    const target = event.target as Element;
    if (this.tagField.wrapper.contains(target) || target.closest('input, textarea, select')) return;
    event.preventDefault();
  }

  private closeTagField(): void {
    if (!this.tagsInUse) return;
    this.tagsInUse = null;
    this.draw();
  }

  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy) return; // one change at a time; the button keeps its focus (no `disabled`)
    this.busy = true;
    this.error = '';
    this.draw();
    try {
      await action();
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.busy = false;
      this.draw();
      this.saveWaitingNote();
    }
  }

  /**
   * Saves a note. A click on a button is refused while another change runs (one at a time), but a note left
   * meanwhile is what the reader wrote, and the editor takes it as saved: the latest one waits for that change
   * to land, and is saved then (even if the editor has closed since).
   */
  private saveNote(note: string): void {
    if (this.busy) {
      this.waitingNote = note;
      return;
    }
    void this.run(() => this.props.actions.update({ note }));
  }

  private saveWaitingNote(): void {
    const note = this.waitingNote;
    if (note === null) return;
    this.waitingNote = null;
    this.saveNote(note);
  }

  private draw(): void {
    const { view, saved, venue, notice, seen } = this.props;
    setAttributes(this.bar, { 'aria-label': `Paperlight: ${view.title}` });
    setAttributes(this.save, {
      'aria-pressed': saved ? 'true' : 'false',
      'aria-busy': this.busy,
      title: saved ? 'Remove from your Paperlight library' : 'Save to your Paperlight library (Alt+Shift+S)',
    });
    setText(this.save, saved ? '★ Saved' : '☆ Save');
    if (!saved) {
      this.tagsInUse = null;
      this.noteOpen = false;
    }
    const chips = view.abstractShown && !this.allMetrics ? [] : view.metrics.slice(0, this.allMetrics ? undefined : VISIBLE_CHIPS);
    const hiddenChips = view.metrics.length - chips.length;
    placeChildren(this.bar, [
      this.save,
      saved && this.savedControls(saved),
      view.codeLinks.length > 0 && this.codeMenu(view.codeLinks),
      this.publishedAt(venue),
      view.metrics.length > 0 && view.abstractShown && !this.allMetrics && this.metricCountButton(view.metrics.length),
      this.metricChips(chips),
      hiddenChips > 0 && !view.abstractShown && this.moreChipsButton(hiddenChips),
      seen && (setText(this.seen(), seen), this.seen()),
      this.noticeLine(notice),
      this.noteLine(Boolean(saved && this.noteOpen)),
      this.error && (setText(this.errorLine(), this.error), this.errorLine()),
    ]);
    // A field that appears takes the focus (the user asked for it, with a click or the `t` key).
    if (this.tagField && this.focusTagField) {
      this.focusTagField = false;
      this.tagField.field.input.focus();
    }
  }

  private savedControls(saved: SavedView): Node[] {
    const status = this.status();
    if (status.value !== saved.status) status.value = saved.status;
    const chips = saved.tags.map((tag) => {
      let chip = this.tagChips.get(tag);
      if (!chip) {
        chip = el('span', { class: 'tag' }, tag, el('button', {
          'aria-label': `Remove tag ${tag}`, on: { click: () => this.run(() => this.props.actions.update({ removeTags: [tag] })) },
        }, '×'));
        this.tagChips.set(tag, chip);
      }
      return chip;
    });
    for (const tag of [...this.tagChips.keys()]) if (!saved.tags.includes(tag)) this.tagChips.delete(tag);
    setAttributes(this.noteButton(), { 'aria-expanded': this.noteOpen });
    return [this.statusLabel(), status, ...chips, this.tagFieldOrButton(saved), this.noteButton()];
  }

  private tagFieldOrButton(saved: SavedView): HTMLElement {
    if (!this.tagsInUse) {
      this.tagField = null;
      return this.addTag();
    }
    if (!this.tagField) {
      const field = tagField({
        id: 'paperlight-tag',
        label: 'Add a tag',
        placeholder: 'tag, Enter to add',
        tags: this.tagsInUse,
        exclude: saved.tags,
        onAdd: (tag) => void this.run(() => this.props.actions.update({ addTags: [tag] })),
      });
      // Leaving the field (a click elsewhere, Tab) keeps a tag typed and not confirmed, as Enter would: a
      // researcher who typed it meant it. Only Escape drops it.
      const wrapper = el('span', {
        on: {
          focusout: () => {
            if (this.tagsInUse) field.addTyped();
            this.closeTagField();
          },
        },
      }, field.element);
      // Escape with no suggestion list open puts the "+ tag" button back (before the field's own handler).
      listen(wrapper, {
        keydown: (e) => {
          if (e.key === 'Escape' && (e.target as HTMLElement).getAttribute('aria-expanded') !== 'true') {
            field.clearTyped();
            this.closeTagField();
          }
        },
      }, { capture: true });
      this.tagField = { wrapper, field };
      this.focusTagField = true;
    } else {
      this.tagField.field.setExclude(saved.tags);
    }
    return this.tagField.wrapper;
  }

  private codeMenu(links: readonly CodeLinkView[]): HTMLElement {
    if (!this.code) {
      const button = el('button', { class: 'code', 'aria-haspopup': 'true', on: { click: () => this.set({ codeOpen: !this.codeOpen }) } });
      this.code = { menu: el('span', { class: 'menu' }, button), button, popover: null };
    }
    const code = this.code;
    setAttributes(code.button, { 'aria-expanded': this.codeOpen, title: links.map(codeLine).join('\n') });
    setText(code.button, `</> code ${links.length > 1 ? links.length : links[0]!.label}`);
    if (this.codeOpen && !code.popover) {
      code.popover = el('div', { class: 'popover', on: { keydown: (e) => e.key === 'Escape' && this.set({ codeOpen: false }) } },
        links.map((link) => el('a', { href: link.url, target: '_blank', rel: 'noopener noreferrer', title: codeLine(link) },
          el('span', { class: 'kind' }, link.kind), link.label)));
    } else if (!this.codeOpen) {
      code.popover = null;
    }
    placeChildren(code.menu, [code.button, code.popover]);
    return code.menu;
  }

  /** "Published at NeurIPS 2024", a link to the paper's page at the venue (text only when it has no web link). */
  private publishedAt(venue: Venue | undefined): HTMLElement | null {
    if (!venue) return (this.venue = null);
    const href = venueLink(venue);
    const title = venue.decision ? `${venue.name} · ${venue.decision}` : venue.name;
    const element = this.venue && (this.venue.tagName === 'A') === Boolean(href) ? this.venue : href
      ? el('a', { class: 'venue', target: '_blank', rel: 'noopener noreferrer' })
      : el('span', { class: 'venue' });
    setAttributes(element, { title, ...(href ? { href } : {}) });
    setText(element, `Published at ${venue.name}`);
    return (this.venue = element);
  }

  private metricCountButton(count: number): HTMLElement {
    setText(this.metricCount(), `${count} metric${count === 1 ? '' : 's'}`);
    return this.metricCount();
  }

  private metricChips(metrics: readonly Metric[]): HTMLElement[] {
    const shown = new Set<string>();
    const buttons = metrics.map((metric) => {
      const key = `${metric.start}-${metric.text}`;
      shown.add(key);
      let chip = this.chips.get(key);
      if (!chip) {
        const button = el('button', {
          on: {
            mouseenter: () => this.props.actions.showMetric(this.chips.get(key)!.metric, button),
            mouseleave: () => this.props.actions.showMetric(null),
            focus: () => this.props.actions.showMetric(this.chips.get(key)!.metric, button),
            blur: () => this.props.actions.showMetric(null),
          },
        });
        this.chips.set(key, (chip = { button, metric }));
      }
      chip.metric = metric;
      const described = describeMetric(metric);
      setAttributes(chip.button, { class: `metric ${GROUP_OF_KIND[metric.kind]}`, title: described, 'aria-label': described });
      setText(chip.button, metricValueText(metric));
      return chip.button;
    });
    for (const key of [...this.chips.keys()]) if (!shown.has(key)) this.chips.delete(key);
    return buttons;
  }

  private moreChipsButton(hidden: number): HTMLElement {
    const button = this.moreChips();
    setAttributes(button, { 'aria-label': `Show ${hidden} more metrics` });
    setText(button, `+${hidden}`);
    return button;
  }

  private noticeLine(notice: CardNotice | undefined): HTMLElement | null {
    if (!notice) return null;
    setText(this.noticeText(), `${notice.text} · `);
    setText(this.noticeButton(), notice.action.label);
    return this.notice();
  }

  private noteLine(open: boolean): HTMLElement | null {
    if (!open) {
      this.noteEditor?.close();
      this.noteEditor = null;
      return null;
    }
    this.noteEditor ??= new NoteEditor(
      () => this.props.actions.loadNote(),
      (note) => this.saveNote(note),
    );
    return this.noteEditor.element;
  }
}
