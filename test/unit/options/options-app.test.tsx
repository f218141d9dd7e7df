// The options page in happy-dom: settings saved as they change, sites added with the browser's permission,
// backups exported and imported (with a dry run first, and the background's own error text), clearing with a
// typed confirmation, shortcuts. The background is the real handler on fake-indexeddb.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBackup, serialiseBackup } from '../../../src/core/backup';
import { describeImport } from '../../../src/options/BackupSection';
import type { OptionsDeps } from '../../../src/options/deps';
import { OptionsApp } from '../../../src/options/OptionsApp';
import { defaultSettings, normalizeSettings, type Settings } from '../../../src/shared/settings';
import type { TextFile } from '../../../src/ui/download';
import { fakeBackground } from '../popup/fake-background';
import { sampleLibrary } from '../popup/sample-library';
import { sample } from '../import/samples';
import { localTime } from '../../../src/options/local-time';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

interface Harness {
  deps: OptionsDeps;
  saved: Settings[];
  downloads: TextFile[];
  granted: string[];
  released: string[];
  background: ReturnType<typeof fakeBackground>;
}

async function openOptions(options: { grant?: boolean; browserName?: 'chrome' | 'firefox'; papers?: number; background?: ReturnType<typeof fakeBackground> } = {}): Promise<Harness> {
  const background = options.background ?? fakeBackground();
  if (options.papers) await background.send({ type: 'restore', papers: sampleLibrary(options.papers) });
  let stored = defaultSettings();
  const listeners = new Set<(settings: Settings) => void>();
  const harness: Harness = { saved: [], downloads: [], granted: [], released: [], background, deps: undefined! };
  harness.deps = {
    loadSettings: async () => stored,
    saveSettings: async (settings) => {
      stored = normalizeSettings(settings);
      harness.saved.push(stored);
    },
    onSettingsChange: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    send: background.send,
    onLibraryChange: (listener) => background.onChange(() => listener()),
    requestOrigin: async (origin) => {
      if (options.grant === false) return false;
      harness.granted.push(origin);
      return true;
    },
    releaseOrigin: async (origin) => void harness.released.push(origin),
    commands: async () => [
      { name: '_execute_action', description: '', shortcut: '' },
      { name: 'save-focused-card', description: 'Save (or unsave) the focused paper card', shortcut: 'Alt+Shift+S' },
    ],
    browserName: options.browserName ?? 'chrome',
    download: (file) => void harness.downloads.push(file),
    // happy-dom's blob: URLs are not the extension's: the file goes as text here (the browser tests cover URLs).
    backupSource: async (file) => ({ source: { text: await file.text() }, release: () => undefined }),
    sites: [
      { id: 'arxiv', name: 'arXiv', matches: ['https://arxiv.org/list/*'] },
      { id: 'acl', name: 'ACL Anthology', matches: ['https://aclanthology.org/volumes/*'] },
      { id: 'generic', name: 'Other pages (generic)', matches: [] },
    ],
    now: () => new Date(2026, 10, 23, 9),
  };
  root = document.createElement('div');
  document.body.append(root);
  render(<OptionsApp deps={harness.deps} />, root);
  await vi.waitFor(() => expect(root.querySelector('.card')).not.toBeNull());
  return harness;
}

const switchNamed = (name: string) =>
  [...root.querySelectorAll<HTMLLabelElement>('label.switch')].find((label) => label.querySelector('.switch-label')!.textContent!.includes(name))!
    .querySelector<HTMLInputElement>('input')!;
