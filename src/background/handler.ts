// The message handler: a thin layer that validates a message, checks who sent it, runs the store operation
// and, once its transaction has completed, replies and broadcasts the change. Browser APIs come in as
// dependencies so unit tests run it on fake-indexeddb.
import {
  CHANGE_EVENT_TYPE,
  PROTOCOL_VERSION,
  allowedFrom,
  parseBatch,
  parseRequest,
  type AnyReply,
  type BatchReply,
  type ChangeEvent,
  type MarkSeenReply,
  type Request,
  type SeenCard,
  type SenderKind,
} from '../shared/messages';
import { findInCard } from '../core/card-findings';
import { matchCard, ruleProblem } from '../core/rules/matcher';
import { readBackupFile, readLibraryFile } from './backup-file';
import { withDb, type DbOpener } from './db';
import type { FirstFrameUrlKeeper } from './first-frame-url';
import { UserError, errorMessage } from './errors';
import { importBackup } from './backup-import';
import { importHistory, importLibrary, undoImport } from './library-import';
import { bulkEdit, clearAll, exportBackup, restorePapers } from './library-operations';
import { ReadingMemory, type ReadingMemoryOptions } from './reading-memory';
import { SettingsCache, memorySettingsStore, type SettingsStore } from './settings';
import { queryPapers } from './query';
import { allPapers, listTags, removePaper, savePaper, updatePaper, type Committed } from './paper-operations';
import { lookupPage } from './page-lookup';
import type { PaperlightDatabase } from './schema';
import { markWritten, readSnapshot } from './search-snapshot';
import type { PageStatus } from '../shared/page-report';
import { deleteTrashed, emptyTrash, listTrash, pruneTrash, restoreTrashed } from './trash-operations';

/** The parts of `runtime.MessageSender` the handler reads. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface HandlerDeps {
  db: DbOpener;
  /** This extension's id and the URL prefix of its pages (`chrome-extension://<id>/`). */
  extensionId: string;
  extensionBaseUrl: string;
  appVersion: string;
  broadcast(event: ChangeEvent): void;
  /** The clock (epoch ms): save and edit times, removal times, when the Trash is pruned, when papers are seen. */
  now?: () => number;
  /**
   * Runs just before an import replaces the library (`importBackup` with `mode: 'replace'`) or "clear all" empties
   * it, and the action waits for it: the place where the automatic backup is written first. A failure stops the
   * action, with nothing changed.
   */
  beforeReplacingLibrary?: () => Promise<void>;
  /** Shows what a tab's page recognised on the toolbar badge (see badge.ts). */
  pageStatus?: (tabId: number, status: PageStatus) => void;
  /** Writes the automatic backup now ("back up now" on the options page). */
  backupNow?: () => Promise<{ fileName: string; writtenAt: number }>;
  /** What the automatic backups remember (auto-backup.ts). */
  backupStatus?: () => Promise<{ lastWrittenAt?: number; lastError?: string; written: readonly unknown[] }>;
  /** The user's settings (reading memory on or off, the rules); tests keep them in memory. */
  settings?: SettingsStore;
  /** The reading memory's bound (tests use small ones). */
  readingMemory?: ReadingMemoryOptions;
  /**
   * Runs upkeep after a reply (pruning the reading memory) without holding the reply back; tests collect the
   * tasks to await them.
   */
  schedule?: (task: () => Promise<unknown>) => void;
  /**
   * Keeps the page the toolbar button opens right or plain (first-frame-url.ts): every write to the papers or
   * their counts sets it plain before its transaction, and it is set anew after (nothing waits for that).
   */
  firstFrameUrl?: FirstFrameUrlKeeper;
}

const MEMORY_OFF = 'The reading memory is switched off in Paperlight\'s options, so nothing was recorded.';

function runLater(task: () => Promise<unknown>): void {
  void task().catch((error: unknown) => console.warn('[Paperlight] upkeep failed:', error));
}

/** Extension pages are recognised by their URL, which the browser sets and a page cannot forge. */
export function senderKind(sender: Sender, deps: Pick<HandlerDeps, 'extensionId' | 'extensionBaseUrl'>): SenderKind | undefined {
  if (sender.id !== deps.extensionId) return undefined;
  if (sender.url?.startsWith(deps.extensionBaseUrl)) return 'extension-page';
  if (sender.tab) return 'content-script';
  return undefined;
}

