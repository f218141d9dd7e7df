// Runtime checks of untrusted values (messages from pages, files chosen by the user): each reader returns the
// value with its type, or throws a ShapeError that names the place (`papers[3].tags[0]`) and what was expected.
// Generic building blocks only; the checks of a stored paper are in paper-record.ts.

/** Latest representable date in JavaScript (epoch ms); anything larger is not a time. */
const MAX_TIMESTAMP = 8.64e15;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A value has the wrong shape; `message` names the place (`papers[3].tags[0]`) and what was expected. */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

export function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** A plain object whose own keys are all in `allowed` (keys that could reach a prototype are refused by name). */
export function readObject(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(`${path}: expected an object`);
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new ShapeError(`${path}: expected a plain object`);
  // for…in stops at the first bad key, so an object with a million keys costs nothing more.
  for (const key in value) {
    if (FORBIDDEN_KEYS.has(key)) throw new ShapeError(`${path}: the key ${quote(key)} is not allowed`);
    if (!allowed.includes(key)) throw new ShapeError(`${path}: unknown field ${quote(key)}`);
  }
  return value as Record<string, unknown>;
}

export function readString(value: unknown, path: string, max: number, options: { empty?: boolean } = {}): string {
  if (typeof value !== 'string') throw new ShapeError(`${path}: expected a string`);
  if (value.length > max) {
    throw new ShapeError(`${path}: too long (${value.length} characters; at most ${max})`);
  }
  if (options.empty === false && value.trim() === '') throw new ShapeError(`${path}: must not be empty`);
  return value;
}

export function readArray(value: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(`${path}: expected a list`);
  if (value.length > max) throw new ShapeError(`${path}: too many entries (${value.length}; at most ${max})`);
  return value;
}

export function readStrings(value: unknown, path: string, maxItems: number, maxLength: number): string[] {
  return readArray(value, path, maxItems).map((item, i) => readString(item, `${path}[${i}]`, maxLength));
}

export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ShapeError(`${path}: expected true or false`);
  return value;
}

export function readInteger(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ShapeError(`${path}: expected a whole number from ${min} to ${max}`);
  }
  return value;
}

export function readTimestamp(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_TIMESTAMP) {
    throw new ShapeError(`${path}: expected a time in milliseconds since 1970`);
  }
  return value;
}

export function readChoice<T extends string>(value: unknown, path: string, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new ShapeError(`${path}: expected one of ${choices.join(', ')}`);
  }
  return value as T;
}

/** Longest link kept (records' `url`, `codeLinks`, `seenUrls`). */
export const MAX_URL_LENGTH = 4096;

const HTTP_SCHEME = /^https?:\/\//;

/** An absolute http(s) URL: anything else (`javascript:`, `data:`) must never become a link in our pages. */
export function readHttpUrl(value: unknown, path: string): string {
  const text = readString(value, path, MAX_URL_LENGTH);
  // A link that starts with a lower-case http(s) scheme only has to parse; `URL.canParse` tells that without
  // building the URL (a backup of 10,000 papers holds some 25,000 links).
  if (HTTP_SCHEME.test(text) && typeof URL.canParse === 'function') {
    if (URL.canParse(text)) return text;
    throw new ShapeError(`${path}: ${quote(text)} is not a URL`);
  }
  let protocol: string;
  try {
    protocol = new URL(text).protocol;
  } catch {
    throw new ShapeError(`${path}: ${quote(text)} is not a URL`);
  }
  if (protocol !== 'https:' && protocol !== 'http:') throw new ShapeError(`${path}: only http and https links are kept`);
  return text;
}

export function readHttpUrls(value: unknown, path: string, max: number): string[] {
  return readArray(value, path, max).map((item, i) => readHttpUrl(item, `${path}[${i}]`));
}
