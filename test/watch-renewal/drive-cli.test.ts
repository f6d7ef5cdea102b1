import { afterEach, describe, expect, test } from 'vitest';
import { driveSetup, driveWatch } from '../../src/cli/drive.ts';
import { envSchema } from '../../src/config/env.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { createDrainRig, type DrainRig } from '../processor/drain-harness.ts';

let rig: DrainRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

const driveEnv = (extra: Record<string, string> = {}) =>
  envSchema.parse({ SOURCE: 'drive', DRIVE_INBOX_FOLDER_ID: 'inbox', ...extra });

describe('facturas drive setup / watch', () => {
  test('setup prints the folder ids in Spanish', async () => {
    rig = createDrainRig();
    const lines: string[] = [];
    const code = await driveSetup({ source: rig.drive.source, env: driveEnv() }, (l) => lines.push(l));
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/Correctivas\s+f-c/);
    expect(lines.join('\n')).toMatch(/Revisión\s+f-r/);
  });

  test('watch refuses without WEBHOOK_URL/CHANNEL_TOKEN, then starts one channel and keeps it', async () => {
    rig = createDrainRig();
    const services = { feed: rig.drive.feed, state: rig.state, logger: silentLogger };
    const lines: string[] = [];
    expect(await driveWatch({ ...services, env: driveEnv() }, {}, (l) => lines.push(l))).toBe(1);
    expect(rig.drive.channels).toHaveLength(0);
    const env = driveEnv({
      WEBHOOK_URL: 'https://f.example.com/drive/notifications',
      CHANNEL_TOKEN: 'x'.repeat(20),
    });
    expect(await driveWatch({ ...services, env }, {}, (l) => lines.push(l))).toBe(0);
    expect(lines.some((l) => l.startsWith('Canal de notificaciones creado'))).toBe(true);
    expect(await driveWatch({ ...services, env }, {}, (l) => lines.push(l))).toBe(0);
    expect(rig.drive.channels).toHaveLength(1);
    expect(await rig.state.listChannels()).toHaveLength(1);
  });
});
