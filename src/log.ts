/**
 * Structured JSON-lines logger. Every line is one JSON object on stdout (or the sink given),
 * with secrets redacted before anything is written: a token or password must never reach a log.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

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

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /token|secret|password|assertion|authorization|client_assertion|cookie/i;
// JWTs (three base64url parts) and bearer headers, wherever they hide inside strings.
const JWT_PATTERN = /eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g;
const BEARER_PATTERN = /Bearer\s+[\w.~+/=-]+/gi;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') {
    return value
      .replace(JWT_PATTERN, '[redacted-jwt]')
      .replace(BEARER_PATTERN, 'Bearer [redacted]');
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

export type LogSink = (line: string) => void;

export function createLogger(
  options: { level?: LogLevel; sink?: LogSink; fields?: LogFields } = {},
): Logger {
  const min = LEVELS[options.level ?? 'info'];
  const sink: LogSink = options.sink ?? ((line) => process.stdout.write(line + '\n'));
  const base = options.fields ?? {};
  const write = (level: LogLevel, msg: string, fields?: LogFields): void => {
    if (LEVELS[level] < min) return;
    const entry = redact({ time: new Date().toISOString(), level, msg, ...base, ...fields });
    sink(JSON.stringify(entry));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
    enabled: (level) => LEVELS[level] >= min,
  };
}

/** A logger that keeps its lines in memory, for tests that scan what was logged. */
export function createMemoryLogger(level: LogLevel = 'debug'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger({ level, sink: (l) => lines.push(l) }), lines };
}