const WRITES = new Set<Request['type']>([
  'save', 'update', 'remove', 'restore', 'bulk', 'importBackup', 'clearAll', 'restoreTrashed', 'deleteTrashed', 'emptyTrash',
  'importLibrary', 'undoImport', 'markSeen', 'clearReadingMemory',
]);

/** Tells every view about a committed change: the papers it changed, and whether the Trash changed. */
function broadcastCommitted(deps: Pick<HandlerDeps, 'broadcast'>, { changes, trash }: Committed<unknown>): void {
  const touched = trash ? { trash: true as const } : {};
  if (changes === 'reset') deps.broadcast({ type: CHANGE_EVENT_TYPE, reset: true, ...touched });
  else if (changes.length > 0 || trash) deps.broadcast({ type: CHANGE_EVENT_TYPE, changes, ...touched });
}

/**
 * Prunes the Trash now (the background runs it at browser start-up; every request that writes or reads the
 * Trash prunes it as well) and broadcasts the change if anything went.
 */
export function createTrashPruner(deps: Pick<HandlerDeps, 'db' | 'broadcast' | 'now'>): () => Promise<number> {
  const now = deps.now ?? Date.now;
  return async () => {
    const outcome = await withDb(deps.db, (db) => pruneTrash(db, now()));
    broadcastCommitted(deps, outcome);
    return outcome.result.pruned;
  };
}

/** Prunes the reading memory to its bound now (the background runs it at browser start-up); returns how many went. */
export function createMemoryPruner(deps: Pick<HandlerDeps, 'db' | 'readingMemory'>): () => Promise<number> {
  const memory = new ReadingMemory(deps.readingMemory);
  return async () => (await withDb(deps.db, (db) => memory.prune(db))).pruned;
}

function pageUrlOf(sender: Sender, kind: SenderKind): string | undefined {
  if (kind !== 'content-script' || !sender.url) return undefined;
  return /^https?:\/\//.test(sender.url) && sender.url.length <= 4096 ? sender.url : undefined;
}

