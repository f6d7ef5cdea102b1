import { decodeWorkMessage } from '../../src/adapters/dispatch/work-message.ts';
import { FOLDER_NAMES, TARGET_FOLDERS } from '../../src/ports/source.ts';
import type { StateStore } from '../../src/ports/state.ts';
import type { FakeDrive } from '../fakes/drive/server.ts';
import type { OidcIssuer } from '../server/auth/oidc-issuer.ts';
import type { PubSubEmulator } from '../support/pubsub-emulator.ts';
import {
  AUDIENCE,
  newWorkload,
  POISON_CODE,
  PUSHER,
  type Relay,
  startRelay,
  startTestInstance,
  type TestInstance,
} from './pubsub-cluster.ts';

/**
 * One fan-out run on the official Pub/Sub emulator, shared by the vitest test (SQLite state, a few hundred
 * files) and the reliability scenario `fanout` (Firestore emulator state, 2,000 files): the first instance's
 * drain publishes a page of Drive changes, a push subscription (redelivery, dead-letter topic) spreads
 * one message per file over the instances through a relay, one instance crashes a quarter of the way
 * through and another joins. Then the poison files, dead-lettered and recorded failed, are replayed by id
 * through POST /replay, which publishes them forced. The report lists every broken promise as a problem:
 * each file's outcome written exactly once (counted per file across instances) and moved once, none lost,
 * the poison ones dead-lettered and visible as failed with their reason until the replay runs them once.
 */

export interface FanoutOptions {
  pubsub: PubSubEmulator;
  issuer: OidcIssuer;
  /** The fake Drive, started, and its URL. */
  drive: FakeDrive;
  driveUrl: string;
  /** A new connection to this run's state store (each instance gets its own, the observer one more). */
  openState: (run: string) => StateStore;
  files: number;
  /** Instances before the crash (one more joins after it). */
  instances: number;
  /** Share of "scanned" files: their stubbed reading waits `scannedMs` instead of `digitalMs`. */
  scannedShare?: number;
  scannedMs?: number;
  digitalMs?: number;
  /** Files whose reading always fails with a retryable error. */
  poison?: number;
  leaseMs?: number;
  /** The push subscription's deliveries before the dead-letter topic. */
  maxDeliveryAttempts?: number;
  ackDeadlineSeconds?: number;
  /** Milliseconds: a quarter of the healthy files done, all of them done, the poison ones dead-lettered. */
  budgets: { quarterMs: number; healthyMs: number; deadLetterMs: number };
}

export interface FanoutReport {
  /** Empty when the run kept every promise. */
  problems: string[];
  /** The run's figures, one line. */
  line: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(200);
  }
  return check();
}

const instanceName = (index: number) => String.fromCharCode(65 + index);

export async function runFanout(options: FanoutOptions): Promise<FanoutReport> {
  const run = `r${Date.now().toString(36)}`;
  const relay = await startRelay(options.issuer);
  const instances: TestInstance[] = [];
  const observer = options.openState(run);
  try {
    return await fanout(options, run, relay, instances, observer);
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    await relay.close();
    await observer.close();
  }
}

