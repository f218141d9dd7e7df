// The settings store of the extension: storage.local, read and watched through src/shared/settings.ts with the
// rules checked by the regular-expression engine (a stored rule that does not compile is dropped on read).
import { ruleProblem } from '../core/rules/matcher';
import { loadSettings, onSettingsChange, saveSettings } from '../shared/settings';
import type { SettingsStore } from './settings';

export const browserSettingsStore: SettingsStore = {
  load: () => loadSettings(ruleProblem),
  save: (settings) => saveSettings(settings, ruleProblem),
  onChange: (listener) => void onSettingsChange(() => listener(), ruleProblem),
};
