/**
 * `import` from a file sent to the bot in a personal chat
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/bots-filesv4#receive-files-in-personal-chat):
 * Teams uploads it to the sender's OneDrive and the message carries a short-lived download URL.
 * A message whose text is empty or "import" and that holds one such file becomes
 * `import {file content}`, read through the same checks as pasted text (src/commands/import.ts).
 *
 * The download URL arrives in the message: it is fetched only when it is https on SharePoint (or on
 * this machine in sandbox mode), with a timeout and a size cap, so a message cannot make the bot
 * read elsewhere or hold it with a huge file.
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { MAX_DOCUMENT_CHARS } from '../domain/configText';
import { isAcceptableUploadUrl } from './fileConsent';

export const FILE_DOWNLOAD_TYPE = 'application/vnd.microsoft.teams.file.download.info';
const DOWNLOAD_TIMEOUT_MS = 15_000;
/** UTF-8 bytes read at most: room for any document import accepts, and no more. */
const MAX_FILE_BYTES = MAX_DOCUMENT_CHARS * 4;

const FileAttachment = z.looseObject({
  contentType: z.literal(FILE_DOWNLOAD_TYPE),
  name: z.string().max(256).optional(),
  content: z.looseObject({ downloadUrl: z.string().max(4096) }),
});

export type FileCommand = { text: string } | { refused: string } | undefined;

/** The one file of a personal message whose text is empty or "import", if any. */
function sentFile(activity: Activity, text: string): z.infer<typeof FileAttachment> | undefined {
  if (activity.conversation?.conversationType !== 'personal') return undefined;
  if (text && text.toLowerCase() !== 'import') return undefined;
  const files = (activity.attachments ?? []).filter((a) => a.contentType === FILE_DOWNLOAD_TYPE);
  if (files.length !== 1) return undefined;
  const parsed = FileAttachment.safeParse(files[0]);
  return parsed.success ? parsed.data : undefined;
}

async function download(url: string): Promise<string | undefined> {
  const res = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!res.body) return undefined;
  if (!res.ok || Number(res.headers.get('content-length') ?? 0) > MAX_FILE_BYTES) {
    // An unread body keeps its connection busy (and the process alive) until it is collected.
    await res.body.cancel().catch(() => undefined);
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > MAX_FILE_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The command a sent file stands for (`import …`), a reason it cannot be read, or undefined when
 * the message is not a file import (it then runs as typed).
 */
export async function fileCommandOf(
  activity: Activity,
  text: string,
  sandbox: boolean,
): Promise<FileCommand> {
  const file = sentFile(activity, text);
  if (!file) return undefined;
  const tooBig = `That file is not a document the bot can import (at most ${MAX_DOCUMENT_CHARS.toLocaleString('en-US')} characters of JSON, exported with "export").`;
  if (!isAcceptableUploadUrl(file.content.downloadUrl, sandbox))
    return { refused: 'That file cannot be read: it is not in OneDrive.' };
  try {
    const content = await download(file.content.downloadUrl);
    return content === undefined ? { refused: tooBig } : { text: `import ${content}` };
  } catch {
    return {
      refused:
        'That file could not be downloaded. Send it again, or paste its text after "import".',
    };
  }
}
