import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWorkMessage } from '../../src/adapters/dispatch/work-message.ts';
import { FOLDER_NAMES, type SourceFile, TARGET_FOLDERS } from '../../src/ports/source.ts';
import type { WorkItem } from '../../src/ports/work-dispatcher.ts';
import { createFakeDrive, type FakeDrive } from '../fakes/drive/server.ts';
import {
  AUDIENCE,
  newWorkload,
  PUSHER,
  startTestInstance,
  type TestInstance,
  type Workload,
} from '../integration/pubsub-cluster.ts';
import { type OidcIssuer, startOidcIssuer } from './auth/oidc-issuer.ts';

/** POST /tasks/process on one instance (real routes, auth, queue, processor, SQLite state, fake Drive). */

let issuer: OidcIssuer;
let fake: FakeDrive;
let stopDrive: () => Promise<void>;
let instance: TestInstance;
let inboxId: string;
let workload: Workload;
let sequence = 0;

beforeAll(async () => {
  issuer = await startOidcIssuer();
  fake = createFakeDrive({ auth: 'any-bearer', seed: 5 });
  stopDrive = (await fake.start()).stop;
  inboxId = fake.createFolder('Facturas push').id;
  for (const folder of TARGET_FOLDERS) fake.createFolder(FOLDER_NAMES[folder], inboxId);
  workload = newWorkload(20);
  instance = await startTestInstance('solo', {
    name: 'push',
    driveUrl: fake.url,
    inboxId,
    statePath: path.join(mkdtempSync(path.join(tmpdir(), 'push-')), 'state.sqlite'),
    issuer,
    workload,
    // Never published to here: only the push side is under test.
    pubsub: { host: '127.0.0.1:9', project: 'demo-facturas', topic: 'files' },
    maxDeliveryAttempts: 5,
  });
});

afterAll(async () => {
  await instance?.stop();
  await stopDrive?.();
  await issuer?.close();
});

function upload(): SourceFile {
  const n = ++sequence;
  const file = fake.upload(`push-${n}.pdf`, Buffer.from(`%PDF-1.4 push ${n}`), inboxId);
  return {
    id: file.id,
    name: file.name,
    md5: file.md5Checksum ?? null,
    size: file.content?.length ?? null,
    mimeType: 'application/pdf',
    location: 'inbox',
    modifiedTime: null,
    link: null,
  };
}

function envelope(item: WorkItem, extra: { publishTime?: string; deliveryAttempt?: number } = {}) {
  const { data, attributes } = encodeWorkMessage(item);
  return {
    message: {
      data,
      attributes,
      messageId: String(++sequence),
      publishTime: extra.publishTime ?? new Date().toISOString(),
    },
    subscription: 'projects/demo-facturas/subscriptions/files-push',
    ...(extra.deliveryAttempt ? { deliveryAttempt: extra.deliveryAttempt } : {}),
  };
}

const token = (email = PUSHER) => issuer.sign({ aud: AUDIENCE, email, email_verified: true, sub: '1' });

async function push(body: unknown, auth: string | null = token()) {
  const response = await fetch(`${instance.url}/tasks/process`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as { verdict?: string } };
}

