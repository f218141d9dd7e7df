// Moving the active row and extending a selection over the list as shown. Pure helpers on key lists.

/** The key `by` rows from `activeKey` (clamped to the list); the first row if `activeKey` is not shown. */
export function movedKey(keys: readonly string[], activeKey: string | null, by: number): string | null {
  if (keys.length === 0) return null;
  const at = activeKey === null ? -1 : keys.indexOf(activeKey);
  if (at === -1) return keys[by < 0 ? keys.length - 1 : 0]!;
  return keys[Math.min(keys.length - 1, Math.max(0, at + by))]!;
}

/** The keys from `anchorKey` to `targetKey` inclusive, in list order; just the target if the anchor is not shown. */
export function rangeBetween(keys: readonly string[], anchorKey: string | null, targetKey: string): string[] {
  const to = keys.indexOf(targetKey);
  if (to === -1) return [];
  const from = anchorKey === null ? -1 : keys.indexOf(anchorKey);
  if (from === -1) return [targetKey];
  return keys.slice(Math.min(from, to), Math.max(from, to) + 1);
}

/**
 * Where the active row goes when the rows `removed` disappear: the first row after them that stays, else the
 * last one before them, so that pressing Delete repeatedly walks down the list.
 */
export function keyAfterRemoval(keys: readonly string[], activeKey: string | null, removed: ReadonlySet<string>): string | null {
  if (activeKey !== null && !removed.has(activeKey)) return activeKey;
  const at = activeKey === null ? 0 : Math.max(0, keys.indexOf(activeKey));
  for (let i = at; i < keys.length; i++) if (!removed.has(keys[i]!)) return keys[i]!;
  for (let i = at - 1; i >= 0; i--) if (!removed.has(keys[i]!)) return keys[i]!;
  return null;
}
