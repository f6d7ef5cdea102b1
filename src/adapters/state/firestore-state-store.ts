import { Firestore, type Settings, type Transaction } from '@google-cloud/firestore';
import type { WatchChannel } from '../../ports/source.ts';
import type { FileQuery, FileRecord, HumanLabel, StateStore } from '../../ports/state.ts';
import { StageError } from '../../stages/errors.ts';
import { settleInFlight, withCallDeadlines } from './call-deadline.ts';
import { decideClaim } from './claim-policy.ts';
import { toDocId } from './firestore-doc-ids.ts';
import { classifyOutages } from './firestore-errors.ts';
import { type FileDoc, fileFromDoc, fileToDoc, resultToJson } from './firestore-records.ts';
import { normaliseSince } from './timestamps.ts';

export interface FirestoreStateStoreOptions {
  projectId: string;
  /** '(default)' unless the project uses a named database. */
  databaseId?: string;
  /** Collections are `${prefix}_files`, `_meta`, `_channels` and `_labels`; one prefix per deployment. */
  collectionPrefix: string;
  /** A client to use instead of creating one (it is then not terminated by close()). */
  firestore?: Firestore;
  /** Extra client settings, e.g. `{ host, ssl: false }` for the emulator. */
  settings?: Settings;
  /** Epoch-milliseconds clock for lease expiry; every instance must run on a synchronised clock. */
  now?: () => number;
  /** Retries of a contended transaction before it fails with ABORTED. */
  transactionAttempts?: number;
  /**
   * Milliseconds a call may go unanswered before it fails as the retryable `state_unavailable` (listings
   * get four times as long). While Firestore is unreachable its client retries for tens of seconds; the
   * service must answer health checks and tasks long before that. Default 4,000.
   */
  callTimeoutMs?: number;
}

export const DEFAULT_FIRESTORE_CALL_TIMEOUT_MS = 4_000;

/**
 * gRPC channel options (passed through by google-gax): after an outage the channel retries the connection
 * at most every 2 s, instead of backing off towards 2 minutes, so calls work again soon after Firestore is
 * back rather than failing their deadline while the channel waits.
 */
const RECONNECT_SETTINGS = {
  'grpc.initial_reconnect_backoff_ms': 250,
  'grpc.max_reconnect_backoff_ms': 2_000,
} as const;

const PAGE_TOKEN_DOC = 'page_token';
const leaseDocId = (name: string) => `lease_${toDocId(name)}`;
const cursorDocId = (name: string) => `cursor_${toDocId(name)}`;

interface LeaseDoc {
  name: string;
  owner: string;
  expiresAt: number;
}

interface LabelDoc {
  fileId: string;
  class: 0 | 1;
  previousClass: 0 | 1 | null;
  at: string;
}

/**
 * The production StateStore on Firestore (Native mode). Every read-decide-write on a file (claim, complete,
 * fail, lease renewal, decision) runs in a transaction; the page-token compare-and-set and the named leases,
 * which every instance writes often, are written optimistically (a write conditioned on the document being
 * unchanged since it was read). Any number of service instances can share it. listFiles with statuses and
 * since needs the composite index in firestore.indexes.json.
 * Outages (UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED) surface as the retryable `state_unavailable`,
 * and so does a call left unanswered past `callTimeoutMs` (the client's own retries would hold it longer).
 */
