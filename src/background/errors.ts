// Turns whatever a store operation threw into one sentence a person can act on. A failed write is always
// reported (never swallowed), and says that nothing was changed: every write is one transaction.

/** An error whose message is meant for the user as it is (not found, a limit reached, …). */
export class UserError extends Error {
  override name = 'UserError';
}


function isDomError(error: unknown, ...names: string[]): error is DOMException {
  return typeof error === 'object' && error !== null && 'name' in error && names.includes(String((error as { name: unknown }).name));
}

export function errorMessage(error: unknown, writing: boolean): string {
  if (error instanceof UserError) return error.message;
  if (isDomError(error, 'QuotaExceededError')) {
    return 'The browser has no room left for Paperlight\'s data (storage quota exceeded), so nothing was saved. ' +
      'Free some disk space or remove papers you no longer need, then try again.';
  }
  if (isDomError(error, 'VersionError')) {
    return 'Paperlight\'s data was saved by a newer version of Paperlight; update the extension to use it.';
  }
  const detail = error instanceof Error || isDomError(error) ? `${error.name}: ${error.message}` : String(error);
  if (isDomError(error, 'AbortError', 'UnknownError', 'InvalidStateError', 'TransactionInactiveError', 'ConstraintError', 'DataError')) {
    return writing
      ? `Paperlight could not write to its database, so nothing was changed (${detail}). Please try again.`
      : `Paperlight could not read its database (${detail}). Please try again.`;
  }
  return `Paperlight's background failed unexpectedly${writing ? ', so nothing was changed' : ''} (${detail}).`;
}
