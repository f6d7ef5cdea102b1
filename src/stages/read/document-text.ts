import type { PageText, ReadDocument } from '../../contract/document.ts';
import type { EmbeddedInvoice } from './embedded-xml.ts';

export function toReadDocument(pages: PageText[], embedded?: EmbeddedInvoice): ReadDocument {
  const document: ReadDocument = {
    pages,
    text: pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n\f'),
  };
  if (embedded?.structured) document.structured = embedded.structured;
  if (embedded && embedded.rejections.length > 0) document.structuredRejections = embedded.rejections;
  return document;
}
