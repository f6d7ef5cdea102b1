import { PDFDocument, StandardFonts } from 'pdf-lib';
import { sleep } from './cluster.ts';
import { allSettled, type Scenario, seconds, withScene } from './scenarios.ts';
import { callTask, census, describeCensus } from './world.ts';

/** A text layer built to be slow to extract: 44-digit access keys, long digit runs, numbered name prefixes. */
async function adversarialPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Courier);
  for (let page = 0; page < 12; page++) {
    const p = doc.addPage([612, 792]);
    for (let row = 0; row < 60; row++) {
      const key = Array.from({ length: 11 }, (_, i) =>
        String((page * 7919 + row * 104_729 + i * 31) % 10_000).padStart(4, '0'),
      ).join(' ');
      const run = '9'.repeat(60 + ((row * 13) % 40));
      const text =
        row % 3 === 0
          ? `CHAVE DE ACESSO ${key}`
          : row % 3 === 1
            ? run
            : `(${row}) - (${page}) - ${run.slice(0, 30)} Empresa`;
      p.drawText(text.slice(0, 120), { x: 10, y: 780 - row * 12.8, size: 6, font });
    }
  }
  return Buffer.from(await doc.save());
}

/** One hostile document among 50 good ones: it ends within its deadline and never stalls the instance. */
export const hanging: Scenario = (world) =>
  withScene(world, 'hanging', { instances: 1, env: { EXTRACT_TIMEOUT_MS: '5000' } }, async (scene) => {
    const began = Date.now();
    const [instance] = scene.instances;
    const hostile = world.fake.upload('FE-hanging-danfe.pdf', await adversarialPdf(), scene.inboxId);
    scene.uploaded.push(hostile);
    scene.upload(50);
    // The event loop stays free: health checks answer quickly while the files run.
    let slowest = 0;
    let probes = 0;
    const settled = allSettled(world, scene, 51, 240_000);
    let done = false;
    void settled.then(() => {
      done = true;
    });
    while (!done) {
      const t = Date.now();
      await fetch(`${instance!.url}/healthz`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
      slowest = Math.max(slowest, Date.now() - t);
      probes++;
      await sleep(500);
    }
    const c = await census(world, scene);
    const record = await scene.state.getFile(hostile.id);
    return {
      ok: (await settled) && c.withOutcome === 51 && c.inInbox === 0 && c.rows === 51 && slowest < 3_000,
      line: `hostile PDF → ${record?.status} ${record?.lastError?.code ?? record?.folder ?? ''}; ${probes} /healthz probes, slowest ${slowest} ms; ${describeCensus(c)}, ${seconds(began)}`,
    };
  });

/** Four /tasks/train calls at once on two instances: one trains, three hear 409 in Spanish. */
export const training: Scenario = (world) =>
  withScene(world, 'training', { instances: 2 }, async (scene) => {
    const began = Date.now();
    // Training lists the class folders first: slow that down so the calls overlap.
    world.fake.faults.setLatency('files.list', 3_000);
    const calls = [0, 1, 2, 3].map((i) => callTask(world, scene.instances[i % 2]!, '/tasks/train'));
    const answers = await Promise.all(calls);
    world.fake.faults.clear();
    const statuses = answers.map((a) => a.status).sort();
    const busy = answers.filter((a) => a.status === 409);
    const spanish = busy.every((a) => /entrenamiento en curso/.test(JSON.stringify(a.body)));
    const free = await callTask(world, scene.instances[1]!, '/tasks/train');
    return {
      ok:
        statuses.filter((s) => s === 200).length === 1 && busy.length === 3 && spanish && free.status === 200,
      line: `4 concurrent calls answered ${statuses.join(' ')} (409 in Spanish: ${spanish}); a later call ${free.status}, ${seconds(began)}`,
    };
  });
