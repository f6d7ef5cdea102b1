import { sleep, waitUntil } from './cluster.ts';
import { startProxy } from './proxy.ts';
import { allSettled, exactlyOnce, type Scenario, seconds, withScene } from './scenarios.ts';
import { callHourly, census, describeCensus } from './world.ts';

/** Drive refuses the saved page token (410): a fresh token, a full inbox sweep, and the feed works again. */
export const token: Scenario = (world) =>
  withScene(world, 'token', { instances: 1 }, async (scene) => {
    const began = Date.now();
    const [instance] = scene.instances;
    world.fake.push.policy = () => 'drop';
    scene.upload(10);
    await callHourly(world, instance!);
    const before = await scene.state.getPageToken();
    world.fake.faults.set('changes.list', { schedule: [410] });
    scene.upload(10);
    const hourly = await callHourly(world, instance!);
    const after = await scene.state.getPageToken();
    const refused = world.fake.requests.filter((r) => r.method === 'changes.list' && r.status === 410).length;
    // The feed is alive again: pushes deliver and a drain picks up new files without any sweep.
    world.fake.push.policy = () => undefined;
    scene.upload(5);
    await allSettled(world, scene, 25, 60_000);
    const c = await census(world, scene);
    return {
      ok: exactlyOnce(c, 25) && hourly.status === 200 && refused === 1 && after !== before,
      line: `changes.list answered 410 ${refused}×, hourly ${hourly.status}, token ${before} → ${after}, ${describeCensus(c)}, ${seconds(began)}`,
    };
  });

/** PostgreSQL unreachable for ~20 s (a proxy cut) while files arrive and six sweeps run; then it is back. */
export const warehouse: Scenario = async (world) => {
  const proxy = await startProxy({ host: '127.0.0.1', port: 5432 });
  try {
    return await withScene(world, 'warehouse', { instances: 1, warehouseHost: proxy.host }, async (scene) => {
      const began = Date.now();
      const [instance] = scene.instances;
      scene.upload(5);
      await allSettled(world, scene, 5, 60_000);
      proxy.cutOff();
      scene.upload(10);
      const during: number[] = [];
      for (let i = 0; i < 6; i++) {
        await sleep(2_500);
        during.push((await callHourly(world, instance!)).status);
      }
      const stuck = await census(world, scene);
      proxy.restore();
      const after = await callHourly(world, instance!);
      await allSettled(world, scene, 15, 60_000);
      let c = await census(world, scene);
      if (!exactlyOnce(c, 15)) {
        await callHourly(world, instance!);
        c = await census(world, scene);
      }
      return {
        ok: exactlyOnce(c, 15) && stuck.rows === 5 && stuck.inInbox === 10 && after.status === 200,
        line: `cut ${((Date.now() - began) / 1000).toFixed(0)} s in, ${proxy.stats.refused} connections refused, hourly during the outage ${during.join(' ')}, ${stuck.inInbox} waiting in the inbox (max attempts ${stuck.maxAttempts}); after: hourly ${after.status}, ${describeCensus(c)}, ${seconds(began)}`,
      };
    });
  } finally {
    await proxy.close();
  }
};

/**
 * Firestore (the emulator, behind a proxy) unreachable for ~15 s while files arrive; then back. While it is
 * down, /tasks/hourly answers a retryable 503 within seconds and /readyz 503 with state 'unavailable' in
 * about 1.5 s (neither waits on the Firestore client's retries).
 */
