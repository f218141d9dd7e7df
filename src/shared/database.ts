// The name of the one IndexedDB database. The background owns it (background/db.ts); extension pages, which share
// the background's origin, only ever read the popup's search snapshot from it (popup/stored-snapshot.ts).
export const DB_NAME = 'paperlight';
