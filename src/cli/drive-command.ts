import { createServices } from '../composition-root.ts';
import type { Env } from '../config/env.ts';
import type { Logger } from '../shared/logger.ts';
import { driveSetup, driveWatch } from './drive.ts';

/** `facturas drive setup | watch [--force]`. */
export async function driveCommand(
  env: Env,
  logger: Logger,
  sub: string | undefined,
  force = false,
): Promise<number> {
  if (sub !== 'setup' && sub !== 'watch') {
    process.stderr.write('uso: facturas drive setup | facturas drive watch\n');
    return 1;
  }
  if (env.SOURCE !== 'drive') {
    process.stderr.write('Configure SOURCE=drive y DRIVE_INBOX_FOLDER_ID para usar los comandos de Drive.\n');
    return 1;
  }
  const services = await createServices(env, { logger });
  try {
    return sub === 'setup' ? await driveSetup(services) : await driveWatch(services, { force });
  } finally {
    await services.close();
  }
}
