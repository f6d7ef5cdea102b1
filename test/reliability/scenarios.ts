import { sleep, waitUntil } from './cluster.ts';
import { judgeLedger, readLedger, restoreLostRuns } from './ledger.ts';
import {
  AUDIENCE,
  type Census,
  CHANNEL_TOKEN,
  callHourly,
  census,
  describeCensus,
  SCHEDULER,
  type Scene,
  startScene,
  type World,
} from './world.ts';

export interface ScenarioResult {
  ok: boolean;
  line: string;
  /** Which uploads must have exactly one recorded successful run (default: every one still in Drive). */
  expectRun?: (fileId: string) => boolean;
}

export type Scenario = (world: World) => Promise<ScenarioResult>;

export const exactlyOnce = (c: Census, n: number) =>
  c.files === n &&
  c.processed === n &&
  c.rows === n &&
  c.filed === n &&
  c.inInbox === 0 &&
  c.maxMovesPerFile === 1;

export const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/**
 * Runs a scenario in a fresh scene, then judges the per-version ledger (one recorded successful run per file
 * version, at most one move per version) whatever the scenario itself checked.
 */
export async function withScene(
  world: World,
  name: string,
  options: Parameters<typeof startScene>[2],
  body: (scene: Scene) => Promise<ScenarioResult>,
): Promise<ScenarioResult> {
  const scene = await startScene(world, name, options);
  try {
    world.fake.push.policy = () => undefined;
    world.fake.faults.clear();
    const first = await callHourly(world, scene.instances[0]!); // first channel + page token
    if (first.status !== 200) throw new Error(`first hourly answered ${first.status}`);
    const result = await body(scene);
    const ledger = await readLedger(world, scene);
    const restored = await restoreLostRuns(scene, ledger);
    const verdict = judgeLedger(world, scene, ledger, { expectRun: result.expectRun });
    if (restored > 0)
      verdict.text += ` (${restored} runs of a killed instance read from the state store: its last log lines died with it)`;
    return { ok: result.ok && verdict.ok, line: `${result.line}; ${verdict.text}` };
  } finally {
    world.fake.push.policy = () => undefined;
    world.fake.faults.clear();
    await scene.close();
  }
}

export const allSettled = (world: World, scene: Scene, n: number, timeoutMs: number) =>
  waitUntil(async () => (await census(world, scene)).withOutcome >= n, timeoutMs, 1000);

/** 200 PDFs, every notification delivered 5 times, shuffled, to 3 instances. */
export const storm: Scenario = (world) =>
  withScene(world, 'storm', {}, async (scene) => {
    const n = 200;
    const began = Date.now();
    const firstPush = world.fake.push.log.length;
    world.fake.push.policy = () => ({
      times: 5,
      delayMs: Array.from({ length: 5 }, () => Math.random() * 400),
    });
    for (let i = 0; i < n; i += 20) {
      scene.upload(20);
      await sleep(100);
    }
    await allSettled(world, scene, n, 240_000);
    await world.fake.push.idle();
    await sleep(2000); // let the last follow-up drains see our own moves
    const c = await census(world, scene);
    const s = world.balancer.stats;
    const sent: Record<string, number> = {};
    for (const record of world.fake.push.log.slice(firstPush)) {
      if (record.state === 'change') sent[record.outcome] = (sent[record.outcome] ?? 0) + 1;
    }
    const ok = exactlyOnce(c, n) && c.maxAttempts === 1 && s.changeRejected === 0;
    return {
      ok,
      line: `${n} PDFs, Drive change pushes ${JSON.stringify(sent)}, ${s.received} received (${Object.entries(
        s.byInstance,
      )
        .map(([k, v]) => `${k.split('-')[1]}:${v}`)
        .join(' ')}), ${describeCensus(c)}, ${s.changeRejected} change pushes refused, ${seconds(began)}`,
    };
  });

/** 20% of Drive calls answer 429 or 500. */
export const faults: Scenario = (world) =>
  withScene(world, 'faults', {}, async (scene) => {
    const n = 40;
    const began = Date.now();
    const firstRequest = world.fake.requests.length;
    world.fake.faults.set('*', { fraction: 0.2, statuses: [429, 500] });
    scene.upload(n);
    await allSettled(world, scene, n, 180_000);
    // Retryable failures that outlived the adapter's and the runner's retries are the hourly task's job.
    let hourlies = 0;
    while (hourlies < 4 && !exactlyOnce(await census(world, scene), n)) {
      hourlies++;
      await callHourly(world, scene.instances[hourlies % scene.instances.length]!);
    }
    const calls = world.fake.requests.slice(firstRequest);
    const injected = calls.filter((r) => r.injected).length;
    world.fake.faults.clear();
    const c = await census(world, scene);
    return {
      ok: exactlyOnce(c, n),
      line: `${n} PDFs, ${injected} of ${calls.length} Drive calls answered 429/500 (${((100 * injected) / Math.max(1, calls.length)).toFixed(0)}%), ${hourlies} extra hourly runs, ${describeCensus(c)}, ${seconds(began)}`,
    };
  });

