// Keyboard shortcuts: the extension's commands as the browser has them bound, how to change them in this
// browser, and the popup's own keys.
import { useEffect, useState } from 'preact/hooks';
import { KeyCombo, PopupKeysTable } from '../ui/KeyCombo';
import type { CommandInfo, OptionsDeps } from './deps';

/** "Alt+Shift+S" as key combinations for <KeyCombo>. */
function comboOf(shortcut: string): string[][] {
  return [shortcut.split('+').map((key) => key.trim()).filter(Boolean)];
}

export function ShortcutsSection({ deps }: { deps: OptionsDeps }) {
  const [commands, setCommands] = useState<CommandInfo[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    // `_execute_action` (open the popup) is listed only when the manifest binds it.
    deps.commands().then((list) => setCommands(list.filter((c) => c.name)), () => setFailed(true));
  }, []);

  return (
    <section class="card" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <h3>On paper listings</h3>
      {failed && <p class="form-message error">The browser did not list Paperlight's shortcuts.</p>}
      {commands && commands.length === 0 && <p class="muted">Paperlight has no shortcuts in this browser.</p>}
      {commands && commands.length > 0 && (
        <table class="keys-table">
          <tbody>
            {commands.map((command) => (
              <tr key={command.name}>
                <td>{command.shortcut ? <KeyCombo keys={comboOf(command.shortcut)} /> : <span class="muted">Not set</span>}</td>
                <td>{command.name === '_execute_action' ? 'Open the Paperlight popup' : command.description || command.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deps.browserName === 'firefox' ? (
        <p class="muted how-to">
          To change them, open <strong>about:addons</strong>, click the gear button, then <strong>Manage Extension Shortcuts</strong>.
        </p>
      ) : (
        <p class="muted how-to">
          To change them, open <strong>chrome://extensions/shortcuts</strong>
          {deps.openShortcutsPage && <> — <button type="button" class="button link" onClick={deps.openShortcutsPage}>open it now</button></>}.
        </p>
      )}
      <h3>In the popup</h3>
      <PopupKeysTable />
    </section>
  );
}
