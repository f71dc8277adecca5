/**
 * Turns zod issues into a Graph 400 whose message names the property and says why, e.g.
 * "The property 'configuration.additionalOptions.createTeam' must be a boolean (true or false),
 * but the request has the string \"yes\"." Every issue is also listed in `error.details` with
 * its property path as `target`, so a client can map problems to form fields.
 */
import type { z } from 'zod';
import { formatPath } from './bodyBinding';
import { badRequest, type ErrorDetail, type GraphError } from './graphErrors';

type Issue = z.core.$ZodIssue & { input?: unknown };

const EXPECTED: Record<string, string> = {
  boolean: 'a boolean (true or false)',
  string: 'a string',
  array: 'an array',
  object: 'a JSON object',
  number: 'a number',
};

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 60))}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function isZodDefaultMessage(message: string): boolean {
  return message.startsWith('Invalid input') || message.startsWith('Invalid option');
}

export function describeIssue(issue: Issue): string {
  if (issue.path.length === 0) return 'The request body must be a JSON object.';
  const subject = `The property '${formatPath(issue.path as Array<string | number>)}'`;
  const zodWording = isZodDefaultMessage(issue.message);
  const typeOrValue = issue.code === 'invalid_type' || issue.code === 'invalid_value';
  if (typeOrValue && zodWording && issue.input === undefined) return `${subject} is required.`;
  if (issue.code === 'invalid_type' && zodWording) {
    if (issue.input === null) return `${subject} cannot be null.`;
    const expected = EXPECTED[issue.expected] ?? issue.expected;
    return `${subject} must be ${expected}, but the request has ${describeValue(issue.input)}.`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `${subject} has properties its type does not define: ${issue.keys.join(', ')}.`;
  }
  if (zodWording) return `${subject} is not valid (${issue.message}).`;
  return `${subject} ${issue.message}.`;
}

export function issuesToError(issues: readonly z.core.$ZodIssue[]): GraphError {
  const messages = issues.map((issue) => describeIssue(issue as Issue));
  const details: ErrorDetail[] = issues.map((issue, i) => ({
    code: messages[i]?.endsWith(' is required.') ? 'missingProperty' : 'invalidValue',
    message: messages[i] ?? '',
    target: formatPath(issue.path as Array<string | number>),
  }));
  const shown = messages.slice(0, 3).join(' ');
  const more = messages.length > 3 ? ` (${messages.length - 3} more in details)` : '';
  return badRequest(`Invalid request body. ${shown}${more}`, details);
}
