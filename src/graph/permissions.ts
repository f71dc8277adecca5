/**
 * The Microsoft Graph permissions this bot uses, named once (docs/graph-notes.md#permissions and #runs):
 * the emulator enforces them, the client names them in permission errors, `whoami` reads them.
 */
/** Delegated and application: read flow sets and flows. */
export const READ_SCOPE = 'IndustryData-OutboundFlow.Read.All';
/** Delegated: create, change, delete and reset flow sets and flows. */
export const READWRITE_SCOPE = 'IndustryData-OutboundFlow.ReadWrite.All';
/** Delegated: read role groups (the user flow's role-group choices). */
export const ROLE_GROUPS_SCOPE = 'IndustryData-ReferenceDefinition.Read.All';
/**
 * Delegated and application: read current and past sync runs and their statistics
 * (api-reference/beta/includes/permissions/industrydata-industrydatarun-list-permissions.md).
 */
export const RUN_READ_SCOPE = 'IndustryData-Run.Read.All';
/**
 * Delegated and application: start an on-demand run (and, as the higher permission, read
 * statistics; industrydata-industrydatarun-start-permissions.md).
 */
export const RUN_START_SCOPE = 'IndustryData-Run.Start';
/**
 * Delegated and application: the operations endpoint (industrydata-longrunningoperation-get.md).
 * The operation a run start points to is also readable with the run permissions in the emulator
 * (src/sandbox/emulator/README.md, "Runs: where the docs are silent").
 */
export const OPERATION_READ_SCOPE = 'IndustryData.ReadBasic.All';