export function createMessageHandler(deps: HandlerDeps) {
  // The clock is read at each request (not `Date.now` kept once), so a browser test can set the worker's clock.
  const now = deps.now ?? (() => Date.now());
  const settings = new SettingsCache(deps.settings ?? memorySettingsStore());
  const memory = new ReadingMemory(deps.readingMemory);
  const schedule = deps.schedule ?? runLater;

  /** Prunes the reading memory after the reply, when it has grown past its bound. */
  function pruneMemoryIfDue(): void {
    if (memory.needsPrune()) schedule(() => withDb(deps.db, (db) => memory.prune(db)));
  }

  /** Records `cards` as seen on `site` now: the sightings, with the clock they were read against. */
  async function recordSeen(db: PaperlightDatabase, site: string, cards: SeenCard[]): Promise<Omit<MarkSeenReply, 'ok'>> {
    const at = now();
    const result = await memory.markSeen(db, site, cards, at);
    pruneMemoryIfDue();
    return { ...result, now: at };
  }

  /**
   * After a write's transaction: the search snapshot notes it first (it is brought up to date when a popup next
   * asks for it: never here, where it would hold up the next request), then every view is told.
   */
  async function committedIn<T extends object>(db: PaperlightDatabase, outcome: Committed<T>): Promise<T> {
    await markWritten(db, outcome.changes).catch((error: unknown) => console.error('Paperlight: search snapshot', error));
    broadcastCommitted(deps, outcome);
    return outcome.result;
  }

  /**
   * Runs `write`, a write to the papers or their counts (what the popup's first frame shows), once the toolbar
   * button opens the plain popup page, and has the page naming the library's version set anew once it has ended
   * and its reply is sent (first-frame-url.ts, `setPopupUrlAfterReply`): its answer does not wait for that. The
   * Trash's own writes (listing, pruning, deleting for ever, emptying) and the reading memory's change neither,
   * and are not run through it.
   */
  async function urlKept<T extends Committed<unknown>>(write: () => Promise<T>): Promise<T> {
    const keeper = deps.firstFrameUrl;
    if (!keeper) return write();
    const ended = await keeper.beginWrite();
    let changed = true;
    try {
      const outcome = await write();
      changed = outcome.changes === 'reset' || outcome.changes.length > 0;
      return outcome;
    } finally {
      ended(changed);
      popupUrlDue = true;
    }
  }

  /** Set when a write run through `urlKept` has ended: the button's page is to be set anew. */
  let popupUrlDue = false;

  /**
   * Has the button's page set anew after a write, in a task after this one: the reply is posted in this task's
   * microtasks, so the `setPopup` does not hold it up (begun as the write ended, it and a read of the first page,
   * which the URL once carried, made a save's answer 3 ms later, 4 alternated rounds of 25 saves, 10,000 papers).
   */
  function setPopupUrlAfterReply(): void {
    const keeper = deps.firstFrameUrl;
    if (!popupUrlDue || !keeper) return;
    popupUrlDue = false;
    setTimeout(() => schedule(() => keeper.refresh()), 0);
  }

  async function run(request: Request, db: PaperlightDatabase, pageUrl: string | undefined): Promise<object> {
    const committed = <T extends object>(outcome: Committed<T>) => committedIn(db, outcome);
    switch (request.type) {
      case 'ping': return { version: deps.appVersion, protocol: PROTOCOL_VERSION };
      case 'lookup': {
        // A lookup writes only where a card tells where a saved paper was published (page-lookup.ts), rarely anew:
        // only a lookup with such cards goes through the popup's URL, which is set anew only if it wrote.
        const lookup = () => lookupPage(db, request.keys, request.cards);
        const reply = await committed(await (request.cards?.some((card) => card.venue) ? urlKept(lookup) : lookup()));
        if (request.seenOn === undefined || !request.cards?.length || !(await settings.get()).readingMemory) return reply;
        const seenCards = request.cards.map(({ key, aliases, title, authors }) => ({ key, aliases: aliases ?? [], title, authors }));
        return { ...reply, ...(await recordSeen(db, request.seenOn, seenCards)) };
      }
      case 'save': return committed(await urlKept(() => savePaper(db, request.paper, now(), pageUrl)));
      case 'update': return committed(await urlKept(() => updatePaper(db, request.key, request, now())));
      case 'remove': return committed(await urlKept(() => removePaper(db, request.key, now())));
      case 'tags': return listTags(db);
      case 'query': return queryPapers(db, request);
      case 'getAll': return allPapers(db);
      case 'searchSnapshot': {
        await readSnapshot(db);
        return {};
      }
      case 'restore': return committed(await urlKept(() => restorePapers(db, request.papers)));
      case 'bulk': {
        const { keys, addTags, removeTags, status } = request;
        const edit = { addTags, removeTags, set: status && { status }, delete: request.delete };
        return committed(await urlKept(() => bulkEdit(db, keys, edit, now())));
      }
      case 'exportBackup': return exportBackup(db, now(), { rules: (await settings.get()).rules });
      case 'importBackup': {
        const text = request.file === undefined ? request.text : await readBackupFile(request.file, `blob:${deps.extensionBaseUrl}`);
        if (request.mode === 'replace' && !request.dryRun) await deps.beforeReplacingLibrary?.();
        const { rules } = await settings.get();
        const options = { mode: request.mode, dryRun: request.dryRun, now: now(), rules, checkRule: ruleProblem };
        const outcome = await (request.dryRun ? importBackup(db, text, options) : urlKept(() => importBackup(db, text, options)));
        if (outcome.memoryChanged) {
          memory.recount();
          schedule(() => withDb(deps.db, (database) => memory.prune(database)));
        }
        // The library's transaction has completed; the rules live in the settings, written after it.
        if (outcome.rulesAfter) await settings.saveRules(outcome.rulesAfter);
        const result = await committed(outcome);
        // Open tabs ask again what the memory holds of their cards, as they follow a clear.
        if (outcome.memoryChanged) deps.broadcast({ type: CHANGE_EVENT_TYPE, changes: [], memoryChanged: true });
        return result;
      }
      case 'clearAll': {
        await deps.beforeReplacingLibrary?.();
        return committed(await urlKept(() => clearAll(db, now())));
      }
      case 'restoreTrashed': return committed(await urlKept(() => restoreTrashed(db, request.keys, now())));
      case 'trash': return committed(await listTrash(db, now()));
      case 'deleteTrashed': return committed(await deleteTrashed(db, request.keys, now()));
      case 'emptyTrash': return committed(await emptyTrash(db, now()));
      case 'importLibrary': {
        const text = request.file === undefined ? request.text : await readLibraryFile(request.file, `blob:${deps.extensionBaseUrl}`);
        const options = { format: request.format, dryRun: request.dryRun, now: now(), name: request.name };
        return committed(await (request.dryRun ? importLibrary(db, text, options) : urlKept(() => importLibrary(db, text, options))));
      }
      case 'undoImport': return committed(await urlKept(() => undoImport(db, request.undo, now())));
      case 'importHistory': return { imports: await importHistory(db) };
      case 'markSeen': {
        if (!(await settings.get()).readingMemory) throw new UserError(MEMORY_OFF);
        return recordSeen(db, request.site, request.cards);
      }
      case 'clearReadingMemory': {
        const cleared = await memory.clear(db);
        // Open tabs drop the "seen" labels and dimming they show, as they follow every other change.
        if (cleared.removed > 0) deps.broadcast({ type: CHANGE_EVENT_TYPE, changes: [], memoryCleared: true });
        return cleared;
      }
      case 'readingMemoryStats': return memory.stats(db);
      case 'matchRules': throw new Error('matchRules is answered without the database');
      case 'analyseCards': throw new Error('analyseCards is answered without the database');
      case 'pageStatus': throw new Error('pageStatus is answered without the database');
      case 'backupNow': {
        if (!deps.backupNow) throw new UserError('Automatic backups are not available here.');
        return deps.backupNow();
      }
      case 'backupStatus': {
        const state = await deps.backupStatus?.();
        return { lastWrittenAt: state?.lastWrittenAt ?? null, lastError: state?.lastError ?? null, files: state?.written.length ?? 0 };
      }
    }
  }

  /** The rules of the settings, compiled once per change, run on each card in order. */
  async function matchRules(cards: ReadonlyArray<Parameters<typeof matchCard>[1]>) {
    const rules = await settings.compiledRules();
    return { results: cards.map((card) => matchCard(rules, card)) };
  }

  /** One message: a request, or a batch of them, each answered as if it had come alone. */
  return async function handleMessage(raw: unknown, sender: Sender): Promise<AnyReply | BatchReply> {
    const batch = parseBatch(raw);
    if (!batch) return handle(raw, sender);
    if (!batch.ok) return { ok: false, error: batch.error };
    // `handle` knows no `batch` type, so a batch inside a batch gets an error reply of its own.
    return { ok: true, replies: await Promise.all(batch.requests.map((request) => handle(request, sender))) };
  };

  async function handle(raw: unknown, sender: Sender): Promise<AnyReply> {
    const parsed = parseRequest(raw);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const { request } = parsed;
    const kind = senderKind(sender, deps);
    if (!kind) return { ok: false, error: 'Paperlight only answers its own pages and content scripts.' };
    if (!allowedFrom(request.type, kind)) {
      return { ok: false, error: `"${request.type}" can only be sent from Paperlight's own pages (popup or options), not from a web page.` };
    }
    if (request.type === 'ping') return { ok: true, version: deps.appVersion, protocol: PROTOCOL_VERSION };
    if (request.type === 'analyseCards') {
      return { ok: true, results: request.cards.map(findInCard) };
    }
    if (request.type === 'pageStatus') {
      const tabId = sender.tab?.id;
      if (kind === 'content-script' && tabId !== undefined) deps.pageStatus?.(tabId, request.healthPending ? { cards: request.cards, health: request.health, healthPending: true } : { cards: request.cards, health: request.health });
      return { ok: true };
    }
    try {
      const result = request.type === 'matchRules'
        ? await matchRules(request.cards)
        : await withDb(deps.db, (db) => run(request, db, pageUrlOf(sender, kind)));
      return { ok: true, ...result } as AnyReply;
    } catch (error) {
      if (!(error instanceof Error && error.name === 'UserError')) console.error('Paperlight:', request.type, error);
      return { ok: false, error: errorMessage(error, WRITES.has(request.type)) };
    } finally {
      setPopupUrlAfterReply();
    }
  }
}