export function createFirestoreStateStore(options: FirestoreStateStoreOptions): StateStore {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(options.collectionPrefix)) {
    throw new Error(
      `FIRESTORE_COLLECTION_PREFIX must be 1-100 letters, digits, '_' or '-': ${JSON.stringify(options.collectionPrefix)}`,
    );
  }
  const now = options.now ?? Date.now;
  const ownsClient = options.firestore === undefined;
  const db =
    options.firestore ??
    new Firestore({
      projectId: options.projectId,
      databaseId: options.databaseId ?? '(default)',
      // With the emulator there are no credentials: skip the client's GCE metadata probe (1 s stall + warning).
      ...(process.env.FIRESTORE_EMULATOR_HOST ? { universeDomain: 'googleapis.com' } : {}),
      ...RECONNECT_SETTINGS,
      ...options.settings,
    });
  const prefix = options.collectionPrefix;
  const files = db.collection(`${prefix}_files`);
  const meta = db.collection(`${prefix}_meta`);
  const channels = db.collection(`${prefix}_channels`);
  const labels = db.collection(`${prefix}_labels`);
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_FIRESTORE_CALL_TIMEOUT_MS;
  const transactionOptions = { maxAttempts: options.transactionAttempts ?? 25 };
  /** Reads and conditional writes of a lease before another acquirer is taken to hold it. */
  const LEASE_ATTEMPTS = 3;
  const iso = () => new Date(now()).toISOString();

  // A transaction outlives its caller: the call's deadline answers `state_unavailable`, but the client goes on
  // retrying (through an outage too) and would commit once Firestore is back, writing what the caller was told
  // had failed and holding document locks that the next callers wait behind. Past the call's deadline an
  // attempt gives up instead, before its reads and before its commit; throwing in the body rolls it back and
  // ends the client's retries.
  const inTransaction = <T>(body: (tx: Transaction) => Promise<T>, callBegan = Date.now()) => {
    return db.runTransaction(async (tx) => {
      inTime(callBegan);
      const result = await body(tx);
      inTime(callBegan);
      return result;
    }, transactionOptions);
  };
  /** Throws `state_unavailable` once the call begun at `callBegan` is past its deadline. */
  const inTime = (callBegan: number) => {
    if (Date.now() > callBegan + callTimeoutMs) {
      throw new StageError('state_unavailable', `El almacén de estado no respondió en ${callTimeoutMs} ms`, {
        retryable: true,
      });
    }
  };

  /** Writes `changes` if the file is still being processed under `owner`'s lease. */
  const finishAsOwner = (fileId: string, owner: string, changes: Partial<FileDoc>) =>
    inTransaction(async (tx) => {
      const ref = files.doc(toDocId(fileId));
      const snapshot = await tx.get(ref);
      const current = snapshot.data() as FileDoc | undefined;
      if (
        !current ||
        current.fileId !== fileId ||
        current.status !== 'processing' ||
        current.leaseOwner !== owner
      ) {
        return false;
      }
      tx.update(ref, { ...changes, leaseOwner: null, leaseExpiresAt: null, updatedAt: iso() });
      return true;
    });

  /** Calls still running, abandoned ones included: terminating the client under them rejects inside it. */
  const inFlight = new Set<Promise<unknown>>();
  const store = classifyOutages<StateStore>({
    async claimFile(request) {
      const began = Date.now();
      const ref = files.doc(toDocId(request.fileId));
      // Refusals need no transaction: a strongly consistent read that refuses is a valid serialisation point.
      // Duplicate notifications then cost one read instead of a contended transaction (whose retries back
      // off for a second or more).
      const seen = await ref.get();
      if (seen.exists && decideClaim(fileFromDoc(seen.data() as FileDoc), request, now()).kind === 'refuse') {
        return null;
      }
      return inTransaction(async (tx) => {
        const snapshot = await tx.get(ref);
        const existing = snapshot.exists ? fileFromDoc(snapshot.data() as FileDoc) : null;
        const decision = decideClaim(existing, request, now());
        if (decision.kind === 'refuse') return null;
        tx.set(ref, fileToDoc(decision.record));
        return decision.kind === 'claim' ? decision.record : null;
      }, began);
    },
    completeFile(fileId, owner, outcome) {
      return finishAsOwner(fileId, owner, {
        status: outcome.status,
        folder: outcome.folder,
        resultJson: resultToJson(outcome.result),
        lastError: null,
      });
    },
    failFile(fileId, owner, error) {
      return finishAsOwner(fileId, owner, {
        status: 'failed',
        lastError: { code: error.code, message: error.message, retryable: error.retryable },
      });
    },
    renewFileLease(fileId, owner, leaseMs) {
      return inTransaction(async (tx) => {
        const ref = files.doc(toDocId(fileId));
        const current = (await tx.get(ref)).data() as FileDoc | undefined;
        if (
          !current ||
          current.fileId !== fileId ||
          current.status !== 'processing' ||
          current.leaseOwner !== owner
        ) {
          return false;
        }
        tx.update(ref, { leaseExpiresAt: now() + leaseMs });
        return true;
      });
    },
    async setFolder(fileId, folder) {
      await inTransaction(async (tx) => {
        const ref = files.doc(toDocId(fileId));
        const snapshot = await tx.get(ref);
        if (snapshot.exists) tx.update(ref, { folder, updatedAt: iso() });
      });
    },
    recordDecision(fileId, decision) {
      const { status, folder, action, by, at } = decision;
      return inTransaction(async (tx) => {
        const ref = files.doc(toDocId(fileId));
        const current = (await tx.get(ref)).data() as FileDoc | undefined;
        if (!current || current.fileId !== fileId) return false;
        const changes: Partial<FileDoc> = {
          status,
          folder,
          decision: { action, by, at },
          lastError: null,
          leaseOwner: null,
          leaseExpiresAt: null,
          updatedAt: iso(),
        };
        tx.update(ref, changes);
        return true;
      });
    },
    async getFile(fileId) {
      const snapshot = await files.doc(toDocId(fileId)).get();
      return snapshot.exists ? fileFromDoc(snapshot.data() as FileDoc) : null;
    },
    async listFiles(query: FileQuery = {}) {
      if (query.statuses?.length === 0 || (query.limit !== undefined && query.limit < 1)) return [];
      let q = files.orderBy('updatedAt', 'desc');
      if (query.statuses) q = q.where('status', 'in', query.statuses);
      if (query.since !== undefined) q = q.where('updatedAt', '>=', normaliseSince(query.since));
      if (query.limit !== undefined) q = q.limit(Math.trunc(query.limit));
      const snapshot = await q.get();
      return snapshot.docs.map((doc): FileRecord => fileFromDoc(doc.data() as FileDoc));
    },

    async getPageToken() {
      const snapshot = await meta.doc(PAGE_TOKEN_DOC).get();
      return (snapshot.get('value') as string | undefined) ?? null;
    },
    // A compare-and-set written optimistically, as leases are: every push-driven drain sets the token, and a
    // transaction on it cut off by an outage left its lock in place, so the first drains after the outage
    // waited past their deadline behind it.
    async setPageToken(expected, next) {
      const began = Date.now();
      const ref = meta.doc(PAGE_TOKEN_DOC);
      const snapshot = await ref.get();
      inTime(began);
      const current = (snapshot.get('value') as string | undefined) ?? null;
      if (current !== expected) return false;
      const value = { value: next, updatedAt: iso() };
      try {
        if (snapshot.exists && snapshot.updateTime)
          await ref.update(value, { lastUpdateTime: snapshot.updateTime });
        else await ref.create(value);
        return true;
      } catch (error) {
        // Set by another drain since it was read: this one's change is not the next.
        if (lostRace(error)) return false;
        throw error;
      }
    },

    async getCursor(name) {
      const snapshot = await meta.doc(cursorDocId(name)).get();
      return (snapshot.get('value') as string | undefined) ?? null;
    },
    async setCursor(name, value) {
      const ref = meta.doc(cursorDocId(name));
      if (value === null) await ref.delete();
      else await ref.set({ value, updatedAt: iso() });
    },

    // Leases are written optimistically (create, or update/delete only if the document is unchanged since it
    // was read), never in a transaction: a transaction cut off by an outage keeps retrying and holds the
    // document's lock once the network is back, which made the first lease after an outage wait past its
    // deadline. A write that loses the race reads again.
    async acquireLease(name, owner, ttlMs) {
      const began = Date.now();
      const ref = meta.doc(leaseDocId(name));
      for (let attempt = 0; attempt < LEASE_ATTEMPTS; attempt++) {
        const snapshot = await ref.get();
        // A read held through an outage answers after the caller gave up: no lease is taken for nobody.
        inTime(began);
        const current = snapshot.data() as LeaseDoc | undefined;
        const at = now();
        if (current && current.owner !== owner && current.expiresAt > at) return false;
        const lease: LeaseDoc = { name, owner, expiresAt: at + ttlMs };
        try {
          if (snapshot.exists && snapshot.updateTime)
            await ref.update({ ...lease }, { lastUpdateTime: snapshot.updateTime });
          else await ref.create(lease);
          return true;
        } catch (error) {
          if (!lostRace(error)) throw error;
        }
      }
      return false;
    },
    async releaseLease(name, owner) {
      const ref = meta.doc(leaseDocId(name));
      const snapshot = await ref.get();
      if ((snapshot.data() as LeaseDoc | undefined)?.owner !== owner || !snapshot.updateTime) return;
      try {
        await ref.delete({ lastUpdateTime: snapshot.updateTime });
      } catch (error) {
        // Taken over (or released) since it was read: it is no longer ours to delete.
        if (!lostRace(error)) throw error;
      }
    },

    async saveChannel(channel: WatchChannel) {
      const { id, resourceId, token, address, expiration } = channel;
      await channels.doc(toDocId(id)).set({ id, resourceId, token, address, expiration });
    },
    async listChannels() {
      const snapshot = await channels.get();
      return snapshot.docs
        .map((doc): WatchChannel => {
          const { id, resourceId, token, address, expiration } = doc.data() as WatchChannel;
          return { id, resourceId, token, address, expiration };
        })
        .sort((x, y) => x.expiration - y.expiration || x.id.localeCompare(y.id));
    },
    async deleteChannel(id) {
      await channels.doc(toDocId(id)).delete();
    },

    async recordHumanLabel(label: HumanLabel) {
      const doc: LabelDoc = {
        fileId: label.fileId,
        class: label.class,
        previousClass: label.previousClass,
        at: label.at,
      };
      await labels.doc(toDocId(label.fileId)).set(doc);
    },
    async listHumanLabels() {
      const snapshot = await labels.orderBy('at').get();
      return snapshot.docs.map((doc): HumanLabel => {
        const { fileId, class: classCode, previousClass, at } = doc.data() as LabelDoc;
        return { fileId, class: classCode, previousClass: previousClass ?? null, at };
      });
    },

    async close() {
      await settleInFlight(inFlight, callTimeoutMs * 2);
      if (ownsClient) await db.terminate();
    },
  });
  const listingMs = callTimeoutMs * 4;
  return withCallDeadlines(store, {
    defaultMs: callTimeoutMs,
    perMethod: { listFiles: listingMs, listChannels: listingMs, listHumanLabels: listingMs },
    unbounded: ['close'],
    inFlight,
  });
}

/** gRPC ALREADY_EXISTS (a create that found the document) or FAILED_PRECONDITION (it changed since read). */
function lostRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 6 || code === 9;
}
