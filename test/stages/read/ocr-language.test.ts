import { describe, expect, it } from 'vitest';
import { languageMarkers, otherLanguageOf } from '../../../src/stages/read/ocr-language.ts';

const words = (text: string) => text.split(/\s+/);

describe('the language of a page read by the Spanish model', () => {
  it('names German, French, Portuguese, Italian, Dutch and English pages from their invoice words', () => {
    expect(
      otherLanguageOf(
        words('RECHNUNG Rechnungsnummer 2026-118 Datum 03.11.2026 Menge Einzelpreis Gesamtbetrag zzgl. MwSt'),
      ),
    ).toBe('deu');
    expect(
      otherLanguageOf(
        words('FACTURE N° de facture 4471 Désignation Qté Montant HT Total TTC TVA 20 % Net à payer'),
      ),
    ).toBe('fra');
    expect(
      otherLanguageOf(
        words('NOTA FISCAL DE SERVIÇOS Data de Emissão CNPJ Tomador Prestador Valor dos Serviços ISS'),
      ),
    ).toBe('por');
    expect(
      otherLanguageOf(
        words('Fattura n. 245 del 12/03/2026 Partita IVA Codice Fiscale Imponibile Totale documento'),
      ),
    ).toBe('ita');
    expect(
      otherLanguageOf(
        words('FACTUUR Factuurnummer Factuurdatum Omschrijving Aantal Prijs Totaal excl. btw KvK'),
      ),
    ).toBe('nld');
    expect(
      otherLanguageOf(
        words(
          'INVOICE Invoice No. Date Bill to Ship to Description Qty Unit Price Amount Balance due Thank you',
        ),
      ),
    ).toBe('eng');
  });

  it('leaves Spanish pages alone, English words in them included', () => {
    const colombian = words(
      'FACTURA ELECTRÓNICA DE VENTA No. FE-1234 Fecha de emisión NIT Cliente Descripción Cantidad Valor unitario ' +
        'Total a pagar Forma de pago Crédito Invoice Total Due',
    );
    expect(otherLanguageOf(colombian)).toBeNull();
    expect(languageMarkers(colombian).get('spa')).toBeGreaterThan(languageMarkers(colombian).get('eng') ?? 0);
  });

  it('needs several distinct markers: a repeated word or a short page tells nothing', () => {
    expect(otherLanguageOf(words('Rechnung Rechnung Rechnung Rechnung Rechnung'))).toBeNull();
    expect(otherLanguageOf(words('Invoice 123 Total 45.00'))).toBeNull();
    expect(otherLanguageOf([])).toBeNull();
  });

  it('reads through what the Spanish model does to foreign letters (accents dropped or changed, ß)', () => {
    expect(languageMarkers(words('Straße Quantità Échéance Emissão')).get('deu')).toBe(1);
    expect(languageMarkers(words('Straße Quantità Échéance Emissão')).get('ita')).toBe(1);
    expect(languageMarkers(words('Straße Quantità Échéance Emissão')).get('fra')).toBe(1);
    expect(languageMarkers(words('Straße Quantità Échéance Emissão')).get('por')).toBe(1);
  });
});