/** SIGKILL the draining instance mid-batch; the hourly task finishes the job. */
export const crash: Scenario = (world) =>
  withScene(world, 'crash', {}, async (scene) => {
    const n = 60;
    const began = Date.now();
    const [victim, ...survivors] = scene.instances;
    world.balancer.route = () => (victim?.alive ? victim : survivors.find((i) => i.alive));
    scene.upload(n);
    await waitUntil(async () => (await census(world, scene)).withOutcome >= 10, 120_000, 200);
    const atKill = await census(world, scene);
    await victim?.kill('SIGKILL');
    world.balancer.route = (instances) => instances.filter((i) => i.alive)[0];
    await sleep(9_000); // PROCESS_LEASE_MS 8 s: the victim's claims expire
    const hourly = await callHourly(world, survivors[0]!);
    await allSettled(world, scene, n, 60_000);
    let c = await census(world, scene);
    if (!exactlyOnce(c, n)) {
      await callHourly(world, survivors[1]!);
      c = await census(world, scene);
    }
    world.balancer.route = (instances) => {
      const live = instances.filter((i) => i.alive);
      return live[Math.floor(Math.random() * live.length)];
    };
    return {
      ok: exactlyOnce(c, n) && hourly.status === 200,
      line: `${n} PDFs, killed ${victim?.name} at ${atKill.withOutcome} outcomes, hourly ${hourly.status}, ${c.retaken} runs retaken, ${describeCensus(c)}, ${seconds(began)}`,
    };
  });

/** Every notification dropped: only the hourly sweep can find the files. */
export const silence: Scenario = (world) =>
  withScene(world, 'silence', {}, async (scene) => {
    const n = 30;
    const began = Date.now();
    world.fake.push.policy = () => 'drop';
    const firstPush = world.fake.push.log.length;
    scene.upload(n);
    await sleep(3000);
    const before = await census(world, scene);
    const hourly = await callHourly(world, scene.instances[1]!);
    const c = await census(world, scene);
    const dropped = world.fake.push.log.slice(firstPush).filter((r) => r.outcome === 'dropped').length;
    return {
      ok: before.withOutcome === 0 && exactlyOnce(c, n) && hourly.status === 200,
      line: `${n} PDFs, ${dropped} pushes dropped, ${before.withOutcome} processed before the sweep, hourly ${hourly.status}, ${describeCensus(c)}, ${seconds(began)}`,
    };
  });

/** A channel expires while files arrive; the hourly task renews it (new id first, old one stopped). */
export const renewal: Scenario = (world) =>
  withScene(
    world,
    'renewal',
    { env: { CHANNEL_TTL_HOURS: '1', CHANNEL_RENEW_BEFORE_HOURS: '2' } },
    async (scene) => {
      const began = Date.now();
      const firstChannels = (await scene.state.listChannels()).map((c) => c.id);
      scene.upload(10);
      await allSettled(world, scene, 10, 60_000);
      // Make the live channel expire in Drive: its pushes stop while files keep arriving.
      for (const channel of scene.ownChannels()) {
        if (firstChannels.includes(channel.id)) channel.expiration = Date.now() + 500;
      }
      await sleep(600);
      const pushesBefore = world.fake.push.log.length;
      scene.upload(10);
      await sleep(1500);
      const sentWhileExpired = world.fake.push.log
        .slice(pushesBefore)
        .filter((r) => firstChannels.includes(r.channelId)).length;
      const seenWhileExpired = (await census(world, scene)).withOutcome - 10;
      const renewed = await callHourly(world, scene.instances[2]!);
      scene.upload(10);
      await allSettled(world, scene, 30, 60_000);
      await callHourly(world, scene.instances[0]!); // renews again (TTL 1 h < 2 h window) while nothing is pending
      const c = await census(world, scene);
      const channels = await scene.state.listChannels();
      const own = scene.ownChannels();
      const stopped = own.filter((ch) => ch.stopped).length;
      const newIds = new Set(own.map((ch) => ch.id)).size === own.length;
      const refused = world.balancer.stats.changeRejected;
      return {
        ok:
          exactlyOnce(c, 30) &&
          renewed.status === 200 &&
          channels.length === 1 &&
          newIds &&
          own.length === 3 &&
          stopped === 2 &&
          sentWhileExpired === 0 &&
          refused === 0,
        line: `30 PDFs, 10 uploaded after the channel expired (${sentWhileExpired} pushes sent for them, ${seenWhileExpired} picked up by drains already running), ${own.length} channels created / ${stopped} stopped, ${channels.length} current, ${refused} change pushes refused, ${describeCensus(c)}, ${seconds(began)}`,
      };
    },
  );

