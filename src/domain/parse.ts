/** What parsing a command's arguments gives: the arguments, or a message saying what is wrong. */
export type ParseResult<A> =
  | { ok: true; args: A }
  /**
   * A usage mistake, answered with a usage card (never an error box). `choices` are buttons that
   * finish the command (a type picker when only the flow type is missing).
   */
  | { ok: false; error: string; choices?: UsageChoice[] };

/** A button on the usage card: its title and the whole command it runs. */
export interface UsageChoice {
  title: string;
  command: string;
}
