/**
 * `npm run eval -- <carpeta> [--json]`: runs the service's document pipeline over a generated corpus and
 * scores it against the truth files beside each PDF. A development tool: it is not part of the image.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadEnv } from '../../src/config/env.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { evalCommand } from './eval-command.ts';

const USAGE = 'Uso: npm run eval -- <carpeta> [--json]';

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`eval necesita una carpeta\n\n${USAGE}\n`);
    return 1;
  }
  const env = loadEnv();
  // Logs go to stderr, quietly by default, so that stdout carries only the report.
  const logger = createLogger({ level: process.env.LOG_LEVEL ? env.LOG_LEVEL : 'WARNING' });
  return evalCommand(env, logger, positionals[0]!, values.json);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
