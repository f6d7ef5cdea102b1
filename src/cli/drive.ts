import type { Services } from '../composition-root.ts';
import { FOLDER_NAMES, TARGET_FOLDERS } from '../ports/source.ts';
import { renewalSettings } from '../server/routes.ts';
import { renewChannel } from '../watch-renewal/renew-channel.ts';

type Print = (line: string) => void;
const stdout: Print = (line) => process.stdout.write(`${line}\n`);

/** `facturas drive setup`: creates the class folders under the configured root when missing and prints ids. */
export async function driveSetup(
  services: Pick<Services, 'source' | 'env'>,
  print: Print = stdout,
): Promise<number> {
  if (services.source.kind !== 'drive') {
    print('SOURCE no es "drive": configure SOURCE=drive y DRIVE_INBOX_FOLDER_ID antes de usar este comando.');
    return 1;
  }
  const ids = await services.source.ensureFolders();
  print('Carpetas de Google Drive listas:');
  print(`  Bandeja de entrada: ${ids.inbox}`);
  for (const folder of TARGET_FOLDERS) print(`  ${FOLDER_NAMES[folder].padEnd(18)} ${ids[folder]}`);
  print('');
  print('Comparta la bandeja con la cuenta de servicio del servicio y luego ejecute: facturas drive watch');
  return 0;
}

/**
 * `facturas drive watch`: starts the first push channel (or replaces the current one with --force) from the
 * saved page token, so that the first notification drains from where the service will start.
 */
export async function driveWatch(
  services: Pick<Services, 'feed' | 'state' | 'env' | 'logger'>,
  options: { force?: boolean } = {},
  print: Print = stdout,
): Promise<number> {
  if (!services.feed) {
    print('SOURCE no es "drive": no hay canal de notificaciones que iniciar.');
    return 1;
  }
  const settings = renewalSettings(services.env);
  if (!settings) {
    print('Faltan WEBHOOK_URL (https://…/drive/notifications) y/o CHANNEL_TOKEN (16+ caracteres).');
    return 1;
  }
  const summary = await renewChannel({
    feed: services.feed,
    state: services.state,
    logger: services.logger,
    settings,
    force: options.force,
  });
  const verb = { created: 'creado', renewed: 'renovado', kept: 'vigente (sin cambios)' }[summary.action];
  print(`Canal de notificaciones ${verb}: ${summary.channelId}`);
  print(`  Dirección: ${settings.address}`);
  print(`  Vence:     ${summary.expiresAt}`);
  if (summary.stopped.length > 0) print(`  Canales detenidos: ${summary.stopped.join(', ')}`);
  print('La tarea horaria (POST /tasks/hourly) lo renovará antes de que venza.');
  return 0;
}
