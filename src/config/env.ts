import path from 'node:path';
import { z } from 'zod';

/**
 * All configuration comes from environment variables, validated once at start. With none set the service
 * runs the embedded default: a local inbox folder, SQLite state and SQLite warehouse under ./data.
 */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number) => z.coerce.number().int().min(min);

export const envSchema = z.object({
  /** 'production' in the image: test hooks (DRIVE_API_ROOT, TASKS_OIDC_CERTS_URL) are refused. */
  NODE_ENV: z.string().optional(),
  PORT: int(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARNING', 'ERROR']).default('INFO'),
  DATA_DIR: z.string().default('./data'),
  /** Folder with onnx/model.onnx and model.json. */
  MODEL_DIR: z.string().default('./onnx'),
  /** Labelled invoices (class folders or a generated corpus) that POST /tasks/train adds to the corrections. */
  TRAINING_DIR: z.string().min(1).optional(),
  /**
   * Where promoted models are kept for every instance: 'local' (MODEL_STORE_DIR, default DATA_DIR/modelos)
   * or 'drive' (a 'Modelos' folder under DRIVE_ROOT_FOLDER_ID). The current version is kept in the state store.
   */
  MODEL_STORE: z.enum(['local', 'drive']).default('local'),
  MODEL_STORE_DIR: z.string().min(1).optional(),

  SOURCE: z.enum(['local', 'drive']).default('local'),
  INBOX_DIR: z.string().default('./inbox'),
  /** Local inbox: how often to sweep besides watching, and how long a file must be unchanged to be read. */
  LOCAL_SWEEP_INTERVAL_MS: int(100).default(30_000),
  LOCAL_SETTLE_MS: int(0).default(500),
  /** Copy these PDFs into an empty inbox at start (the embedded demo). */
  SEED_SAMPLES_DIR: z.string().optional(),

  DRIVE_INBOX_FOLDER_ID: z.string().min(1).optional(),
  /** Parent of the class folders; defaults to the inbox folder itself. */
  DRIVE_ROOT_FOLDER_ID: z.string().min(1).optional(),
  /** Shared drive id when the inbox lives in a shared drive. */
  DRIVE_SHARED_DRIVE_ID: z.string().min(1).optional(),
  /** Only for tests against a fake Drive server. */
  DRIVE_API_ROOT: z.string().url().optional(),
  /** Public HTTPS address of POST /drive/notifications. */
  WEBHOOK_URL: z.string().url().optional(),
  /** Shared secret Drive echoes in X-Goog-Channel-Token. */
  CHANNEL_TOKEN: z.string().min(16).optional(),
  CHANNEL_TTL_HOURS: int(1).max(168).default(168),
  CHANNEL_RENEW_BEFORE_HOURS: int(1).max(167).default(6),

  STATE: z.enum(['sqlite', 'firestore']).default('sqlite'),
  GOOGLE_CLOUD_PROJECT: z.string().min(1).optional(),
  FIRESTORE_DATABASE_ID: z.string().default('(default)'),
  FIRESTORE_COLLECTION_PREFIX: z.string().default('facturas'),
  /** Milliseconds a Firestore call may go unanswered before it fails as retryable (listings: 4×). */
  FIRESTORE_TIMEOUT_MS: int(100).max(600_000).default(4_000),

  /** Warehouse: a URL (sqlite:path, postgres://, mysql://, mssql://) or the original DB_* variables. */
  DB_DIALECT: z.enum(['sqlite', 'postgres', 'mysql', 'mssql']).optional(),
  DATABASE_URL: z.string().min(1).optional(),
  DB_HOST: z.string().min(1).optional(),
  DB_PORT: int(1).max(65535).optional(),
  DB_NAME: z.string().min(1).optional(),
  DB_USER: z.string().min(1).optional(),
  DB_PASSWORD: z.string().optional(),
  DB_ENCRYPT: bool.default(true),
  DB_TRUST_SERVER_CERTIFICATE: bool.default(false),

  /** Cloud Scheduler / operator calls: OIDC tokens for this audience, from this service account. */
  TASKS_AUDIENCE: z.string().min(1).optional(),
  TASKS_SERVICE_ACCOUNT: z.string().email().optional(),
  /** When set, the dashboard asks for this user and password (HTTP Basic); set it wherever the page is public. */
  DASHBOARD_USER: z.string().min(1).default('facturas'),
  DASHBOARD_PASSWORD: z.string().min(8).optional(),
  /**
   * Behind Identity-Aware Proxy: the audience of its signed header (`/projects/NUMBER/global/backendServices/ID`,
   * `/projects/NUMBER/apps/PROJECT` or `/projects/NUMBER/locations/REGION/services/NAME`). When set, /revision
   * admits only requests with a valid `x-goog-iap-jwt-assertion`, and its email is the reviewer.
   */
  IAP_AUDIENCE: z
    .string()
    .regex(
      /^\/projects\/\d{1,20}\/(?:global\/backendServices\/\d{1,20}|apps\/[a-z][a-z0-9-]{4,29}|locations\/[a-z0-9-]{1,40}\/services\/[a-z0-9-]{1,63})$/,
      'an IAP audience: /projects/NUMBER/global/backendServices/ID, /projects/NUMBER/apps/PROJECT or /projects/NUMBER/locations/REGION/services/NAME',
    )
    .optional(),
  /** Tests only (machines without Internet): where to fetch IAP's public keys, a kid → PEM JSON map. */
  IAP_PUBLIC_KEYS_URL: z.string().url().optional(),
  /** Alternative for local runs: a bearer token for /replay and /tasks/*. */
  API_TOKEN: z.string().min(16).optional(),
  /** Tests only: where to fetch the PEM certs that sign OIDC tokens (Google's endpoint by default). */
  TASKS_OIDC_CERTS_URL: z.string().url().optional(),
  /** How long a claimed file stays leased to the instance processing it (a crashed run is retaken after). */
  PROCESS_LEASE_MS: int(1000).default(10 * 60_000),

  MAX_FILE_BYTES: int(1).default(50 * 1024 * 1024),
  MAX_PAGES: int(1).default(300),
  MAX_IMAGE_PIXELS: int(1).default(60_000_000),
  OCR_WORKERS: int(0).max(16).optional(),
  OCR_PAGE_TIMEOUT_MS: int(1000).default(60_000),
  OCR_DPI: int(72).max(600).default(300),
  /**
   * Recycle an OCR worker after this many pages. A fresh one takes ~1 s to start, and a worker's memory peaks
   * within its first few pages: lower values do not lower the peak RSS.
   */
  OCR_WORKER_MAX_PAGES: int(1).default(40),
  /** Read the tax authority's QR code (DIAN, AFIP) on scans and in embedded images, and trust it over OCR. */
  READ_QR_CODES: bool.default(true),
  PROCESS_CONCURRENCY: int(1).max(64).default(4),
  /**
   * Worker threads that read PDFs' text layers beside the main thread; 0 reads on the main thread. Default:
   * one fewer than the cores (at least one), and no more than PROCESS_CONCURRENCY.
   */
  READ_WORKERS: int(0).max(16).optional(),
  /** A PDF whose text layers take longer than this to read is quarantined as `timeout` (a hostile file). */
  READ_TIMEOUT_MS: int(1000).default(60_000),
  /**
   * A PDF read with OCR (or on the main thread) still unfinished after this long is quarantined as `timeout`:
   * its queued pages are dropped. Each OCR page also has OCR_PAGE_TIMEOUT_MS.
   */
  READ_DOCUMENT_TIMEOUT_MS: int(1000).default(15 * 60_000),
  /**
   * Worker threads that extract invoices from read documents (the main thread only coordinates). Default: as
   * many as the reading threads.
   */
  EXTRACT_WORKERS: int(1).max(16).optional(),
  /** A document whose extraction takes longer than this is quarantined as `timeout`; its thread is replaced. */
  EXTRACT_TIMEOUT_MS: int(100).default(30_000),
  /**
   * Which chooser ranks the header fields' candidates: `hand` (hand-set factors) or `learned` (softmax over
   * weights fitted by tools/train-fields). Unset: the one src/stages/extract/fields/weights.json names. Read
   * from the process environment by the extract threads (src/stages/extract/fields/field-chooser.ts).
   */
  FIELD_SCORER: z.enum(['hand', 'learned']).optional(),
  /**
   * A document whose number, issue date, total or supplier tax id is below this confidence (0..1) goes to
   * Revisión with the reason, whatever its class.
   */
  REVIEW_FIELD_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.8),
  /**
   * Who runs the files the drain, the sweep and a backfill find: this instance's queue (`inprocess`, the
   * embedded default) or every instance through a Pub/Sub topic and its push subscription (`pubsub`).
   */
  DISPATCH: z.enum(['inprocess', 'pubsub']).default('inprocess'),
  /** Topic id (not the full name) the drain publishes one message per file to; required with DISPATCH=pubsub. */
  PUBSUB_TOPIC: z
    .string()
    .regex(/^[A-Za-z][\w.~+%-]{2,254}$/, 'a Pub/Sub topic id')
    .optional(),
  /** Project of the topic; defaults to GOOGLE_CLOUD_PROJECT. */
  PUBSUB_PROJECT: z.string().min(1).optional(),
  /** host:port of the Pub/Sub emulator (tests, local runs): plain HTTP without credentials. */
  PUBSUB_EMULATOR_HOST: z
    .string()
    .regex(/^[\w.-]+:\d{1,5}$/, 'host:port')
    .optional(),
  /** The subscription's max delivery attempts: a retryable failure on the last one is left to the dead-letter topic. */
  PUBSUB_MAX_DELIVERY_ATTEMPTS: int(5).max(100).default(10),
  /** Largest POST /tasks/process body accepted (a push envelope is a few KB). */
  PUSH_MAX_BODY_BYTES: int(1024)
    .max(10 * 1024 * 1024)
    .default(64 * 1024),
  /** On SIGTERM, how long running files may take to finish before they are interrupted and released. */
  SHUTDOWN_GRACE_MS: int(0).default(8_000),
});

