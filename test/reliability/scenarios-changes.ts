import { zipSync } from 'fflate';
import { facturX } from '../stages/extract/structured/fixtures.ts';
import { sleep, waitUntil } from './cluster.ts';
import { readLedger } from './ledger.ts';
import { allSettled, exactlyOnce, type Scenario, seconds, withScene } from './scenarios.ts';
import { census, describeCensus, type Scene, type World } from './world.ts';

const invoiceNumbers = async (scene: Scene, ids: string[]) => {
  const { rows } = await scene.db.query<{ file_id: string; invoice_number: string | null }>(
    'SELECT file_id, invoice_number FROM invoices WHERE file_id = ANY($1)',
    [ids],
  );
  return new Map(rows.map((r) => [r.file_id, r.invoice_number]));
};

const deletedRows = async (scene: Scene, ids: string[]) => {
  const { rows } = await scene.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM invoices WHERE file_id = ANY($1) AND deleted_at IS NOT NULL',
    [ids],
  );
  return rows[0]?.n ?? 0;
};

/** Three processed files get new content (a new md5): each is read again once and its row replaced. */
export const edit: Scenario = (world) =>
  withScene(world, 'edit', { instances: 1 }, async (scene) => {
    const began = Date.now();
    const files = scene.upload(6);
    await allSettled(world, scene, 6, 60_000);
    const edited = files.slice(0, 3).map((f) => f.id);
    const before = await invoiceNumbers(scene, edited);
    edited.forEach((id, i) => {
      world.fake.store.update(id, { content: world.pdfs[world.pdfs.length - 1 - i]! });
    });
    const current = (id: string) => world.fake.file(id)?.md5Checksum;
    const reread = await waitUntil(
      async () =>
        (await Promise.all(edited.map((id) => scene.state.getFile(id)))).every(
          (r) => r !== null && r.md5 === current(r.fileId) && r.status !== 'processing',
        ),
      60_000,
    );
    await sleep(1_500); // our own moves of the re-read files come back through the feed
    const after = await invoiceNumbers(scene, edited);
    const replaced = edited.filter((id) => after.get(id) !== before.get(id)).length;
    const c = await census(world, scene);
    const ledger = await readLedger(world, scene);
    const versions = [...ledger.values()].filter((v) => v.runs === 1).length;
    return {
      ok: reread && replaced === 3 && c.rows === 6 && c.inInbox === 0 && versions === 9,
      line: `3 of 6 files edited after processing: re-read ${reread}, ${replaced} rows replaced (invoice number changed), ${versions} versions run once, ${c.rows} rows, ${seconds(began)}`,
    };
  });

/** Files a person takes out of the inbox while they are processed: moved elsewhere, or trashed. */
async function leftMidRun(world: World, scene: Scene, how: 'moved' | 'deleted') {
  const began = Date.now();
  // The filing step reads the file's parents first: hold that read so people can act meanwhile.
  world.fake.faults.setLatency('files.get', 4_000);
  const files = scene.upload(8);
  const downloaded = await waitUntil(
    async () => [...(await readLedger(world, scene)).values()].filter((v) => v.downloads > 0).length >= 8,
    60_000,
    200,
  );
  const affected = files.slice(0, 4);
  const elsewhere = world.fake.createFolder(`Personal ${scene.name}`);
  if (how === 'moved') {
    for (const f of affected.slice(0, 2)) world.fake.move(f.id, elsewhere.id);
    for (const f of affected.slice(2)) world.fake.move(f.id, scene.folders.revision);
  } else {
    for (const f of affected.slice(0, 2)) world.fake.trash(f.id);
    for (const f of affected.slice(2)) world.fake.remove(f.id);
  }
  await allSettled(world, scene, 8, 60_000);
  world.fake.faults.clear();
  await sleep(1_500);
  const ledger = await readLedger(world, scene);
  const movesOf = (id: string) =>
    [...ledger.values()].filter((v) => v.fileId === id).reduce((n, v) => n + v.moves, 0);
  const affectedMoves = affected.reduce((n, f) => n + movesOf(f.id), 0);
  const untouchedFiled = files
    .slice(4)
    .filter((f) => movesOf(f.id) === 1 && !world.fake.file(f.id)?.parents.includes(scene.inboxId)).length;
  const c = await census(world, scene);
  return { began, downloaded, affected, elsewhere, affectedMoves, untouchedFiled, c };
}

