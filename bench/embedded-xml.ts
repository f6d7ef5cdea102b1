import fs from 'node:fs/promises';
import path from 'node:path';
import { AFRelationship, PDFDocument } from 'pdf-lib';
import { extractInvoice } from '../src/stages/extract/extract.ts';
import { defaultReadOptions } from '../src/stages/read/options.ts';
import { readPdf } from '../src/stages/read/read-pdf.ts';
import { facturX } from '../test/stages/extract/structured/fixtures.ts';

/**
 * Reading an invoice that carries its e-invoice XML against reading the same printed page alone: the same
 * digital PDFs, each once as generated and once with a Factur-X (CII) attachment, read and extracted on
 * this thread. Prints milliseconds per document for both, after one unmeasured pass over each set.
 */
export interface EmbeddedXmlFigures {
  documents: number;
  textOnlyMsPerDocument: number;
  withXmlMsPerDocument: number;
  /** Documents whose number came from the XML (all of them, when the attachment is read). */
  fromXml: number;
}

export async function benchEmbeddedXml(dir: string, limit = 40): Promise<EmbeddedXmlFigures> {
  const names = (await fs.readdir(dir))
    .filter((n) => n.endsWith('.pdf'))
    .sort()
    .slice(0, limit);
  const plain = await Promise.all(names.map((n) => fs.readFile(path.join(dir, n))));
  const xml = new TextEncoder().encode(facturX());
  const attached = await Promise.all(
    plain.map(async (bytes) => {
      const pdf = await PDFDocument.load(bytes);
      await pdf.attach(xml, 'factur-x.xml', {
        mimeType: 'text/xml',
        afRelationship: AFRelationship.Alternative,
      });
      return pdf.save();
    }),
  );
  const pass = async (set: Uint8Array[]) => {
    let fromXml = 0;
    const started = performance.now();
    for (const bytes of set) {
      const read = await readPdf(bytes, defaultReadOptions, null);
      const extraction = extractInvoice(read.document);
      if (extraction.provenance?.number === 'xml') fromXml++;
    }
    return { ms: (performance.now() - started) / set.length, fromXml };
  };
  await pass(plain);
  await pass(attached);
  const text = await pass(plain);
  const withXml = await pass(attached);
  return {
    documents: names.length,
    textOnlyMsPerDocument: text.ms,
    withXmlMsPerDocument: withXml.ms,
    fromXml: withXml.fromXml,
  };
}
