import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import pino, { type DestinationStream, type LoggerOptions as PinoOptions } from 'pino';
import { REDACTED, redactPaths } from './redact-paths.ts';

/**
 * Structured logs on pino. In production (stderr not a terminal, or pino-pretty not installed) one JSON
 * object per line in Cloud Logging's format: `severity`, `message`, `time`, and whatever fields the call
 * passes (request logs add `logging.googleapis.com/trace` when Google's front end sent a trace context).
 * On a terminal, with the dev dependency pino-pretty present, readable lines with Spanish level names.
 * Secrets are redacted by path (see redact-paths.ts); still, never pass secrets in fields on purpose.
 */
export type Severity = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: Severity;
  /** Where JSON lines go (one call per line, no newline); defaults to stderr so that `--json` output on stdout stays clean. */
  write?: (line: string) => void;
  base?: Record<string, unknown>;
  /** Human-readable lines; by default when logs go to a terminal and pino-pretty is installed. */
  pretty?: boolean;
}

const PINO_LEVEL: Record<Severity, pino.Level> = {
  DEBUG: 'debug',
  INFO: 'info',
  WARNING: 'warn',
  ERROR: 'error',
};

/** Cloud Logging's LogSeverity for each pino level. */
export const SEVERITY: Record<pino.Level, string> = {
  trace: 'DEBUG',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARNING',
  error: 'ERROR',
  fatal: 'CRITICAL',
};

/** Level names a person reads on a terminal. */
const PRETTY_LABEL: Record<string, string> = {
  TRACE: 'TRAZA',
  DEBUG: 'DEPURACIÓN',
  INFO: 'INFO',
  WARN: 'AVISO',
  ERROR: 'ERROR',
  FATAL: 'FATAL',
};

export function createLogger(options: LoggerOptions = {}): Logger {
  const pretty = options.pretty ?? (!options.write && process.stderr.isTTY === true);
  const sink = options.write ? lineSink(options.write) : null;
  const prettyStream = pretty ? loadPrettyStream(sink) : null;
  const pinoOptions: PinoOptions = {
    level: PINO_LEVEL[options.level ?? 'INFO'],
    messageKey: 'message',
    base: options.base ?? {},
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths(), censor: REDACTED },
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    // pino-pretty reads the numeric level; Cloud Logging reads `severity`.
    formatters: prettyStream
      ? {}
      : { level: (label) => ({ severity: SEVERITY[label as pino.Level] ?? 'DEFAULT' }) },
  };
  const destination: DestinationStream =
    prettyStream ?? sink ?? pino.destination({ dest: process.stderr.fd, sync: true });
  return wrap(pino(pinoOptions, destination));
}

function wrap(logger: pino.Logger): Logger {
  const at =
    (level: pino.Level) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (fields) logger[level](fields, message);
      else logger[level](message);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => wrap(logger.child(fields)),
  };
}

/** Hands each line, without its newline, to `write`. */
function lineSink(write: (line: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) write(line);
      done();
    },
  });
}

/** pino-pretty is a dev dependency: absent from the production image, where logs stay JSON. */
function loadPrettyStream(sink: Writable | null): DestinationStream | null {
  try {
    const require = createRequire(import.meta.url);
    const pinoPretty = require('pino-pretty') as (options: Record<string, unknown>) => DestinationStream;
    return pinoPretty({
      destination: sink ?? 2,
      sync: true,
      messageKey: 'message',
      customPrettifiers: {
        level: (
          _value: unknown,
          _key: string,
          _log: unknown,
          extras: { label: string; labelColorized: string },
        ) => extras.labelColorized.replace(extras.label, PRETTY_LABEL[extras.label] ?? extras.label),
      },
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,service',
      singleLine: true,
    });
  } catch {
    return null;
  }
}

export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};
