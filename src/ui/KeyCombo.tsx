// Key combinations as <kbd> elements: "Ctrl+A", "↑ or ↓".
import { POPUP_KEYS, type KeyHelp } from './popup-keys';

export function KeyCombo({ keys }: { keys: string[][] }) {
  return (
    <span class="key-combo">
      {keys.map((combo, i) => (
        <span key={i}>
          {i > 0 && <span class="or"> or </span>}
          {combo.map((key, j) => <span key={key}>{j > 0 && '+'}<kbd>{key}</kbd></span>)}
        </span>
      ))}
    </span>
  );
}

/** Keys and what they do, as a table. */
export function KeysTable({ keys, label }: { keys: readonly KeyHelp[]; label?: string }) {
  return (
    <table class="keys-table" aria-label={label}>
      <tbody>
        {keys.map((entry) => (
          <tr key={entry.action}>
            <td><KeyCombo keys={entry.keys} /></td>
            <td>{entry.action}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The popup's own keys as a table (popup's key dialog and the options page). */
export function PopupKeysTable() {
  return <KeysTable keys={POPUP_KEYS} />;
}
