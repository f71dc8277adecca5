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
}
