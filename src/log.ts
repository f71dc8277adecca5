/**
 * Structured logger on pino (https://getpino.io). Every line is one JSON object (`time`, `level` as a
 * word, `msg`, then the fields), written synchronously so a crash loses nothing. Secrets are
 * redacted twice before anything is written: `redact()` below walks every field and message
 * (secret-named keys, and JWTs or bearer headers hidden inside strings, which pino's path-based
 * `redact` cannot see), and pino's own `redact` paths catch secret keys again at serialisation.
 * A token or password must never reach a log. With `format: 'pretty'` lines go through
 * pino-pretty (readable in a terminal, `npm start` in sandbox mode).
 */
import { trace } from '@opentelemetry/api';
import pino from 'pino';
import type PinoPretty from 'pino-pretty';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;
export type LogFormat = 'json' | 'pretty';

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
  /**
   * Whether a line at `level` would be written, so a hot path can skip building its fields.
   * Optional: a logger without it is treated as writing every level (see `logs`).
   */
  enabled?(level: LogLevel): boolean;
}

/** True when `logger` writes lines at `level`: check it before building an expensive line. */
export function logs(logger: Logger | undefined, level: LogLevel): logger is Logger {
  if (!logger) return false;
  return logger.enabled ? logger.enabled(level) : true;
}

const SECRET_KEY = /token|secret|password|assertion|authorization|client_assertion|cookie/i;
// JWTs (three base64url parts) and bearer headers, wherever they hide inside strings.
const JWT_PATTERN = /eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g;
const BEARER_PATTERN = /Bearer\s+[\w.~+/=-]+/gi;
// A secret quoted inside a string: a form body (`client_secret=…&assertion=…`) or a JSON text
// (`"password":"…"`), e.g. in an error message that echoes a request.
const SECRET_WORD = '[\\w-]{0,40}(?:token|secret|password|assertion)[\\w-]{0,40}'; // bounded: no backtracking blow-up
const FORM_SECRET = new RegExp(`\\b(${SECRET_WORD})=[^&\\s"']+`, 'gi');
const JSON_SECRET = new RegExp(`("${SECRET_WORD}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');
/** pino's own redaction, by path, as a second net under `redact()` (same key names). */
const SECRET_PATHS = [
  'token',
  'password',
  'secret',
  'assertion',
  'authorization',
  'cookie',
  'clientSecret',
  'client_secret',
  'client_assertion',
  'accessToken',
  'access_token',
  'refreshToken',
  'idToken',
  'ssoToken',
  'headers.authorization',
  'headers.Authorization',
  'headers.cookie',
].flatMap((p) => [p, `*.${p}`]);

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') {
    return value
      .replace(JWT_PATTERN, '[redacted-jwt]')
      .replace(BEARER_PATTERN, 'Bearer [redacted]')
      .replace(FORM_SECRET, '$1=[redacted]')
      .replace(JSON_SECRET, '$1"[redacted]"');
  }
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redact(value.message, depth + 1),
      code: (value as { code?: unknown }).code,
    };
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] =
        SECRET_KEY.test(k) && v !== undefined && v !== null ? '[redacted]' : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}

/** The ids of the active OpenTelemetry span, so a log line can be found from its trace. */
function traceIds(): LogFields {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId, traceFlags } = span.spanContext();
  return traceFlags & 1 ? { trace_id: traceId, span_id: spanId } : {};
}

export type LogSink = (line: string) => void;

/**
 * Where lines go: the sink, or stdout written synchronously (no line lost in a crash, and a
 * parent process sees each line at once). Pretty lines are formatted in the same call.
 */
function destinationOf(options: { sink?: LogSink; format?: LogFormat }): pino.DestinationStream {
  const sink = options.sink;
  const out: pino.DestinationStream = sink
    ? { write: (line: string) => sink(line.endsWith('\n') ? line.slice(0, -1) : line) }
    : pino.destination({ dest: 1, sync: true });
  if (options.format !== 'pretty') return out;
  // Loaded only for a terminal: production (JSON) never pays for it at start or in memory.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { isColorSupported, prettyFactory } = require('pino-pretty') as typeof PinoPretty;
  const prettify = prettyFactory({
    colorize: !sink && isColorSupported,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'trace_id,span_id,instance', // one instance in a terminal: its name is noise
  });
  return { write: (line: string) => out.write(prettify(line)) };
}

function wrap(p: pino.Logger): Logger {
  const write = (level: LogLevel, msg: string, fields?: LogFields): void => {
    if (!p.isLevelEnabled(level)) return;
    p[level](fields ? (redact(fields) as object) : {}, redact(msg) as string);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => wrap(p.child(redact(fields) as pino.Bindings)),
    enabled: (level) => p.isLevelEnabled(level),
  };
}

export function createLogger(
  options: { level?: LogLevel; sink?: LogSink; fields?: LogFields; format?: LogFormat } = {},
): Logger {
  const p = pino(
    {
      level: options.level ?? 'info',
      base: undefined, // no pid/hostname: the platform adds its own
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // `redact()` has already turned errors into { name, message, code }: keep that shape.
      serializers: { err: (value: unknown) => value },
      redact: { paths: SECRET_PATHS, censor: '[redacted]' },
      mixin: traceIds,
    },
    destinationOf(options),
  );
  return wrap(options.fields ? p.child(redact(options.fields) as pino.Bindings) : p);
}

/** A logger that keeps its lines in memory, for tests that scan what was logged. */
export function createMemoryLogger(level: LogLevel = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger({ level, sink: (l) => lines.push(l) }), lines };
}
