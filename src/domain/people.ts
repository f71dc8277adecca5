/** Who is acting and where: authorisation only ever looks at the Entra object id. */
export interface UserRef {
  /** Entra object id: the only thing authorisation ever looks at. */
  aadObjectId: string;
  name: string;
}

export interface ConversationRef {
  id: string;
  type: 'personal' | 'groupChat' | 'channel';
  tenantId?: string;
  /** The channel's name (Teams leaves it out for General) or the group chat's topic, when given. */
  name?: string;
  /** The team's name, for a channel. */
  teamName?: string;
}
