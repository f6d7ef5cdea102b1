import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { modelCommand } from '../../src/cli/model-command.ts';
import { createModelStore, createState } from '../../src/composition-root.ts';
import { loadEnv } from '../../src/config/env.ts';
import { currentModelVersion, pointAt } from '../../src/model-store/pointer.ts';
import { silentLogger } from '../../src/shared/logger.ts';

const roots: string[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(roots.splice(0).map((r) => rm(r, { recursive: true, force: true })));
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
  return { out, err };
}

describe('facturas model rollback', () => {
  it('moves the shared pointer back one version, then says in Spanish there is nothing earlier', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'rollback-'));
    roots.push(root);
    const env = loadEnv({ DATA_DIR: root });
    const store = await createModelStore(env, silentLogger);
    const state = await createState(env);
    for (const version of ['2026.1.1', '2026.1.2']) {
      await store.put(version, { onnx: Buffer.from(`graph ${version}`), manifest: Buffer.from('{}') });
      await pointAt(state, version);
    }
    await state.close();

    const { out, err } = capture();
    expect(await modelCommand(env, silentLogger, ['rollback'])).toBe(0);
    expect(out.join('')).toContain('Modelo vigente: 2026.1.1 (antes 2026.1.2)');
    expect(await modelCommand(env, silentLogger, ['rollback'])).toBe(1);
    expect(err.join('')).toContain('No hay una versión anterior a 2026.1.1');
    expect(await modelCommand(env, silentLogger, ['rollback', '2026.9.9'])).toBe(1);
    expect(err.join('')).toContain('La versión 2026.9.9 no está en el almacén de modelos');
    expect(await modelCommand(env, silentLogger, ['rollback', '2026.1.2'])).toBe(0);
    expect(await modelCommand(env, silentLogger, ['list'])).toBe(0);
    expect(out.join('')).toMatch(/\* 2026\.1\.2/);

    const after = await createState(env);
    expect(await currentModelVersion(after)).toBe('2026.1.2');
    await after.close();
  });
});
