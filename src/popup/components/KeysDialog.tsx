// The popup's keyboard shortcuts, from the one table in ui/popup-keys.ts (loaded when first asked for).
import { POPUP_KEYS } from '../../ui/popup-keys';
import { Dialog } from '../../ui/Dialog';
import { KeyCombo } from '../../ui/KeyCombo';

export function KeysDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} actions={<button type="button" class="button primary" onClick={onClose}>Close</button>}>
      <table class="keys-table">
        <tbody>
          {POPUP_KEYS.map((entry) => (
            <tr key={entry.action}>
              <td><KeyCombo keys={entry.keys} /></td>
              <td>{entry.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
