// The popup's keyboard shortcuts, from the one table in ui/popup-keys.ts (loaded when first asked for).
import { Dialog } from '../../ui/Dialog';
import { PopupKeysTable } from '../../ui/KeyCombo';

export function KeysDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} actions={<button type="button" class="button primary" onClick={onClose}>Close</button>}>
      <PopupKeysTable />
    </Dialog>
  );
}
