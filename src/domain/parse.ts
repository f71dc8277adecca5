/** What parsing a command's arguments gives: the arguments, or a message saying what is wrong. */
export type ParseResult<A> = { ok: true; args: A } | { ok: false; error: string };
