// Keyboard commands (manifest "commands", changeable by the user in the browser's shortcuts page):
// forwarded to the active tab's content script, which acts on the card that holds the focus.
import browser from 'webextension-polyfill';
import { COMMAND_MESSAGE, type CommandMessage, type CommandName } from '../shared/commands';

export function watchCommands(): void {
  browser.commands?.onCommand.addListener((command) => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      const message: CommandMessage = { type: COMMAND_MESSAGE, command: command as CommandName };
      if (tab?.id !== undefined) return browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
    });
  });
}
