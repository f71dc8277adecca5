/**
 * Teams file consent (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/bots-filesv4):
 * after the bot offered a file in a personal chat (a `file` reply, src/teams/replies.ts), Teams
 * sends `fileConsent/invoke` when the user accepts or declines. On Accept the value carries an
 * upload URL in the user's OneDrive: the file is built again as that user (src/commands/export.ts),
 * PUT there in one request, and a file card pointing at it is posted.
 *
 * The upload URL comes in an invoke: it is only used when it is https on SharePoint (OneDrive for
 * Business), or on this machine in sandbox mode, so the bot cannot be made to PUT anywhere else.
 */
import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AppServices } from '../bot/command';
import { EXPORT_FILE_KIND, exportFileFor } from '../commands/export';
import { FILE_INFO_TYPE } from './replies';
import type { TeamsSso } from './sso';
import { turnInfoOf } from './turnInfo';

export const FILE_CONSENT_INVOKE = 'fileConsent/invoke';
const UPLOAD_TIMEOUT_MS = 30_000;

const FileConsentValue = z.object({
  type: z.literal('fileUpload'),
  action: z.enum(['accept', 'decline']),
  context: z.object({ kind: z.literal(EXPORT_FILE_KIND), setId: z.string().min(1).max(128) }),
  uploadInfo: z
    .object({
      uploadUrl: z.string().max(4096),
      contentUrl: z.string().max(4096),
      name: z.string().max(256),
      uniqueId: z.string().max(256).optional(),
      fileType: z.string().max(32).optional(),
    })
    .optional(),
});

const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

/** https on *.sharepoint.com; in sandbox mode also http(s) on this machine. */
export function isAcceptableUploadUrl(value: string, sandbox: boolean): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (sandbox && LOOPBACK.test(url.hostname) && /^https?:$/.test(url.protocol)) return true;
  return url.protocol === 'https:' && url.hostname.endsWith('.sharepoint.com');
}

async function upload(uploadUrl: string, content: string): Promise<void> {
  const body = Buffer.from(content, 'utf8');
  const res = await fetch(uploadUrl, {
    method: 'PUT',
    headers: {
      'Content-Length': String(body.length),
      'Content-Range': `bytes 0-${body.length - 1}/${body.length}`,
    },
    body,
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  });
  // The answer's body is not needed; left unread it would keep the connection busy.
  await res.body?.cancel().catch(() => undefined);
  if (!res.ok) throw new Error(`upload answered ${res.status}`);
}

/** Handles the invoke; answers 200 (Teams expects it) or 400 for a value that is not ours. */
export async function onFileConsent(
  ctx: TurnContext,
  services: AppServices,
  sso?: TeamsSso,
): Promise<{ status: number }> {
  const parsed = FileConsentValue.safeParse(ctx.activity.value);
  if (!parsed.success) return { status: 400 };
  const { action, context, uploadInfo } = parsed.data;
  if (action === 'decline') {
    await ctx.sendActivity(MessageFactory.text('The file was not sent.'));
    return { status: 200 };
  }
  const sandbox = services.config.mode === 'sandbox';
  if (!uploadInfo || !isAcceptableUploadUrl(uploadInfo.uploadUrl, sandbox)) {
    services.logger.warn('file consent: upload URL refused', { activityId: ctx.activity.id });
    return { status: 400 };
  }
  try {
    const info = { ...turnInfoOf(ctx.activity), services };
    if (sso) info.ssoToken = await sso.ssoTokenForTurn(ctx);
    const file = await exportFileFor(info, context.setId);
    if (!file) {
      await ctx.sendActivity(MessageFactory.text('That flow set no longer exists: no file sent.'));
      return { status: 200 };
    }
    await upload(uploadInfo.uploadUrl, file.content);
    await ctx.sendActivity({
      type: ActivityTypes.Message,
      attachments: [
        {
          contentType: FILE_INFO_TYPE,
          contentUrl: uploadInfo.contentUrl,
          name: uploadInfo.name,
          content: { uniqueId: uploadInfo.uniqueId, fileType: uploadInfo.fileType },
        },
      ],
    });
  } catch (err) {
    services.logger.warn('file consent: upload failed', { error: err });
    await ctx.sendActivity(
      MessageFactory.text('The file could not be saved to your OneDrive. Try "export" again.'),
    );
  }
  return { status: 200 };
}