const buttonNamed = (name: string | RegExp) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => (typeof name === 'string' ? b.textContent === name : name.test(b.textContent ?? '')))!;
const type = (input: HTMLInputElement, text: string) => {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};
async function chooseFile(name: string, text: string) {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], name, { type: 'application/json' })] });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('options page', () => {
  it('turns sites and highlight kinds on and off, saving at once', async () => {
    const { saved } = await openOptions();
    expect(root.textContent).not.toContain('Other pages (generic)');
    switchNamed('ACL Anthology').click();
    await vi.waitFor(() => expect(saved.at(-1)?.sites).toEqual({ acl: false }));
    switchNamed('Size / memory').click();
    switchNamed('Debug logging').click();
    await vi.waitFor(() => expect(saved.at(-1)).toMatchObject({ sites: { acl: false }, highlight: { size: false, speed: true }, debug: true }));
    await vi.waitFor(() => expect(root.querySelector('.save-state')!.textContent).toBe('Saved.'));
  });

  it('adds another site after the browser grants access, and removes it giving access back', async () => {
    const { saved, granted, released } = await openOptions();
    type(root.querySelector<HTMLInputElement>('#origin-input')!, 'https://Lab.Example.org/papers');
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(saved.at(-1)?.genericOrigins).toEqual(['https://lab.example.org']));
    expect(granted).toEqual(['https://lab.example.org']);
    expect(root.querySelector('.origin-list')!.textContent).toContain('https://lab.example.org');
    buttonNamed('Remove').click();
    await vi.waitFor(() => expect(saved.at(-1)?.genericOrigins).toEqual([]));
    expect(released).toEqual(['https://lab.example.org']);
  });

  it('does not add a site when access is refused, and explains a bad address', async () => {
    const { saved } = await openOptions({ grant: false });
    const input = root.querySelector<HTMLInputElement>('#origin-input')!;
    type(input, 'ftp://files.example.org');
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')!.textContent).toMatch(/Only web pages/));
    type(input, 'lab.example.org');
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')!.textContent).toMatch(/was not granted/));
    expect(saved).toEqual([]);
  });

  it('exports a dated backup of the whole library', async () => {
    const { downloads } = await openOptions({ papers: 12 });
    await vi.waitFor(() => expect(buttonNamed(/^Export backup/).textContent).toBe('Export backup (12 papers)'));
    buttonNamed(/^Export backup/).click();
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.fileName).toBe('paperlight-2026-11-23.json');
    const backup = parseBackup(downloads[0]!.text);
    expect(backup.ok && backup.backup.papers).toHaveLength(12);
  });

  it('imports a backup after a dry run that says what would change, merging or replacing', async () => {
    const { background } = await openOptions({ papers: 5 });
    const incoming = sampleLibrary(8).slice(3);
    await chooseFile('old.json', serialiseBackup(incoming, new Date()));
    await vi.waitFor(() => expect(root.querySelector('.import-preview [role="status"]')!.textContent)
      .toBe('This backup would bring: 3 new papers, 0 papers updated, 2 papers unchanged.'));
    expect((await background.send({ type: 'getAll' })).papers).toHaveLength(5);

    root.querySelectorAll<HTMLInputElement>('input[name="import-mode"]')[1]!.click();
    await vi.waitFor(() => expect(root.querySelector('.import-preview [role="status"]')!.textContent).toMatch(/3 papers removed\.$/));
    buttonNamed('Replace my library').click();
    await vi.waitFor(() => expect(root.querySelector('.form-message')!.textContent).toMatch(/^Imported: 3 new papers/));
    expect((await background.send({ type: 'getAll' })).papers.map((p) => p.key).sort()).toEqual(incoming.map((p) => p.key).sort());
  });

  it('lists the imports from other tools that can still be undone, also after the page is opened again, and undoes one from the list', async () => {
    const opened = await openOptions({ papers: 2 });
    const { background } = opened;
    const before = (await background.send({ type: 'getAll' })).papers;
    const section = () => root.querySelector<HTMLElement>('section[aria-labelledby="library-import-title"]')!;
    expect(section().querySelector('.import-history')).toBeNull();
    const input = section().querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { configurable: true, value: [new File([sample('latex-project.bib')], 'references.bib')] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(section().querySelector('.import-preview [role="status"]')!.textContent).toMatch(/^This BibTeX file would bring: 4 new papers/));
    [...section().querySelectorAll('button')].find((b) => b.textContent === 'Import')!.click();
    await vi.waitFor(() => expect(section().querySelector('.form-message')!.textContent).toMatch(/^Imported: 4 new papers/));
    const importedAt = (await background.send({ type: 'importHistory' })).imports[0]!.importedAt;
    const listed = `references.bib (BibTeX) · ${localTime(importedAt)} · 4 new papers, 0 saved papers merged`;
    await vi.waitFor(() => expect([...section().querySelectorAll('.import-history li span')].map((li) => li.textContent)).toEqual([listed]));

    // The page opened again: the message with its Undo is gone, the list is not.
    render(null, root);
    render(<OptionsApp deps={opened.deps} />, root);
    await vi.waitFor(() => expect(section()?.querySelector('.import-history li span')?.textContent).toBe(listed));
    expect(section().querySelector('.form-message')).toBeNull();
    const undo = section().querySelector<HTMLButtonElement>('.import-history li button')!;
    expect(undo.getAttribute('aria-label')).toBe(`Undo references.bib (BibTeX), ${localTime(importedAt)}`);
    undo.focus();
    undo.click();
    await vi.waitFor(() => expect(section().querySelector('.form-message')!.textContent).toBe('The import was undone: the library is as it was before.'));
    await vi.waitFor(() => expect(section().querySelector('.import-history')).toBeNull());
    expect(document.activeElement).toBe(section().querySelector('.form-message'));
    expect((await background.send({ type: 'getAll' })).papers).toEqual(before);
  });

  it('shows the background\'s reason, word for word, when it refuses a file', async () => {
    const { background } = await openOptions({ papers: 2 });
    const text = JSON.stringify({ format: 'paperlight-backup', version: 1, exportedAt: '2026-01-01T00:00:00Z', papers: [{ key: 'not a key' }] });
    await chooseFile('broken.json', text);
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')!.textContent).toBe(
      'This backup cannot be imported: papers[0].key: "not a key" is not a paper key such as "arxiv:2412.01234".',
    ));
    expect(root.querySelector('.import-preview')).toBeNull();
    expect((await background.send({ type: 'getAll' })).papers).toHaveLength(2);
  });

  it('clears the library into the Trash only after the word is typed', async () => {
    const { background } = await openOptions({ papers: 4 });
    await vi.waitFor(() => expect(root.textContent).toContain('Moves 4 saved papers, with their tags, statuses and notes, to the Trash.'));
    buttonNamed('Clear the library…').click();
    const confirm = await vi.waitFor(() => {
      const button = buttonNamed('Move everything to the Trash');
      expect(button).toBeDefined();
      return button;
    });
    expect(confirm.disabled).toBe(true);
    type(root.querySelector<HTMLInputElement>('.confirm-field input')!, 'Clear');
    await vi.waitFor(() => expect(buttonNamed('Move everything to the Trash').disabled).toBe(false));
    buttonNamed('Move everything to the Trash').click();
    await vi.waitFor(() => expect(root.querySelector('.form-message')!.textContent).toBe('Moved 4 papers to the Trash. Your settings are kept.'));
    expect((await background.send({ type: 'getAll' })).papers).toHaveLength(0);
    expect((await background.send({ type: 'trash' })).papers).toHaveLength(4);
  });

  it('lists the shortcuts and says how to change them in each browser', async () => {
    await openOptions();
    await vi.waitFor(() => expect(root.textContent).toContain('Save (or unsave) the focused paper card'));
    expect([...root.querySelector('[aria-labelledby="shortcuts-title"] .keys-table')!.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Alt', 'Shift', 'S']);
    expect(root.textContent).toContain('Open the Paperlight popup');
    expect(root.textContent).toContain('chrome://extensions/shortcuts');
    expect(root.textContent).toContain('Undo the last delete');
    render(null, root);
    root.remove();
    await openOptions({ browserName: 'firefox' });
    await vi.waitFor(() => expect(root.textContent).toContain('Manage Extension Shortcuts'));
  });
});

