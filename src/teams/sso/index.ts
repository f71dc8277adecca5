/** Teams SSO (SSO_MODE=teams): see teamsSso.ts. */
export { createTeamsSso, SIGNIN_INVOKES, type TeamsSso, type TeamsSsoOptions } from './teamsSso';
export { SsoTokenRefusedError } from './turnToken';
export type { ResumeCommand } from './types';
export { oauthCardAttachment, loginRequest, type SignInSettings } from './signInCards';
