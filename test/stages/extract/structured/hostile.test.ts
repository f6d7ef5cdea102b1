import { describe, expect, it } from 'vitest';
import { parseStructuredInvoice } from '../../../../src/stages/extract/structured/index.ts';
import { dianAttachedDocument, facturX } from './fixtures.ts';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>&lol9;</ID></Invoice>`;

const EXTERNAL_ENTITY = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE Invoice [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>&xxe;</ID></Invoice>`;

function rejection(xml: string | Uint8Array, options?: { maxBytes?: number }) {
  const result = parseStructuredInvoice(xml, options);
  if (result.ok) throw new Error('accepted');
  expect(result.message.length).toBeGreaterThan(10);
  return result.reason;
}

describe('parseStructuredInvoice refuses hostile and foreign XML with a reason, never throwing', () => {
  it('refuses the billion laughs before any expansion', () => {
    const started = performance.now();
    expect(rejection(BILLION_LAUGHS)).toBe('doctype_forbidden');
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses an external entity (never reads the file it names)', () => {
    expect(rejection(EXTERNAL_ENTITY)).toBe('doctype_forbidden');
  });

  it('refuses an external entity hidden in a DIAN AttachedDocument', () => {
    expect(rejection(dianAttachedDocument(EXTERNAL_ENTITY))).toBe('doctype_forbidden');
  });

  it('refuses XML over the size cap', () => {
    expect(rejection(facturX(), { maxBytes: 1000 })).toBe('too_large');
  });

  it('refuses text that is not XML, truncated XML and an empty file', () => {
    expect(rejection('%PDF-1.7 not xml')).toBe('not_xml');
    expect(rejection(facturX().slice(0, 900))).toBe('not_xml');
    expect(rejection(new Uint8Array())).toBe('not_xml');
  });

  it('refuses nesting deeper than the limit', () => {
    expect(rejection(`${'<a>'.repeat(500)}x${'</a>'.repeat(500)}`)).toBe('too_deep');
  });

  it('refuses well-formed XML that is no invoice', () => {
    expect(
      rejection('<?xml version="1.0"?><rss version="2.0"><channel><title>Noticias</title></channel></rss>'),
    ).toBe('not_invoice');
    expect(
      rejection(
        '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><Note>hola</Note></Invoice>',
      ),
    ).toBe('not_invoice');
    const responseOnly = dianAttachedDocument('<ApplicationResponse><ID>1</ID></ApplicationResponse>');
    expect(rejection(responseOnly)).toBe('not_invoice');
  });

  it('decodes predefined and numeric references once, never a second time', () => {
    const xml = facturX().replace('Kunde &amp; Partner AG', 'A &amp;lt; B &#x41;&#66;');
    const result = parseStructuredInvoice(xml);
    expect(result.ok && result.invoice.customer.name).toBe('A &lt; B AB');
  });
});