/** Variables that exist only for tests against fakes; never accepted in production. */
export const TEST_HOOKS = ['DRIVE_API_ROOT', 'TASKS_OIDC_CERTS_URL', 'IAP_PUBLIC_KEYS_URL'] as const;

/** Requirements between variables, checked on the raw input so they are reported with every other problem. */
function crossFieldProblems(raw: Record<string, string>): string[] {
  const problems: string[] = [];
  if (raw.SOURCE === 'drive' && !raw.DRIVE_INBOX_FOLDER_ID)
    problems.push('DRIVE_INBOX_FOLDER_ID: required when SOURCE=drive');
  if (raw.STATE === 'firestore' && !raw.GOOGLE_CLOUD_PROJECT) {
    problems.push('GOOGLE_CLOUD_PROJECT: required when STATE=firestore');
  }
  if (raw.MODEL_STORE === 'drive' && !raw.DRIVE_ROOT_FOLDER_ID) {
    problems.push('DRIVE_ROOT_FOLDER_ID: required when MODEL_STORE=drive');
  }
  if (raw.DISPATCH === 'pubsub') {
    if (!raw.PUBSUB_TOPIC) problems.push('PUBSUB_TOPIC: required when DISPATCH=pubsub');
    if (!raw.PUBSUB_PROJECT && !raw.GOOGLE_CLOUD_PROJECT)
      problems.push('PUBSUB_PROJECT: required when DISPATCH=pubsub (or GOOGLE_CLOUD_PROJECT)');
  }
  if (raw.NODE_ENV === 'production') {
    // Whoever serves the certs URL could mint task tokens; a fake Drive root would redirect every file.
    for (const hook of TEST_HOOKS) {
      if (raw[hook]) problems.push(`${hook}: test hook, refused when NODE_ENV=production`);
    }
  }
  if (raw.TASKS_AUDIENCE && !raw.TASKS_SERVICE_ACCOUNT)
    problems.push('TASKS_SERVICE_ACCOUNT: required with TASKS_AUDIENCE');
  return problems;
}

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuración inválida:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; throws one ConfigError naming every bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const relevant = Object.fromEntries(
    Object.keys(envSchema.shape).flatMap((key) => {
      const value = source[key];
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = envSchema.safeParse(relevant);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...crossFieldProblems(relevant as Record<string, string>),
  ];
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return parsed.data;
}

export function resolveDataPath(env: Env, ...parts: string[]): string {
  return path.resolve(env.DATA_DIR, ...parts);
}
