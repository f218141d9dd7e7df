// Keyboard commands: declared in manifest.json ("commands"), received by the background and
// forwarded to the active tab's content script as this message.
export const COMMAND_MESSAGE = 'paperlight:command';

export type CommandName = 'save-focused-card';

export interface CommandMessage {
  type: typeof COMMAND_MESSAGE;
  command: CommandName;
}

export function isCommandMessage(raw: unknown): raw is CommandMessage {
  const message = raw as Partial<CommandMessage> | null;
  return typeof message === 'object' && message !== null && message.type === COMMAND_MESSAGE && message.command === 'save-focused-card';
}
