import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/shared/logger.ts';
import { createInputStage } from '../../../src/stages/input/stage.ts';
import { defaultReadOptions } from '../../../src/stages/read/options.ts';
import { createReadStage } from '../../../src/stages/read/stage.ts';
import { runStages } from '../../../src/stages/runner.ts';
import type { PipelineContext } from '../../../src/stages/stage.ts';
import {
  attachedDocument,
  CORRECTIVE_INVOICE,
  declareSize,
  dianInvoiceXml,
  dianZip,
  invoicePdf,
  markEncrypted,
  zip,
} from './fixtures.ts';

const stage = createInputStage({
  read: createReadStage({ options: defaultReadOptions, ocr: null }),
  options: defaultReadOptions,
});

async function run(bytes: Uint8Array, name = 'entrada.zip') {
  const context: PipelineContext = {
    file: {
      id: name,
      name,
      md5: null,
      size: bytes.byteLength,
      mimeType: null,
      location: 'inbox',
      modifiedTime: null,
      link: null,
    },
    logger: silentLogger,
    signal: new AbortController().signal,
    bytes: Buffer.from(bytes),
    pages: { count: 0, ocr: 0 },
    timings: {},
  };
  const outcome = await runStages([stage], context, { retryDelayMs: () => 0 });
  return { outcome, context, code: outcome.kind === 'quarantined' ? outcome.error.code : null };
}

