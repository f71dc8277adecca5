/**
 * Times shown in the reader's own time zone. Teams renders Adaptive Cards' `{{DATE(…)}}` and
 * `{{TIME(…)}}` per user, but only in TextBlock text (not in FactSet values), and the macro must
 * be written in the template: a view-model string is markdown-escaped (src/views/render.ts).
 * So a view-model carries the words around the time and the time itself (cardTimestamp), and
 * the template writes `${before}{{DATE(${at}, SHORT)}} {{TIME(${at})}}${after}`.
 */
import { cardTimestamp, formatTime, type TimePrecision } from '../domain/time';

export interface LocalTime {
  /** Words before the time, e.g. "by Avery Admin, ". */
  before: string;
  /** RFC 3339 UTC time for the macros; '' when the time is missing or unreadable. */
  at: string;
  /** Words after the time, e.g. " (3 sent recently)". */
  after: string;
}

/** A time with the words around it; a missing time becomes text ("—", "an unknown time"). */
export function localTime(
  before: string,
  iso: string | null | undefined,
  after = '',
  precision: TimePrecision = 'minute',
): LocalTime {
  const at = cardTimestamp(iso);
  return at
    ? { before, at, after }
    : { before: `${before}${formatTime(iso, precision)}${after}`, at: '', after: '' };
}

/** A labelled time row (a fact whose value holds a time). */
export interface TimeFact extends LocalTime {
  title: string;
}

export const timeFact = (
  title: string,
  before: string,
  iso: string | null | undefined,
  after = '',
): TimeFact => ({ title, ...localTime(before, iso, after) });
