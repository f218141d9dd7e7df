// The options page: the browser's APIs gathered into OptionsDeps, then the app.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { ruleProblem } from '../core/rules/matcher';
import { onChange, send } from '../shared/client';
import { loadSettings, onSettingsChange, saveSettings } from '../shared/settings';
import { SITES } from '../shared/sites';
import { downloadText } from '../ui/download';
import '../ui/theme.css';
import './options.css';
import type { OptionsDeps } from './deps';
import { OptionsApp } from './OptionsApp';
import { originPattern } from './origins';

const firefox = browser.runtime.getURL('').startsWith('moz-extension:');

// Rules are read and saved with the engine's check: a stored rule that does not compile is dropped.
const deps: OptionsDeps = {
  loadSettings: () => loadSettings(ruleProblem),
  saveSettings: (settings) => saveSettings(settings, ruleProblem),
  onSettingsChange: (listener) => onSettingsChange(listener, ruleProblem),
  send,
  onLibraryChange: (listener) => onChange(() => listener()),
  requestOrigin: (origin) => browser.permissions.request({ origins: [originPattern(origin)] }),
  releaseOrigin: async (origin) => {
    await browser.permissions.remove({ origins: [originPattern(origin)] });
  },
  commands: () => browser.commands.getAll(),
  // Chrome lets an extension open its shortcuts page; Firefox keeps about: pages to the person.
  openShortcutsPage: firefox ? undefined : () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' }),
  browserName: firefox ? 'firefox' : 'chrome',
  download: downloadText,
  backupSource: async (file) => {
    const url = URL.createObjectURL(file);
    return { source: { file: url }, release: () => URL.revokeObjectURL(url) };
  },
  sites: SITES,
  now: () => new Date(),
};

render(<OptionsApp deps={deps} />, document.getElementById('app')!);
