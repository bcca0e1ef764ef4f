// PWA units run in Node with an in-memory IndexedDB.
import 'fake-indexeddb/auto';
