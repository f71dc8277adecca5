#!/usr/bin/env node
/**
 * Prints a Graph bearer token from the running sandbox's identity provider, so you can call the
 * Graph emulator the way the bot does:
 *
 *   npm run -s token -- avery            # a sandbox user, by first name (case-insensitive)
 *   npm run -s token -- app              # the app itself (client credentials: roles, no scp)
 *   npm run -s token -- --list           # the sandbox users and what each one is for
 *   curl -H "Authorization: Bearer $(npm run -s token -- avery)" http://127.0.0.1:3979/...
 *
 * The token alone goes to stdout; everything else goes to stderr. It uses the IdP's loopback-only
 * routes GET /_sandbox/users and POST /_sandbox/token {user} (src/sandbox/idp/sandboxRoutes.ts).
 * The IdP port comes from IDP_PORT (default 3980).
 */
const port = Number(process.env.IDP_PORT || 3980);
const base = `http://127.0.0.1:${port}`;

const USAGE = `Usage: npm run -s token -- <first name | app>   (e.g. avery, app)
       npm run -s token -- --list`;

function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function call(path, init) {
  let res;
  try {
    res = await fetch(`${base}${path}`, init);
  } catch {
    fail(
      `The sandbox identity provider is not reachable at ${base}.\n` +
        'Start the sandbox first (npm start without BOT_ID), or set IDP_PORT if it uses another port.\n\n' +
        USAGE,
    );
  }
  const body = await res.json().catch(() => ({}));
  return { status: res.status, body };
}

async function listUsers() {
  const { status, body } = await call('/_sandbox/users');
  if (status !== 200 || !Array.isArray(body.users)) {
    fail(
      `Unexpected answer from ${base}/_sandbox/users (HTTP ${status}). Is this the sandbox IdP?`,
    );
  }
  return body.users;
}

function printList(users) {
  const width = Math.max(...users.map((u) => u.name.length));
  for (const u of users) {
    process.stdout.write(`${u.name.padEnd(width)}  ${u.upn}\n${' '.repeat(width)}  ${u.purpose}\n`);
  }
  process.stdout.write(`${'App'.padEnd(width)}  npm run -s token -- app (client credentials)\n`);
}

async function main() {
  const arg = (process.argv[2] || '').trim();
  if (!arg || arg === '--help' || arg === '-h') fail(USAGE, arg ? 0 : 2);
  const users = await listUsers();
  if (arg === '--list') return printList(users);

  let subject = 'app';
  if (arg.toLowerCase() !== 'app') {
    const user = users.find((u) => u.name.split(' ')[0].toLowerCase() === arg.toLowerCase());
    if (!user) {
      fail(
        `No sandbox user "${arg}". Known: ${users.map((u) => u.name.split(' ')[0].toLowerCase()).join(', ')}, app.`,
      );
    }
    subject = user.aadObjectId;
  }
  const { status, body } = await call('/_sandbox/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: subject }),
  });
  if (status !== 200) fail(body.message || `The IdP refused (HTTP ${status}).`);
  const who = body.subject === 'app' ? 'the app' : `${body.subject.name} <${body.subject.upn}>`;
  const grants = body.scope ? `scp: ${body.scope}` : `roles: ${(body.roles || []).join(' ')}`;
  process.stderr.write(`Graph token for ${who}; ${grants}; expires in ${body.expires_in}s\n`);
  process.stdout.write(`${body.access_token}\n`);
}

main().catch((err) => fail(`sandbox-token failed: ${err.message}`));
