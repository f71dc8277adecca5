/**
 * Pending changes: the record (pendingChangeSchema.ts), its life cycle as a pure function
 * (pendingChangeTransition.ts) and its compare-and-set store (pendingChangeStore.ts).
 * Import from here.
 */
export * from './pendingChangeSchema';
export * from './pendingChangeTransition';
export * from './pendingChangeStore';
