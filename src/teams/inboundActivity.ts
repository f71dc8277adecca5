/**
 * The basic shape of an activity POSTed to /api/messages, checked before botbuilder sees it.
 * botbuilder trusts the body: a missing `type` or a non-string `serviceUrl` became a 500 with its
 * own message, and a missing `serviceUrl` made it fall back to api.botframework.com and wait 15 s.
 * Fields the bot does not read are left alone (loose objects).
 */
import { z } from 'zod';

const MAX_ID = 1024;

/** IPv4 127.0.0.0/8, `localhost` and IPv6 loopback; `URL` has already normalised the host. */
function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** An http(s) URL without credentials; in sandbox mode it must point at this machine. */
export function isAcceptableServiceUrl(value: string, sandbox: boolean): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  return !sandbox || isLoopback(url.hostname);
}

const channelAccount = z.looseObject({ id: z.string().max(MAX_ID) });

export function inboundActivitySchema(sandbox: boolean) {
  return z.looseObject({
    type: z.string().min(1).max(64),
    serviceUrl: z
      .string()
      .max(2048)
      .refine((v) => isAcceptableServiceUrl(v, sandbox)),
    channelId: z.string().min(1).max(64),
    conversation: z.looseObject({ id: z.string().min(1).max(MAX_ID) }),
    id: z.string().max(MAX_ID).optional(),
    name: z.string().max(256).optional(),
    text: z.string().nullish(),
    replyToId: z.string().max(MAX_ID).optional(),
    from: channelAccount.optional(),
    recipient: channelAccount.optional(),
  });
}

export type InboundActivity = z.infer<ReturnType<typeof inboundActivitySchema>>;

/** Which top-level fields were wrong (names only, never values): for the log line. */
export function invalidFields(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((i) => String(i.path[0] ?? '(body)')))];
}
