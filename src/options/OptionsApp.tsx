// The options page: sites, highlights, reading memory, rules, keyboard triage, backup, import from other tools, shortcuts, clearing. Settings are saved as soon as they change
// (and follow changes made elsewhere); the library's size is shown where it matters.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../shared/settings';
import { LogoIcon } from '../ui/icons';
import { errorText } from '../ui/text';
import { BackupSection } from './BackupSection';
import { AutomaticBackups } from './BackupSectionAutomatic';
import { ClearSection } from './ClearSection';
import type { OptionsDeps } from './deps';
import { HighlightSection } from './HighlightSection';
import { ImportSection } from './ImportSection';
import { KeyboardSection } from './KeyboardSection';
import { ReadingMemorySection } from './ReadingMemorySection';
import { RulesSection } from './RulesSection';
import { ShortcutsSection } from './ShortcutsSection';
import { SitesSection } from './SitesSection';

export function OptionsApp({ deps }: { deps: OptionsDeps }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saveState, setSaveState] = useState<{ text: string; error: boolean; id: number } | null>(null);
  const [libraryCount, setLibraryCount] = useState<number | null>(null);
  const latest = useRef<Settings | null>(null);

  const refreshCount = () => {
    deps.send({ type: 'query', limit: 1 }).then(({ total }) => setLibraryCount(total), () => setLibraryCount(null));
  };

  useEffect(() => {
    void deps.loadSettings().then((loaded) => {
      latest.current = loaded;
      setSettings(loaded);
    });
    const stopSettings = deps.onSettingsChange((changed) => {
      latest.current = changed;
      setSettings(changed);
    });
    refreshCount();
    const stopLibrary = deps.onLibraryChange(refreshCount);
    return () => {
      stopSettings();
      stopLibrary();
    };
  }, []);

  /** Applies `change` to the newest settings (so quick successive toggles all count) and saves them. */
  const update = (change: (settings: Settings) => Settings) => {
    if (!latest.current) return;
    const next = change(latest.current);
    latest.current = next;
    setSettings(next);
    deps.saveSettings(next).then(
      () => setSaveState({ text: 'Saved.', error: false, id: Date.now() }),
      (error: unknown) => setSaveState({ text: `Not saved: ${errorText(error)}`, error: true, id: Date.now() }),
    );
  };

  useEffect(() => {
    if (!saveState || saveState.error) return;
    const timer = setTimeout(() => setSaveState(null), 2500);
    return () => clearTimeout(timer);
  }, [saveState?.id]);

  return (
    <div class="options">
      <header class="options-head">
        <LogoIcon />
        <div>
          <h1>Paperlight options</h1>
          <p class="muted">Changes are saved as you make them and apply to open pages at once.</p>
        </div>
        <p class={`save-state${saveState?.error ? ' error' : ''}`} role="status" aria-live="polite">{saveState?.text}</p>
      </header>
      {settings ? (
        <main>
          <SitesSection settings={settings} deps={deps} update={update} />
          <HighlightSection settings={settings} update={update} />
          <ReadingMemorySection settings={settings} deps={deps} update={update} />
          <RulesSection settings={settings} update={update} />
          <KeyboardSection settings={settings} deps={deps} update={update} />
          <BackupSection deps={deps} libraryCount={libraryCount} onChanged={refreshCount} />
          <section class="card" aria-label="Automatic backups"><AutomaticBackups settings={settings} deps={deps} update={update} /></section>
          <ImportSection deps={deps} onChanged={refreshCount} />
          <ShortcutsSection deps={deps} />
          <ClearSection deps={deps} libraryCount={libraryCount} onChanged={refreshCount} />
        </main>
      ) : (
        <p class="muted">Loading your settings…</p>
      )}
    </div>
  );
}