export const movedmid: Scenario = (world) =>
  withScene(world, 'movedmid', { instances: 1, env: { PROCESS_CONCURRENCY: '8' } }, async (scene) => {
    const r = await leftMidRun(world, scene, 'moved');
    const stayed = r.affected.filter((f, i) => {
      const parents = world.fake.file(f.id)?.parents ?? [];
      return parents.length === 1 && parents[0] === (i < 2 ? r.elsewhere.id : scene.folders.revision);
    }).length;
    return {
      ok:
        r.downloaded &&
        stayed === 4 &&
        r.affectedMoves === 0 &&
        r.untouchedFiled === 4 &&
        r.c.withOutcome === 8,
      line: `8 PDFs, 4 moved by a person mid-run (2 out of our folders, 2 to Revisión): ${stayed} stayed where put, ${r.affectedMoves} moves by us; ${r.untouchedFiled}/4 others filed; ${describeCensus(r.c)}, ${seconds(r.began)}`,
    };
  });

export const deletedmid: Scenario = (world) =>
  withScene(world, 'deletedmid', { instances: 1, env: { PROCESS_CONCURRENCY: '8' } }, async (scene) => {
    const r = await leftMidRun(world, scene, 'deleted');
    const ids = r.affected.map((f) => f.id);
    const marked = await waitUntil(async () => (await deletedRows(scene, ids)) === 4, 30_000);
    const untouchedDeleted = await deletedRows(
      scene,
      scene.uploaded.slice(4).map((f) => f.id),
    );
    return {
      ok: r.downloaded && marked && untouchedDeleted === 0 && r.affectedMoves === 0 && r.untouchedFiled === 4,
      line: `8 PDFs, 2 trashed and 2 deleted mid-run: ${await deletedRows(scene, ids)}/4 rows marked deleted_at, ${r.affectedMoves} moves by us, ${untouchedDeleted} others marked; ${r.untouchedFiled}/4 others filed; ${seconds(r.began)}`,
    };
  });

/** Not only PDFs: a ZIP (PDF + XML), a Factur-X XML, a PNG-free DOCX, a text file; each gets one outcome. */
export const formats: Scenario = (world) =>
  withScene(world, 'formats', { instances: 1 }, async (scene) => {
    const began = Date.now();
    const inbox = scene.inboxId;
    const docx = zipSync({
      '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
      'word/document.xml': new TextEncoder().encode('<w:document/>'),
    });
    const zip = zipSync({ 'factura.pdf': new Uint8Array(world.pdfs[7]!) });
    const files = [
      world.fake.upload(`FE-formats-zip.zip`, zip, inbox, 'application/zip'),
      world.fake.upload(`FE-formats-cii.xml`, Buffer.from(facturX()), inbox, 'text/xml'),
      world.fake.upload(
        `FE-formats-doc.docx`,
        docx,
        inbox,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ),
      world.fake.upload(`FE-formats-notes.txt`, Buffer.from('no es una factura'), inbox, 'text/plain'),
      world.fake.upload(`FE-formats-pdf.pdf`, world.pdfs[8]!, inbox),
    ];
    scene.uploaded.push(...files);
    await allSettled(world, scene, files.length, 60_000);
    await sleep(1_000);
    const c = await census(world, scene);
    const records = await Promise.all(files.map((f) => scene.state.getFile(f.id)));
    const where = records.map((r) => `${r?.name.split('.').pop()}→${r?.folder}`).join(' ');
    const docxRecord = records[2];
    return {
      ok:
        c.withOutcome === 5 &&
        c.filed === 5 &&
        c.inInbox === 0 &&
        c.rows === 5 &&
        docxRecord?.folder === 'cuarentena' &&
        records[0]?.folder !== 'cuarentena' &&
        records[1]?.folder !== 'cuarentena',
      line: `${where}, ${describeCensus(c)}, ${seconds(began)}`,
    };
  });

/** 1,100 unrelated changes, then 20 invoices: one drain walks past page one (1,000 changes) to find them. */
export const bigfeed: Scenario = (world) =>
  withScene(world, 'bigfeed', { instances: 1 }, async (scene) => {
    const began = Date.now();
    world.fake.push.policy = () => 'drop';
    const other = world.fake.createFolder(`Otra carpeta ${scene.name}`);
    for (let i = 0; i < 1_100; i++)
      world.fake.upload(`otro-${i}.txt`, Buffer.from(`o${i}`), other.id, 'text/plain');
    const token = await scene.state.getPageToken();
    const backlog = Number(world.fake.startPageToken()) - Number(token);
    world.fake.push.policy = () => undefined;
    const lists = world.fake.requests.filter((r) => r.method === 'changes.list').length;
    scene.upload(20);
    await allSettled(world, scene, 20, 120_000);
    await sleep(1_500);
    const pages = world.fake.requests.filter((r) => r.method === 'changes.list').length - lists;
    const c = await census(world, scene);
    return {
      ok: exactlyOnce(c, 20) && backlog > 1_000 && pages >= 2,
      line: `${backlog} changes of other files before 20 PDFs, found by push-driven drains in ${pages} changes.list calls, ${describeCensus(c)}, ${seconds(began)}`,
    };
  });
