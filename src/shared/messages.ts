// The one message protocol between content scripts, extension pages and the background.
// Every request is validated at runtime by `parseRequest` before the background acts on it.

export const PROTOCOL_VERSION = 1;

export interface PingRequest {
  type: 'ping';
}

export type Request = PingRequest;

export interface PingReply {
  ok: true;
  version: string;
  protocol: number;
}

export interface ErrorReply {
  ok: false;
  error: string;
}

export interface ReplyFor {
  ping: PingReply;
}

export type Reply<R extends Request> = ReplyFor[R['type']] | ErrorReply;

export type ParseResult = { ok: true; request: Request } | { ok: false; error: string };

/** Checks an untrusted message's shape; never throws. */
export function parseRequest(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'A message must be an object with a "type".' };
  }
  const type = (raw as { type?: unknown }).type;
  switch (type) {
    case 'ping':
      return { ok: true, request: { type: 'ping' } };
    default:
      return { ok: false, error: `Unknown message type: ${JSON.stringify(String(type)).slice(0, 80)}` };
  }
}
