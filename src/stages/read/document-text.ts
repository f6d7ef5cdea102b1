import type { PageText, ReadDocument } from '../../contract/document.ts';

export function toReadDocument(pages: PageText[]): ReadDocument {
  return { pages, text: pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n\f') };
}