describe('reading memory, rules and keyboard triage', () => {
  const ruleForm = () => root.querySelector<HTMLFormElement>('form.rule-form')!;
  const select = (name: string, value: string) => {
    const element = ruleForm().querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
    element.value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const addRule = (pattern: string) => {
    type(ruleForm().querySelector<HTMLInputElement>('input[name="pattern"]')!, pattern);
    ruleForm().dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  };
  const rulesRegion = () => root.querySelector('[aria-labelledby="rules-title"]')!;

  it('switches the reading memory and the dimming of seen papers, dimming only while the memory is on', async () => {
    const { saved } = await openOptions();
    expect(switchNamed('Remember the papers I have seen').checked).toBe(true);
    expect(switchNamed('Dim papers seen before').checked).toBe(false);
    switchNamed('Dim papers seen before').click();
    await vi.waitFor(() => expect(saved.at(-1)).toMatchObject({ readingMemory: true, dimSeen: true }));
    switchNamed('Remember the papers I have seen').click();
    await vi.waitFor(() => expect(saved.at(-1)).toMatchObject({ readingMemory: false }));
    await vi.waitFor(() => expect(switchNamed('Dim papers seen before').disabled).toBe(true));
  });

  it('clears the reading memory after a confirmation, leaving the library as it was', async () => {
    const background = fakeBackground();
    const cards = sampleLibrary(5).map((p) => ({ key: p.key, aliases: p.aliases, title: p.title, authors: p.authors }));
    await background.sendFromTab({ type: 'markSeen', site: 'arxiv', cards }, 'https://arxiv.org/list/cs.LG/new');
    await openOptions({ papers: 3, background });
    await vi.waitFor(() => expect(root.textContent).toContain('The reading memory holds 5 papers.'));
    buttonNamed('Clear the reading memory…').click();
    await vi.waitFor(() => expect(root.querySelector('dialog')!.textContent).toContain('Forget 5 papers seen?'));
    buttonNamed('Cancel').click();
    expect((await background.send({ type: 'readingMemoryStats' })).entries).toBe(5);
    buttonNamed('Clear the reading memory…').click();
    await vi.waitFor(() => expect(buttonNamed('Forget them')).toBeDefined());
    buttonNamed('Forget them').click();
    await vi.waitFor(() => expect(root.querySelector('[aria-labelledby="memory-title"] .form-message')!.textContent).toBe('Forgot 5 papers seen. Your saved papers are kept.'));
    expect((await background.send({ type: 'readingMemoryStats' })).entries).toBe(0);
    expect((await background.send({ type: 'getAll' })).papers).toHaveLength(3);
    await vi.waitFor(() => expect(buttonNamed('Clear the reading memory…').disabled).toBe(true));
  });

  it('refuses a regular expression that does not compile, saying why, and saves nothing', async () => {
    const { saved } = await openOptions();
    select('match', 'regex');
    addRule('diff(usion');
    await vi.waitFor(() => expect(rulesRegion().querySelector('[role="alert"]')!.textContent).toBe(
      'This regular expression does not compile: missing closing ): `diff(usion`. Paperlight reads RE2 syntax, which runs in linear time: no lookahead, lookbehind or backreferences.',
    ));
    addRule('(?=gan)');
    await vi.waitFor(() => expect(rulesRegion().querySelector('[role="alert"]')!.textContent).toMatch(/invalid or unsupported Perl syntax/));
    addRule('   ');
    await vi.waitFor(() => expect(rulesRegion().querySelector('[role="alert"]')!.textContent).toBe('Write a phrase or a regular expression first.'));
    expect(saved).toEqual([]);
    expect(rulesRegion().textContent).toContain('No rules yet.');
  });

  it('adds good rules, refuses the same rule twice, and removes one', async () => {
    const { saved } = await openOptions();
    select('action', 'dim');
    select('field', 'any');
    addRule('large language model');
    await vi.waitFor(() => expect(saved.at(-1)?.rules).toEqual([{ match: 'phrase', pattern: 'large language model', field: 'any', action: 'dim' }]));
    select('match', 'regex');
    select('action', 'hide');
    select('field', 'title');
    addRule('\\bGANs?\\b');
    await vi.waitFor(() => expect(saved.at(-1)?.rules).toHaveLength(2));
    expect(saved.at(-1)?.rules[1]).toEqual({ match: 'regex', pattern: '\\bGANs?\\b', field: 'title', action: 'hide' });
    expect([...rulesRegion().querySelectorAll('.rule-text')].map((item) => item.textContent)).toEqual([
      'Dim cards whose title, abstract or authors contains "large language model"', 'Hide cards whose title matches /\\bGANs?\\b/',
    ]);
    addRule('\\bGANs?\\b');
    await vi.waitFor(() => expect(rulesRegion().querySelector('[role="alert"]')!.textContent).toBe('This rule is already on the list.'));
    expect(saved.at(-1)?.rules).toHaveLength(2);
    buttonNamed('Remove').click();
    await vi.waitFor(() => expect(saved.at(-1)?.rules).toEqual([{ match: 'regex', pattern: '\\bGANs?\\b', field: 'title', action: 'hide' }]));
  });

  it('offers no highlight of author names', async () => {
    await openOptions();
    select('field', 'authors');
    await vi.waitFor(() => expect(ruleForm().querySelector<HTMLOptionElement>('option[value="highlight"]')!.disabled).toBe(true));
    select('field', 'title');
    select('action', 'highlight');
    await vi.waitFor(() => expect(ruleForm().querySelector<HTMLOptionElement>('option[value="authors"]')!.disabled).toBe(true));
  });

  it('switches keyboard triage per site and lists the keys', async () => {
    const { saved } = await openOptions();
    const keys = root.querySelector('table[aria-label="Keys on listing pages"]')!;
    expect([...keys.querySelectorAll('tr')].map((row) => row.querySelector('td')!.textContent)).toEqual(['J or K', 'S', 'T', '1 or 2 or 3 or 4', 'O', 'C', 'X', '?']);
    expect(keys.textContent).toContain('Set the status: to read, reading, read, skip');
    switchNamed('Keys on ACL Anthology').click();
    await vi.waitFor(() => expect(saved.at(-1)?.keyboard).toEqual({ acl: false }));
    expect(switchNamed('Keys on arXiv').checked).toBe(true);
  });
});

describe('describeImport', () => {
  const none = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  it('mentions the reading memory and the rules when the file changes them', () => {
    expect(describeImport({ ...none, added: 1, trash: none, readingMemory: { added: 3, updated: 1, unchanged: 2, removed: 0 }, rules: { ...none, added: 2, removed: 1 } }, true))
      .toBe('Imported: 1 new paper, 0 papers updated, 0 papers unchanged; in the reading memory, 3 papers added, 1 paper updated; rules, 2 rules added, 1 rule removed.');
    expect(describeImport({ ...none, readingMemory: { ...none, unchanged: 9 }, rules: { ...none, unchanged: 2 } }, false)).toBe('This backup would bring: 0 new papers, 0 papers updated, 0 papers unchanged.');
  });

  it('mentions the Trash only when the file changes it', () => {
    expect(describeImport({ ...none, added: 2, trash: { ...none, unchanged: 4 } }, false)).toBe('This backup would bring: 2 new papers, 0 papers updated, 0 papers unchanged.');
    expect(describeImport({ ...none, unchanged: 1, trash: { added: 3, updated: 1, unchanged: 0, removed: 2 } }, true))
      .toBe('Imported: 0 new papers, 0 papers updated, 1 paper unchanged; in the Trash, 3 papers added, 1 paper updated, 2 papers deleted for ever.');
  });

  it('says that copies taken out of the Trash by a merge are back in the library, not deleted', () => {
    expect(describeImport({ ...none, added: 40, trash: { ...none, restored: 40 } }, true))
      .toBe('Imported: 40 new papers, 0 papers updated, 0 papers unchanged; in the Trash, 40 papers back in the library.');
  });
});