async function fanout(
  options: FanoutOptions,
  run: string,
  relay: Relay,
  instances: TestInstance[],
  observer: StateStore,
): Promise<FanoutReport> {
  const { pubsub, drive, files } = options;
  const poisonCount = options.poison ?? 3;
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
    return ok;
  };
  const inbox = drive.createFolder(`Facturas fan-out ${run}`);
  for (const folder of TARGET_FOLDERS) drive.createFolder(FOLDER_NAMES[folder], inbox.id);
  const topic = `files-${run}`;
  const deadTopic = `files-dead-${run}`;
  const deadPull = `files-dead-pull-${run}`;
  await pubsub.createTopic(topic);
  await pubsub.createTopic(deadTopic);
  await pubsub.createPullSubscription(deadPull, deadTopic);
  const maxDeliveryAttempts = options.maxDeliveryAttempts ?? 5;
  await pubsub.createPushSubscription({
    name: `files-push-${run}`,
    topic,
    endpoint: `${relay.url}/tasks/process`,
    ackDeadlineSeconds: options.ackDeadlineSeconds ?? 10,
    // Production's exponential back-off is the subscription's retry policy (cloudbuild.yaml); the emulator's
    // can stop redelivering, so here a refused message comes back about once a second.
    immediateRedelivery: true,
    deadLetterTopic: deadTopic,
    maxDeliveryAttempts,
  });

  const workload = newWorkload(options.digitalMs ?? 5);
  const cluster = {
    name: 'fanout',
    driveUrl: options.driveUrl,
    inboxId: inbox.id,
    openState: () => options.openState(run),
    issuer: options.issuer,
    workload,
    pubsub: { host: pubsub.host, project: pubsub.projectId, topic },
    leaseMs: options.leaseMs ?? 2_000,
    maxDeliveryAttempts,
  };
  for (let i = 0; i < options.instances; i++) {
    instances.push(await startTestInstance(instanceName(i), cluster));
  }
  relay.instances = instances;
  const drainerHost = instances[0]!;
  // The first drain records the feed's start token; the uploads come after it.
  const first = await drainerHost.drainer!.drain();
  if (!expect(first.status === 'drained', `first drain ${first.status} ${first.error ?? ''}`)) {
    return { problems, line: 'the first drain failed' };
  }
  const tokenBefore = await drainerHost.state.getPageToken();

  const uploaded: string[] = [];
  const scannedEvery = Math.round(1 / (options.scannedShare ?? 0.2));
  for (let i = 0; i < files; i++) {
    const file = drive.upload(`FE-${i}.pdf`, Buffer.from(`%PDF-1.4 factura ${run} ${i}`), inbox.id);
    uploaded.push(file.id);
    if (i % scannedEvery === 0) workload.waitMs.set(file.id, options.scannedMs ?? 40);
  }
  const poison = uploaded.filter((_, i) => i % Math.floor(files / poisonCount) === 7).slice(0, poisonCount);
  for (const id of poison) workload.poison.add(id);
  const healthy = uploaded.filter((id) => !workload.poison.has(id));
  const done = (id: string) => (workload.completions.get(id) ?? 0) > 0;
  const progress = () => {
    const doneCount = healthy.filter(done).length;
    return `after ${Date.now() - began} ms: ${doneCount}/${healthy.length} healthy done, deliveries ${JSON.stringify(relay.byInstance)}`;
  };

  const began = Date.now();
  const drain = await drainerHost.drainer!.drain();
  const publishedMs = Date.now() - began;
  expect(drain.status === 'drained', `drain ${drain.status} ${drain.error ?? ''}`);
  expect(drain.submitted === files, `the drain published ${drain.submitted} of ${files} files`);
  // The token moved as soon as the page was published, not when the files were processed.
  expect((await drainerHost.state.getPageToken()) !== tokenBefore, 'the page token did not move');
  const doneAtPublish = uploaded.filter(done).length;

  // Crash B a quarter of the way through, holding work (so the takeover of its leased files is exercised).
  const quarter = await waitFor(() => healthy.filter(done).length >= files / 4, options.budgets.quarterMs);
  expect(quarter, `a quarter of the files not done in ${options.budgets.quarterMs} ms: ${progress()}`);
  const victim = instances[1]!;
  await waitFor(() => victim.queue.depth > 0, 5_000);
  const inFlightAtCrash = victim.queue.depth;
  const killedAt = Date.now() - began;
  victim.kill();
  const answeredByVictim = relay.byInstance[victim.name] ?? 0;
  const joiner = await startTestInstance(instanceName(options.instances), cluster);
  instances.push(joiner);
  relay.instances = instances;

  const dead = new Set<string>();
  let healthyMs: number | undefined;
  const allDone = async () => {
    for (const message of await pubsub.pull(deadPull)) {
      const item = decodeWorkMessage(message.data);
      if (item) dead.add(item.file.id);
    }
    if (healthy.every(done)) healthyMs ??= Date.now() - began;
    return healthyMs !== undefined && poison.every((id) => dead.has(id));
  };
  // The healthy files within the run's budget; the poison ones reach the dead-letter topic after the
  // emulator's last redelivery, which a loaded machine can delay: they get a budget of their own.
  const healthyInTime = await waitFor(
    async () => (await allDone()) || healthyMs !== undefined,
    options.budgets.healthyMs,
  );
  expect(healthyInTime, `healthy files not done in ${options.budgets.healthyMs} ms: ${progress()}`);
  const deadInTime = await waitFor(allDone, options.budgets.deadLetterMs);
  expect(deadInTime, `dead-lettered ${[...poison].filter((id) => dead.has(id)).length}/${poison.length}`);
  const elapsedMs = Date.now() - began;

  const records = new Map((await observer.listFiles()).map((r) => [r.fileId, r]));
  const twice = healthy.filter((id) => (workload.completions.get(id) ?? 0) > 1);
  const never = healthy.filter((id) => !done(id));
  expect(twice.length === 0, `outcome written twice: ${twice.slice(0, 5).join(', ')}`);
  expect(never.length === 0, `no outcome: ${never.length} files, e.g. ${never.slice(0, 5).join(', ')}`);
  // The poison files: never an outcome written, recorded failed with the reason, listed among the failed
  // (what the dashboard shows). A poison run the crash froze keeps the dead instance's lease instead.
  const failed = new Set((await observer.listFiles({ statuses: ['failed'] })).map((r) => r.fileId));
  for (const id of poison) {
    const record = records.get(id);
    expect(!done(id), `poison file ${id} has an outcome`);
    if (record?.status === 'processing' && record.leaseOwner === victim.name) continue;
    expect(
      record?.status === 'failed' && record.lastError?.code === POISON_CODE && failed.has(id),
      `poison file ${id}: ${record?.status} ${record?.lastError?.code}, listed failed ${failed.has(id)}`,
    );
  }
  const inInbox = uploaded.filter((id) => drive.file(id)?.parents.includes(inbox.id));
  expect(
    inInbox.length === poison.length && poison.every((id) => inInbox.includes(id)),
    `in the inbox: ${inInbox.length} files, ${poison.filter((id) => inInbox.includes(id)).length} of them poison`,
  );
  // The work spread: every instance answered pushes, the crashed one before it died, the joiner after.
  for (const instance of instances) {
    expect((relay.byInstance[instance.name] ?? 0) > 0, `${instance.name} answered no push`);
  }
  expect(answeredByVictim > 0, `${victim.name} answered no push before it crashed`);
  const retaken = healthy.filter((id) => (records.get(id)?.attempts ?? 0) > 1).length;
  // The crashed instance's runs were taken over once its leases expired (or never claimed, if it died first).
  expect(
    retaken <= inFlightAtCrash,
    `${retaken} files retaken, ${inFlightAtCrash} were in flight at the crash`,
  );

  // The dead letters come back: POST /replay by id publishes them forced, and they run once each.
  for (const id of poison) workload.poison.delete(id);
  const replayAt = Date.now();
  const replayed = await postReplay(options.issuer, joiner, poison);
  expect(
    replayed.dispatch === 'pubsub' && replayed.published === poison.length,
    `replay answered ${JSON.stringify(replayed)}`,
  );
  const replayedInTime = await waitFor(() => poison.every(done), options.budgets.deadLetterMs);
  expect(replayedInTime, `replayed poison files done: ${poison.filter(done).length}/${poison.length}`);
  const replayMs = Date.now() - replayAt;
  const moves = movesPerFile(drive, new Set(uploaded));
  const badMoves = uploaded.filter((id) => moves.get(id) !== 1);
  expect(badMoves.length === 0, `not moved exactly once: ${badMoves.length}, e.g. ${badMoves.slice(0, 3)}`);
  const badCounts = uploaded.filter((id) => workload.completions.get(id) !== 1);
  expect(badCounts.length === 0, `not exactly one outcome written: ${badCounts.length} files`);

  const extraDead = [...dead].filter((id) => !poison.includes(id)).length;
  const deliveries = [...relay.deliveries.values()].reduce((a, b) => a + b, 0);
  const live = instances.length - 1;
  const line =
    `${files} files (${Math.round(100 / scannedEvery)}% "scanned" ${options.scannedMs ?? 40} ms, digital ${options.digitalMs ?? 5} ms, ${poison.length} poison) on ${options.instances}+1 instances, ${live} live at the end: ` +
    `published in ${publishedMs} ms (${doneAtPublish} done by then), ${victim.name} crashed at ${killedAt} ms holding ${inFlightAtCrash}, ` +
    `healthy files done in ${healthyMs ?? '-'} ms = ${((healthy.length / (healthyMs ?? elapsedMs)) * 1000).toFixed(1)} files/s, ` +
    `poison dead-lettered by ${elapsedMs} ms and replayed in ${replayMs} ms; ${deliveries} deliveries, ${retaken} files retaken after the crash, ` +
    `${dead.size} dead-lettered (${extraDead} not poison); ${uploaded.length - badCounts.length}/${files} files with exactly one outcome write and ${files - badMoves.length} moved once; ` +
    `per instance ${JSON.stringify(relay.byInstance)}`;
  return { problems, line };
}

interface ReplayAnswer {
  dispatch?: string;
  published?: number;
}

async function postReplay(
  issuer: OidcIssuer,
  instance: TestInstance,
  fileIds: string[],
): Promise<ReplayAnswer> {
  const token = issuer.sign({ aud: AUDIENCE, email: PUSHER, email_verified: true, sub: 'operator' });
  const response = await fetch(`${instance.url}/replay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ fileIds }),
  });
  return (await response.json().catch(() => ({}))) as ReplayAnswer;
}

/** Successful moves (files.update adding a parent) the fake Drive served, per file. */
function movesPerFile(drive: FakeDrive, ids: Set<string>): Map<string, number> {
  const moves = new Map<string, number>();
  for (const request of drive.requests) {
    if (request.method !== 'files.update' || request.status !== 200 || !request.params.addParents) continue;
    if (request.fileId && ids.has(request.fileId))
      moves.set(request.fileId, (moves.get(request.fileId) ?? 0) + 1);
  }
  return moves;
}
