// Unit tests run without a browser extension around them: IndexedDB comes from fake-indexeddb.
import 'fake-indexeddb/auto';