export const firestore: Scenario = async (world) => {
  const [host, port] = world.emulator.host.split(':');
  const proxy = await startProxy({ host: host!, port: Number(port) });
  try {
    return await withScene(world, 'firestore', { instances: 1, firestoreHost: proxy.host }, async (scene) => {
      const began = Date.now();
      const [instance] = scene.instances;
      scene.upload(5);
      await allSettled(world, scene, 5, 60_000);
      proxy.cutOff();
      scene.upload(10);
      await sleep(6_000);
      // While Firestore is unreachable the service must still answer, and fast: every state call has a
      // deadline (FIRESTORE_TIMEOUT_MS, 4 s) and readiness checks 1.5 s. No answer in 10 s is status 0.
      const hourlyBegan = Date.now();
      const during = await Promise.race([
        callHourly(world, instance!),
        sleep(10_000).then(() => ({ status: 0, body: null })),
      ]);
      const hourlyMs = Date.now() - hourlyBegan;
      const readyBegan = Date.now();
      const ready = await fetch(`${instance!.url}/readyz`, { signal: AbortSignal.timeout(5_000) }).then(
        async (r) => ({
          status: r.status,
          body: (await r.json().catch(() => null)) as { state?: string } | null,
        }),
        () => ({ status: 0, body: null }),
      );
      const readyMs = Date.now() - readyBegan;
      const retryable = (during.body as { retryable?: unknown } | null)?.retryable === true;
      const stuck = await census(world, scene);
      proxy.restore();
      // Back: readiness returns within seconds (the client's reconnect back-off is capped at 2 s).
      const restored = Date.now();
      await waitUntil(
        () =>
          fetch(`${instance!.url}/readyz`, { signal: AbortSignal.timeout(3_000) }).then(
            (r) => r.status === 200,
            () => false,
          ),
        30_000,
        250,
      ).catch(() => undefined);
      const recoveredMs = Date.now() - restored;
      // Cloud Scheduler retries an hourly call that failed, backing off (2, 4, 8 s here); the line says when a
      // retry was needed, with the first answer's body, which names the step that failed.
      const first = await callHourly(world, instance!);
      let after = first;
      const retries: number[] = [];
      for (const backoff of [2_000, 4_000, 8_000]) {
        if (after.status === 200) break;
        await sleep(backoff);
        after = await callHourly(world, instance!);
        retries.push(after.status);
      }
      await allSettled(world, scene, 15, 60_000);
      let c = await census(world, scene);
      if (!exactlyOnce(c, 15)) {
        await callHourly(world, instance!);
        c = await census(world, scene);
      }
      return {
        ok:
          exactlyOnce(c, 15) &&
          stuck.inInbox === 10 &&
          during.status === 503 &&
          retryable &&
          hourlyMs < 6_000 &&
          ready.status === 503 &&
          ready.body?.state === 'unavailable' &&
          readyMs < 2_500 &&
          recoveredMs < 8_000 &&
          after.status === 200,
        line: `cut ~12 s, hourly during ${during.status}${retryable ? ' (retryable)' : ''} in ${hourlyMs} ms, /readyz during ${ready.status} state=${ready.body?.state ?? '-'} in ${readyMs} ms, ${stuck.inInbox} waiting in the inbox; ready again ${recoveredMs} ms after the restore; after: hourly ${first.status}${first.status === 200 ? '' : ` ${JSON.stringify(first.body)}, retried: ${retries.join(' ')}`}, ${describeCensus(c)}, ${seconds(began)}`,
      };
    });
  } finally {
    await proxy.close();
  }
};

/** SIGTERM mid-file: the stopping instance releases what it was running, the other one finishes it. */
export const sigterm: Scenario = (world) =>
  withScene(world, 'sigterm', { instances: 2, env: { SHUTDOWN_GRACE_MS: '500' } }, async (scene) => {
    const began = Date.now();
    const [victim, survivor] = scene.instances;
    world.balancer.route = (instances) => (victim?.alive ? victim : instances.find((i) => i.alive));
    world.fake.faults.setLatency('files.download', 1_500);
    scene.upload(12);
    await waitUntil(
      async () => (await scene.state.listFiles({ statuses: ['processing'] })).length >= 2,
      60_000,
      100,
    );
    const running = (await scene.state.listFiles({ statuses: ['processing'] })).length;
    await victim!.kill('SIGTERM');
    const left = (await scene.state.listFiles({ statuses: ['processing'] })).filter(
      (r) => (r.leaseExpiresAt ?? 0) > Date.now(),
    ).length;
    const interrupted = (await scene.state.listFiles({ statuses: ['failed'] })).filter(
      (r) => r.lastError?.code === 'interrupted',
    ).length;
    world.fake.faults.clear();
    const hourly = await callHourly(world, survivor!);
    await allSettled(world, scene, 12, 60_000);
    const c = await census(world, scene);
    world.balancer.route = (instances) => {
      const live = instances.filter((i) => i.alive);
      return live[Math.floor(Math.random() * live.length)];
    };
    return {
      ok: exactlyOnce(c, 12) && running >= 2 && left === 0 && interrupted >= 1 && hourly.status === 200,
      line: `SIGTERM with ${running} files running: ${interrupted} released as interrupted, ${left} left leased; survivor hourly ${hourly.status}, ${describeCensus(c)}, ${seconds(began)}`,
    };
  });
