/**
 * The version of the stored data's shape (the IndexedDB schema of src/renderer/src/db/schema.ts).
 * Backups and bundles carry it, so the app and the consolidation CLI (scripts/consolidate) must
 * agree on it: its one home is here, where both may import it.
 */
export const SCHEMA_VERSION = 9;
