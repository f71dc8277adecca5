/**
 * `export` as a file in a personal chat (Teams file consent, src/teams/fileConsent.ts): the offer,
 * Accept → the document PUT to the upload URL Teams gave and a file card posted, Decline, an
 * upload URL that is not allowed, and no offer in a channel (bots send files in personal chats only).
 * And `import` from a file sent to the bot (src/teams/fileImport.ts).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseConfigDocument } from '../../src/domain/configImport';
import { SEED_IDS } from '../../src/sandbox/emulator';
import { useTestBot } from '../support/testBot';
import { AVERY, from } from '../changes/support';

const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

interface Upload {
  method?: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe('export as a file (component)', () => {
  const bot = useTestBot();
  let server: Server;
  let uploads: Upload[] = [];
  let uploadUrl = '';
  /** What GET on the loopback server answers: a file sent to the bot. */
  let served = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.method === 'GET') {
        res.statusCode = served ? 200 : 404;
        res.end(served);
        return;
      }
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        uploads.push({ method: req.method, headers: req.headers, body });
        res.statusCode = 201;
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    uploadUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload/session-1`;
  });
  // The bot's upload and download go through the global fetch, whose pool keeps the connection
  // alive for seconds: close it from this side, or it holds the jest worker open after the run.
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => (uploads = []));

  /** Attachments the bot posted while `fn` ran. */
  async function attachmentsDuring(fn: () => Promise<unknown>) {
    const before = bot.connector.calls.length;
    await fn();
    return bot.connector.calls
      .slice(before)
      .filter((c) => c.method === 'POST')
      .flatMap((c) => c.activity?.attachments ?? []);
  }
  const say = (text: string, where = 'message-personal') =>
    bot.send(bot.activity(where, { text, ...from(AVERY) }));
  const consent = async (action: 'accept' | 'decline', context: unknown, url = uploadUrl) => {
    const activity = bot.activity('invoke-action', { ...from(AVERY), name: 'fileConsent/invoke' });
    activity.value = {
      type: 'fileUpload',
      action,
      context,
      uploadInfo: {
        name: 'Northwind High School.flowset.json',
        uploadUrl: url,
        contentUrl: 'https://contoso-my.sharepoint.com/personal/avery/Documents/x.json',
        uniqueId: 'file-1',
        fileType: 'json',
      },
    };
    return bot.send(activity);
  };

  it('when a set is exported in a personal chat, then the file is offered and, on Accept, uploaded and shown as a file card', async () => {
    const offered = await attachmentsDuring(() => say(`export ${SEED_IDS.northwind}`));
    const offer = offered.find((a) => a.contentType === CONSENT);
    expect(offer.name).toBe('Northwind High School.flowset.json');
    expect(offer.content.sizeInBytes).toBeGreaterThan(100);
    expect(offer.content.acceptContext).toEqual({
      kind: 'flowset-export',
      setId: SEED_IDS.northwind,
    });

    let status = 0;
    const posted = await attachmentsDuring(
      async () => (status = (await consent('accept', offer.content.acceptContext)).status),
    );
    expect(status).toBe(200);
    expect(uploads).toHaveLength(1);
    const [upload] = uploads;
    expect(upload!.method).toBe('PUT');
    const size = Buffer.byteLength(upload!.body, 'utf8');
    expect(upload!.headers['content-range']).toBe(`bytes 0-${size - 1}/${size}`);
    const parsed = parseConfigDocument(upload!.body);
    expect(parsed.ok && parsed.document.flowSet.displayName).toBe('Northwind High School');
    expect(upload!.body).not.toMatch(/password"\s*:\s*"(?!\(password required\))/);
    expect(posted).toEqual([
      expect.objectContaining({
        contentType: FILE_INFO,
        contentUrl: 'https://contoso-my.sharepoint.com/personal/avery/Documents/x.json',
        content: { uniqueId: 'file-1', fileType: 'json' },
      }),
    ]);
  });

  it('when the offer is declined, then nothing is uploaded and the bot says so', async () => {
    const context = { kind: 'flowset-export', setId: SEED_IDS.northwind };
    const before = bot.connector.calls.length;
    expect((await consent('decline', context)).status).toBe(200);
    expect(uploads).toEqual([]);
    const texts = bot.connector.calls.slice(before).map((c) => c.activity?.text);
    expect(texts).toContain('The file was not sent.');
  });

  it.each([
    ['another host', 'https://attacker.example/upload'],
    ['plain http on SharePoint', 'http://contoso-my.sharepoint.com/upload'],
    ['a look-alike host', 'https://sharepoint.com.attacker.example/upload'],
  ])('when the upload URL is %s, then it is refused and nothing is sent', async (_what, url) => {
    const context = { kind: 'flowset-export', setId: SEED_IDS.northwind };
    expect((await consent('accept', context, url)).status).toBe(400);
    expect(uploads).toEqual([]);
  });

  it('when a set is exported in a channel, then no file is offered and the card holds the JSON', async () => {
    const sent = await attachmentsDuring(() =>
      say(`export ${SEED_IDS.northwind}`, 'message-channel'),
    );
    expect(sent.map((a) => a.contentType)).toEqual(['application/vnd.microsoft.card.adaptive']);
    expect(JSON.stringify(sent[0].content)).toContain('"type":"CodeBlock"');
  });

  describe('import from a sent file', () => {
    const sendFile = async (url: string, text = '') => {
      const activity = bot.activity('message-personal', {
        text,
        ...from(AVERY),
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'Lakeside.flowset.json',
            contentUrl: 'https://contoso-my.sharepoint.com/personal/avery/Documents/Lakeside.json',
            content: { downloadUrl: url, uniqueId: 'file-2', fileType: 'json' },
          },
        ],
      });
      const before = bot.connector.calls.length;
      expect((await bot.send(activity)).status).toBe(200);
      return bot.connector.calls.slice(before).filter((c) => c.method === 'POST');
    };

    it('when an exported document is sent as a file, then it is imported like pasted text', async () => {
      const exported = await attachmentsDuring(() =>
        say(`export ${SEED_IDS.northwind}`, 'message-channel'),
      );
      const block = exported[0].content.body.find((e: { type: string }) => e.type === 'CodeBlock');
      served = String(block.codeSnippet).replace('Northwind High School', 'Lakeside Academy');
      const posted = await sendFile(
        `${uploadUrl.replace('/upload/', '/download/')}.json`,
        'import',
      );
      const shown = JSON.stringify(posted.map((c) => c.activity));
      expect(shown).toContain('a new flow set');
      expect(shown).toContain('Lakeside Academy');
    });

    it.each([
      ['not in OneDrive', 'https://attacker.example/x.json', 'not in OneDrive'],
      ['too large', 'LOCAL', 'not a document the bot can import'],
    ])('when the file is %s, then the bot says it cannot import it', async (_what, url, said) => {
      served = `{"a": "${'x'.repeat(100_000)}"}`;
      const posted = await sendFile(url === 'LOCAL' ? `${uploadUrl}/big.json` : url);
      expect(posted.map((c) => c.activity?.text).join('\n')).toContain(said);
    });
  });
});