/** A person moves a processed file to the other class folder. */
export const correction: Scenario = (world) =>
  withScene(world, 'correction', {}, async (scene) => {
    const began = Date.now();
    const files = scene.upload(4);
    await allSettled(world, scene, 4, 60_000);
    await sleep(1000);
    const records = await Promise.all(files.map((f) => scene.state.getFile(f.id)));
    const classified = records.find((r) => r?.folder === 'correctivas' || r?.folder === 'preventivas');
    const target = files.find((f) => f.id === classified?.fileId) ?? files[0]!;
    const record = await scene.state.getFile(target.id);
    const from = record?.folder;
    const to = from === 'preventivas' ? 'correctivas' : 'preventivas';
    world.fake.move(target.id, scene.folders[to]);
    const recorded = await waitUntil(
      async () => (await scene.state.listHumanLabels()).some((l) => l.fileId === target.id),
      30_000,
    );
    const labels = await scene.state.listHumanLabels();
    const { rows } = await scene.db.query<{ label_source: string; class_code: number | null }>(
      'SELECT label_source, class_code FROM invoices WHERE file_id = $1',
      [target.id],
    );
    const expectedClass = to === 'preventivas' ? 1 : 0;
    const ok =
      recorded &&
      labels.length === 1 &&
      labels[0]?.class === expectedClass &&
      rows[0]?.label_source === 'human' &&
      Number(rows[0]?.class_code) === expectedClass;
    return {
      ok,
      line: `moved ${from} → ${to}: ${labels.length} human label(s) (class ${labels[0]?.class}, was ${labels[0]?.previousClass}), warehouse label_source=${rows[0]?.label_source} class=${rows[0]?.class_code}, ${seconds(began)}`,
    };
  });

/** Forged notifications and task calls: all refused, nothing processed. */
export const intruders: Scenario = (world) =>
  withScene(world, 'intruders', {}, async (scene) => {
    world.fake.push.policy = () => 'drop';
    scene.upload(5);
    const instance = scene.instances[0]!;
    const channel = (await scene.state.listChannels())[0]!;
    const push = (headers: Record<string, string>) =>
      fetch(`${instance.url}/drive/notifications`, {
        method: 'POST',
        headers: {
          'x-goog-resource-state': 'change',
          'x-goog-resource-id': channel.resourceId,
          'x-goog-message-number': '9',
          ...headers,
        },
      }).then((r) => r.status);
    const task = (path: string, token?: string) =>
      fetch(`${instance.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: path === '/replay' ? JSON.stringify({ status: 'failed' }) : undefined,
      }).then((r) => r.status);
    const now = Math.floor(Date.now() / 1000);
    const good = { aud: AUDIENCE, email: SCHEDULER, email_verified: true, sub: '1' };
    const attempts: [string, Promise<number>][] = [
      ['push without token', push({ 'x-goog-channel-id': channel.id })],
      [
        'push with wrong token',
        push({ 'x-goog-channel-id': channel.id, 'x-goog-channel-token': `${CHANNEL_TOKEN}!` }),
      ],
      [
        'push for unknown channel',
        push({ 'x-goog-channel-id': 'forged', 'x-goog-channel-token': CHANNEL_TOKEN }),
      ],
      ['hourly without token', task('/tasks/hourly')],
      [
        'hourly expired OIDC',
        task('/tasks/hourly', world.issuer.sign({ ...good, iat: now - 7200, exp: now - 3600 })),
      ],
      ['hourly wrong audience', task('/tasks/hourly', world.issuer.sign({ ...good, aud: 'https://otro' }))],
      ['hourly wrong account', task('/tasks/hourly', world.issuer.sign({ ...good, email: 'x@evil.test' }))],
      ['hourly forged signature', task('/tasks/hourly', world.issuer.signWithStrangerKey(good))],
      ['replay without token', task('/replay')],
      ['replay wrong audience', task('/replay', world.issuer.sign({ ...good, aud: 'https://otro' }))],
    ];
    const statuses = await Promise.all(attempts.map(([, status]) => status));
    await sleep(2000);
    const after = await census(world, scene);
    const rejected = statuses.filter((s) => s === 401 || s === 403 || s === 404).length;
    // The bait was processable: a legitimate call processes it.
    const legit = await callHourly(world, instance);
    const c = await census(world, scene);
    return {
      ok: rejected === attempts.length && after.withOutcome === 0 && after.rows === 0 && exactlyOnce(c, 5),
      line: `${rejected}/${attempts.length} forged calls refused (${statuses.join(' ')}), ${after.withOutcome} files touched; then a valid hourly (${legit.status}) processed ${c.processed}/5`,
    };
  });

export const SCENARIOS: [string, Scenario][] = [
  ['storm', storm],
  ['faults', faults],
  ['crash', crash],
  ['silence', silence],
  ['renewal', renewal],
  ['correction', correction],
  ['intruders', intruders],
];