describe('POST /tasks/process', () => {
  it('refuses pushes without the subscription OIDC token, or from another account', async () => {
    const item: WorkItem = { file: upload(), reason: 'change' };
    expect((await push(envelope(item), null)).status).toBe(401);
    expect((await push(envelope(item), 'not-a-jwt')).status).toBe(401);
    expect((await push(envelope(item), token('someone@else.iam.gserviceaccount.com'))).status).toBe(403);
    expect(workload.runs.get(item.file.id)).toBeUndefined();
  });

  it('answers 400 to what is not a push envelope and 413 past the body limit', async () => {
    expect((await push('{not json')).status).toBe(400);
    expect((await push({ message: 'x' })).status).toBe(400);
    const huge = { ...envelope({ file: upload(), reason: 'change' }), padding: 'x'.repeat(70 * 1024) };
    expect((await push(huge)).status).toBe(413);
  });

  it('acknowledges a message that is not ours, as malformed', async () => {
    const answer = await push({
      message: { data: Buffer.from('{"hola":1}').toString('base64'), messageId: 'm1' },
      subscription: 's',
    });
    expect(answer).toEqual({ status: 200, body: { verdict: 'malformed' } });
  });

  it('processes a file once; a redelivery and a flood of duplicates are acknowledged without a rerun', async () => {
    const item: WorkItem = { file: upload(), reason: 'change' };
    expect(await push(envelope(item))).toEqual({ status: 200, body: { verdict: 'processed' } });
    expect(await push(envelope(item))).toEqual({ status: 200, body: { verdict: 'already_done' } });

    const flooded: WorkItem = { file: upload(), reason: 'change' };
    const answers = await Promise.all(Array.from({ length: 12 }, () => push(envelope(flooded))));
    for (const answer of answers) expect([200, 429]).toContain(answer.status);
    expect(answers.some((a) => a.body.verdict === 'processed')).toBe(true);
    expect(workload.completions.get(item.file.id)).toBe(1);
    expect(workload.completions.get(flooded.file.id)).toBe(1);
    expect(workload.runs.get(flooded.file.id)).toBe(1);
    expect(fake.file(flooded.file.id)?.parents).not.toContain(inboxId);
  });

  it('acknowledges a message for older content than the outcome recorded since it was published', async () => {
    const file = upload();
    const publishedBefore = new Date(Date.now() - 60_000).toISOString();
    expect((await push(envelope({ file, reason: 'change' }))).body.verdict).toBe('processed');
    const older = { file: { ...file, md5: 'an-older-md5' }, reason: 'change' as const };
    expect(await push(envelope(older, { publishTime: publishedBefore }))).toEqual({
      status: 200,
      body: { verdict: 'stale' },
    });
    expect(workload.completions.get(file.id)).toBe(1);
  });

  it('runs a forced replay message over an outcome once; its redelivery and a decision made since are left alone', async () => {
    const file = upload();
    expect((await push(envelope({ file, reason: 'change' }))).body.verdict).toBe('processed');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const replayed = envelope({ file, reason: 'replay', force: true });
    expect(await push(replayed)).toEqual({ status: 200, body: { verdict: 'processed' } });
    expect(workload.runs.get(file.id)).toBe(2);
    // The same message again (Pub/Sub redelivers when an ack is lost): the run after its publication counts.
    expect(await push(replayed)).toEqual({ status: 200, body: { verdict: 'already_done' } });
    // A forced message published before a person decided on the file does not run over the decision.
    const beforeDecision = envelope({ file, reason: 'replay', force: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await instance.state.recordDecision(file.id, {
      action: 'confirmed',
      by: 'ana',
      at: new Date().toISOString(),
      status: 'processed',
      folder: 'preventivas',
    });
    expect(await push(beforeDecision)).toEqual({ status: 200, body: { verdict: 'already_done' } });
    expect(workload.runs.get(file.id)).toBe(2);
    expect(workload.completions.get(file.id)).toBe(2);
    expect((await instance.state.getFile(file.id))?.decision?.by).toBe('ana');
  });

  it('asks Pub/Sub to retry a retryable failure, and leaves the last delivery to the dead-letter topic', async () => {
    const file = upload();
    workload.poison.add(file.id);
    expect(await push(envelope({ file, reason: 'change' }))).toEqual({
      status: 503,
      body: { verdict: 'retry' },
    });
    const record = await instance.state.getFile(file.id);
    expect(record?.status).toBe('failed');
    expect(record?.lastError?.retryable).toBe(true);
    expect(await push(envelope({ file, reason: 'change' }, { deliveryAttempt: 5 }))).toEqual({
      status: 500,
      body: { verdict: 'dead_letter' },
    });
  });

  it('keeps refusing a file whose failure budget is spent, so the subscription dead-letters it', async () => {
    const file = upload();
    workload.poison.add(file.id);
    // Five runs spend the budget (the processor's maxAttempts); the emulator may count deliveries apart.
    for (let run = 1; run <= 5; run++) {
      expect((await push(envelope({ file, reason: 'change' }))).body.verdict).toBe('retry');
    }
    expect((await instance.state.getFile(file.id))?.attempts).toBe(5);
    expect(await push(envelope({ file, reason: 'change' }))).toEqual({
      status: 500,
      body: { verdict: 'dead_letter' },
    });
    // The hourly sweep's copy of it is acknowledged: the record shows the failure, the topic has it once.
    expect(await push(envelope({ file, reason: 'sweep' }))).toEqual({
      status: 200,
      body: { verdict: 'already_done' },
    });
    expect(workload.completions.get(file.id)).toBeUndefined();
  });

  it('answers 429 while another instance holds the file', async () => {
    const file = upload();
    const claimed = await instance.state.claimFile({
      fileId: file.id,
      name: file.name,
      md5: file.md5,
      owner: 'another-instance',
      leaseMs: 60_000,
    });
    expect(claimed).not.toBeNull();
    expect(await push(envelope({ file, reason: 'change' }))).toEqual({
      status: 429,
      body: { verdict: 'busy' },
    });
    expect(workload.runs.get(file.id)).toBeUndefined();
  });
});