describe('input stage: hostile and unsupported files are quarantined with a reason, nothing crashes', () => {
  it('a ZIP bomb (30 MB of zeros, ~1000:1) is refused from its directory, before inflating', async () => {
    const bomb = zip({ 'factura.xml': new Uint8Array(30 * 1024 * 1024) }, 9);
    expect(bomb.byteLength).toBeLessThan(100_000);
    const { code, outcome } = await run(bomb);
    expect(code).toBe('archive_rejected');
    expect(outcome.kind === 'quarantined' && outcome.error.message).toMatch(/bomba ZIP/);
  });

  it('an entry that inflates past the size it declares is stopped at the declared size', async () => {
    const liar = declareSize(zip({ 'factura.xml': new Uint8Array(8 * 1024 * 1024) }, 9), 1000);
    const { code, outcome } = await run(liar);
    expect(code).toBe('archive_rejected');
    expect(outcome.kind === 'quarantined' && outcome.error.message).toMatch(/más de lo que declara/);
  });

  it('a ZIP with a ../ path or an absolute path is refused whole', async () => {
    const pdf = await invoicePdf(CORRECTIVE_INVOICE);
    for (const name of [
      '../../facturas/fv.pdf',
      'ok/../../fv.pdf',
      '/etc/fv.pdf',
      'C:/fv.pdf',
      '..\\fv.pdf',
    ]) {
      const { code } = await run(zip({ [name]: pdf, 'ad.xml': attachedDocument(CORRECTIVE_INVOICE) }));
      expect(code, name).toBe('archive_rejected');
    }
  });

  it('a truncated ZIP is corrupt, wherever it was cut', async () => {
    const whole = await dianZip(CORRECTIVE_INVOICE);
    for (const keep of [0.3, 0.9, 0.999]) {
      const { code } = await run(whole.subarray(0, Math.floor(whole.byteLength * keep)));
      expect(code, `cut at ${keep}`).toBe('corrupt');
    }
  });

  it('a ZIP whose entries carry a flipped byte fails its CRC-32 and is corrupt', async () => {
    const stored = zip({ 'ad.xml': attachedDocument(CORRECTIVE_INVOICE) }, 0);
    const damaged = stored.slice();
    damaged[200] = damaged[200]! ^ 0xff; // inside the stored XML
    expect((await run(damaged)).code).toBe('corrupt');
  });

  it('a password-protected ZIP (encryption flag set) is quarantined as encrypted', async () => {
    const locked = markEncrypted(await dianZip(CORRECTIVE_INVOICE));
    const { code, outcome } = await run(locked);
    expect(code).toBe('encrypted');
    expect(outcome.kind === 'quarantined' && outcome.error.message).toMatch(/contraseña/);
  });

  it('a DOCX (a ZIP with an Office manifest) is an unsupported type', async () => {
    const docx = zip({
      '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
      '_rels/.rels': '<Relationships/>',
      'word/document.xml': '<w:document xmlns:w="x"><w:body>Factura</w:body></w:document>',
    });
    const { code, outcome } = await run(docx, 'factura.docx');
    expect(code).toBe('unsupported_type');
    expect(outcome.kind === 'quarantined' && outcome.error.message).toMatch(/Office/);
  });

  it('an empty ZIP is an unsupported type', async () => {
    const empty = zipSync({});
    expect(empty.byteLength).toBe(22);
    expect((await run(empty)).code).toBe('unsupported_type');
  });

  it('a ZIP of 10,000 files is refused from its directory', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 10_000; i++) files[`f${i}.txt`] = strToU8('x');
    const { code, outcome } = await run(zipSync(files));
    expect(code).toBe('archive_rejected');
    expect(outcome.kind === 'quarantined' && outcome.error.message).toMatch(/10000 entradas/);
  });

  it('two PDFs and one XML: refused as ambiguous unless one PDF is named like the XML', async () => {
    const pdf = await invoicePdf(CORRECTIVE_INVOICE);
    const other = await invoicePdf({ ...CORRECTIVE_INVOICE, number: 'OTRA-1' });
    const xml = attachedDocument(CORRECTIVE_INVOICE);
    const ambiguous = await run(zip({ 'ad1.xml': xml, 'anexo.pdf': other, 'factura.pdf': pdf }));
    expect(ambiguous.code).toBe('archive_ambiguous');

    const named = await run(zip({ 'fe123.xml': xml, 'anexo.pdf': other, 'FE123.pdf': pdf }));
    expect(named.outcome.kind).toBe('completed');
    expect(named.context.document?.text).toContain(CORRECTIVE_INVOICE.number);
    expect(named.context.document?.text).not.toContain('OTRA-1');
    expect(named.context.document?.structured?.invoice.number).toBe(CORRECTIVE_INVOICE.number);
  });

  it('two different invoice XMLs in one ZIP are ambiguous; the same invoice twice is one', async () => {
    const pdf = await invoicePdf(CORRECTIVE_INVOICE);
    const second = { ...CORRECTIVE_INVOICE, number: 'SETP990000124', cufe: 'f'.repeat(96) };
    const two = await run(
      zip({ 'a.xml': attachedDocument(CORRECTIVE_INVOICE), 'b.xml': dianInvoiceXml(second), 'f.pdf': pdf }),
    );
    expect(two.code).toBe('archive_ambiguous');
    const same = await run(
      zip({ 'ad.xml': attachedDocument(CORRECTIVE_INVOICE), 'fv.xml': dianInvoiceXml(CORRECTIVE_INVOICE) }),
    );
    expect(same.outcome.kind).toBe('completed');
  });

  it('a ZIP inside the ZIP is opened (one level); one level deeper is refused', async () => {
    const inner = await dianZip(CORRECTIVE_INVOICE);
    const once = await run(zip({ 'factura.zip': inner }));
    expect(once.outcome.kind).toBe('completed');
    expect(once.context.document?.structured?.invoice.number).toBe(CORRECTIVE_INVOICE.number);
    const twice = await run(zip({ 'sobre.zip': zip({ 'factura.zip': inner }) }));
    expect(twice.code).toBe('archive_rejected');
  });

  it('an XML bomb inside a ZIP, and a lone XML that is no invoice, are refused as xml_rejected', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      '<Invoice>&lol2;</Invoice>';
    expect((await run(zip({ 'ad.xml': laughs }))).code).toBe('xml_rejected');
    expect((await run(strToU8(laughs), 'factura.xml')).code).toBe('xml_rejected');
    expect((await run(strToU8('<?xml version="1.0"?><pedido><id>1</id></pedido>'), 'x.xml')).code).toBe(
      'xml_rejected',
    );
  });

  it('a spreadsheet, a legacy DOC, a HEIC photo and unknown bytes are unsupported types; a 0-byte file is empty', async () => {
    const xlsx = zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const heic = strToU8(
      '\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000mif1heic\u0000\u0000\u0000\u0000',
    );
    expect((await run(xlsx, 'costos.xlsx')).code).toBe('unsupported_type');
    expect((await run(ole, 'factura.doc')).code).toBe('unsupported_type');
    const photo = await run(heic, 'IMG_0001.HEIC');
    expect(photo.code).toBe('unsupported_type');
    expect(photo.outcome.kind === 'quarantined' && photo.outcome.error.message).toMatch(/HEIC.*iPhone/);
    expect((await run(zip({ 'IMG_0001.HEIC': heic }))).code).toBe('unsupported_type');
    expect((await run(strToU8('hola, esto es texto'), 'notas.txt')).code).toBe('unsupported_type');
    expect((await run(new Uint8Array(0), 'vacio.zip')).code).toBe('empty');
  });

  it('a WEBP is now read as a photo: a damaged one is corrupt, not an unsupported type', async () => {
    const webp = strToU8('RIFF\u0010\u0000\u0000\u0000WEBPVP8 \u0004\u0000\u0000\u0000abcd');
    const { code, outcome } = await run(webp, 'foto.webp');
    expect(code).toBe('corrupt');
    expect(outcome.kind === 'quarantined' && outcome.error.message).toMatch(/WEBP/);
  });

  it('a ZIP with only a text file is an unsupported type that names what it holds', async () => {
    const { code, outcome } = await run(zip({ 'leeme.txt': 'nada' }));
    expect(code).toBe('unsupported_type');
    expect(outcome.kind === 'quarantined' && outcome.error.message).toContain('leeme.txt');
  });
});
