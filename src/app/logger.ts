import { pino, type DestinationStream, type Logger } from 'pino';
import { REDACTED_PATHS, requestSerializer } from '../observability/log-redaction.js';
import type { LogLevel } from './config.js';

/** JSON lines on stdout (or `destination`), credentials kept out (see log-redaction.ts). */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { req: requestSerializer },
    },
    destination,
  );
}
