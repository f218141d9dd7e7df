// The settings as the background reads them: from storage.local in the extension (browser-settings.ts), from
// memory in tests. Read once and kept until storage says they changed; the rules come already checked (a rule
// that does not compile is dropped on read), and are compiled once per change of the settings, not per message.
import { compileRules, ruleProblem, type CompiledRule } from '../core/rules/matcher';
import type { Rule } from '../core/rules/rule';
import { defaultSettings, normalizeSettings, type Settings } from '../shared/settings';

export interface SettingsStore {
  /** The stored settings, validated (rules that do not compile dropped). */
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
  /** Calls `listener` whenever the stored settings change, from anywhere. */
  onChange(listener: () => void): void;
}

/** Settings kept in memory: for tests, and for anything run without a browser around it. */
export function memorySettingsStore(initial: Partial<Settings> = {}): SettingsStore & { current(): Settings } {
  let stored = normalizeSettings({ ...defaultSettings(), ...initial }, ruleProblem);
  const listeners = new Set<() => void>();
  return {
    current: () => stored,
    load: async () => stored,
    async save(settings) {
      stored = normalizeSettings(settings, ruleProblem);
      listeners.forEach((listener) => listener());
    },
    onChange: (listener) => void listeners.add(listener),
  };
}

/** The settings, read once per change; the rules compiled once per change. */
export class SettingsCache {
  private pending: Promise<Settings> | undefined;
  private compiled: { rules: readonly Rule[]; compiled: CompiledRule[] } | undefined;

  constructor(private readonly store: SettingsStore) {
    store.onChange(() => {
      this.pending = undefined;
    });
  }

  get(): Promise<Settings> {
    this.pending ??= this.store.load().catch((error: unknown) => {
      this.pending = undefined;
      throw error;
    });
    return this.pending;
  }

  /** The rules of the current settings, compiled (recompiled only when the settings changed). */
  async compiledRules(): Promise<CompiledRule[]> {
    const { rules } = await this.get();
    if (this.compiled?.rules !== rules) this.compiled = { rules, compiled: compileRules(rules) };
    return this.compiled.compiled;
  }

  /** Replaces the rules (a backup import), reading the stored settings afresh so no other change is lost. */
  async saveRules(rules: Rule[]): Promise<void> {
    const current = await this.store.load();
    this.pending = undefined;
    await this.store.save({ ...current, rules });
  }
}
