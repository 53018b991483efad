/**
 * A small structured logger that never writes secrets: values under keys that look like
 * credentials are replaced, and bearer tokens inside strings are masked, at any depth.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export interface Logger {
  debug(message: string, details?: unknown): void;
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
}
export type LogSink = (line: string) => void;

const SECRET_KEY = /pass(word|wd)?|secret|token|authorization|api[-_]?key|credential|cookie/i;
const BEARER = /(bearer\s+)[^\s"']+/gi;
export const REDACTED = '[redacted]';

const MAX_DEPTH = 8;

export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return value.replace(BEARER, `$1${REDACTED}`);
  if (value === null || typeof value !== 'object') return value;
  // Past the depth limit or on a cycle nothing of the original is written, so nothing can leak.
  if (depth > MAX_DEPTH) return '[truncated]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) {
    // The stack repeats the message, so it is masked the same way.
    return { name: value.name, message: redact(value.message), stack: redact(value.stack) };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : redact(inner, depth + 1, seen);
  }
  return out;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(options: { sink?: LogSink; level?: LogLevel } = {}): Logger {
  const sink = options.sink ?? ((line: string) => process.stderr.write(line + '\n'));
  const threshold = ORDER[options.level ?? 'info'];
  const write = (level: LogLevel, message: string, details?: unknown) => {
    if (ORDER[level] < threshold) return;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      message: redact(message),
    };
    if (details !== undefined) entry.details = redact(details);
    sink(JSON.stringify(entry));
  };
  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}

/** For tests and quiet CLI runs. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
