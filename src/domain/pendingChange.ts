/**
 * Pending changes: the record (pendingChangeSchema.ts), its life cycle as a pure function
 * (changeLifecycle.ts) and its owner check (changeOwner.ts) (its store is
 * src/changes/pendingChangeStore.ts).
 * Import from here.
 */
export * from './pendingChangeSchema';
export * from './changeLifecycle';
export * from './changeOwner';
