import { describe, expect, it } from 'vitest';
import { generateInvoice, LOCALE_CODES, localeByCode } from '../../../tools/corpus/index.ts';
import { SERVICES_DE } from '../../../tools/corpus/locales/services-de.ts';
import { SERVICES_EN } from '../../../tools/corpus/locales/services-en.ts';
import { SERVICES_ES } from '../../../tools/corpus/locales/services-es.ts';
import { SERVICES_FR } from '../../../tools/corpus/locales/services-fr.ts';
import { SERVICES_IT } from '../../../tools/corpus/locales/services-it.ts';
import { SERVICES_NL } from '../../../tools/corpus/locales/services-nl.ts';
import { SERVICES_PT } from '../../../tools/corpus/locales/services-pt.ts';
import { Random } from '../../../tools/corpus/random.ts';
import { draftLines, draftRemarks, type ServiceVocabulary } from '../../../tools/corpus/services.ts';

const VOCABULARIES = [
  SERVICES_ES,
  SERVICES_EN,
  SERVICES_DE,
  SERVICES_FR,
  SERVICES_IT,
  SERVICES_NL,
  SERVICES_PT,
];
const TEMPLATE_SLOTS = new Set(['{machine}', '{Machine}', '{component}', '{freq}', '{hours}']);
const REMARK_SLOTS = new Set(['{month}', '{days}', '{account}']);
const UNITS = new Set(['service', 'piece', 'hour', 'gallon', 'kilo', 'box', 'global', 'trip']);

/** What the standard PDF fonts encode (WinAnsi): Latin-1 plus a few punctuation marks and €. */
const printable = (text: string) => /^[\x20-\x7e\xa0-\xff€‘’“”–—…•œŒ]*$/.test(text);

/** Every string a vocabulary can print, with the slots it uses. */
function strings(vocabulary: ServiceVocabulary): { text: string; slots: Set<string> }[] {
  const templates = [
    ...vocabulary.preventiveServices,
    ...vocabulary.correctiveServices,
    ...vocabulary.weakPreventiveCues,
    ...vocabulary.weakCorrectiveCues,
  ].map((text) => ({ text, slots: TEMPLATE_SLOTS }));
  const remarks = [
    ...vocabulary.preventiveRemarks,
    ...vocabulary.correctiveRemarks,
    ...vocabulary.neutralRemarks,
  ].map((text) => ({ text, slots: REMARK_SLOTS }));
  const plain = [
    ...vocabulary.machines,
    ...vocabulary.components,
    ...vocabulary.frequencies,
    ...vocabulary.parts.map((part) => part.description),
    ...vocabulary.genericLines.map((line) => line.description),
  ].map((text) => ({ text, slots: new Set<string>() }));
  return [...templates, ...remarks, ...plain];
}

describe('service vocabularies', () => {
  it('have the Spanish shape in every language, with known slots and printable characters', () => {
    const shape = (v: ServiceVocabulary) => ({
      parts: v.parts.map((part) => [part.unit, part.min, part.max]),
      genericLines: v.genericLines.map((line) => [line.kind, line.unit, line.min, line.max]),
      weak: [v.weakPreventiveCues.length, v.weakCorrectiveCues.length],
      frequencies: v.frequencies.length,
    });
    for (const vocabulary of VOCABULARIES) {
      const name = vocabulary.language;
      expect(shape(vocabulary), name).toEqual(shape(SERVICES_ES));
      for (const list of [
        vocabulary.machines,
        vocabulary.components,
        vocabulary.preventiveServices,
        vocabulary.correctiveServices,
        vocabulary.preventiveRemarks,
        vocabulary.correctiveRemarks,
        vocabulary.neutralRemarks,
      ])
        expect(list.length, name).toBeGreaterThanOrEqual(4);
      for (const { text, slots } of strings(vocabulary)) {
        expect(printable(text), `${name}: ${text}`).toBe(true);
        for (const slot of text.match(/\{[^}]*\}/g) ?? [])
          expect(slots.has(slot), `${name}: ${text}`).toBe(true);
      }
      for (const template of [...vocabulary.preventiveServices, ...vocabulary.correctiveServices])
        expect(/\{machine\}|\{Machine\}|\{component\}/.test(template), `${name}: ${template}`).toBe(true);
      for (const part of vocabulary.parts) expect(UNITS.has(part.unit)).toBe(true);
    }
    expect(new Set(VOCABULARIES.map((v) => v.language)).size).toBe(VOCABULARIES.length);
  });

  it('take the same random draws in every language', () => {
    for (const vocabulary of VOCABULARIES) {
      for (let seed = 1; seed <= 40; seed++) {
        const spanish = new Random(seed);
        const other = new Random(seed);
        const label = seed % 2 ? 'preventiva' : 'correctiva';
        const a = draftLines(spanish, label, 1 + (seed % 9));
        const b = draftLines(other, label, 1 + (seed % 9), vocabulary);
        expect(b.map((line) => [line.kind, line.unit, line.quantity])).toEqual(
          a.map((line) => [line.kind, line.unit, line.quantity]),
        );
        draftRemarks(spanish, label);
        draftRemarks(
          other,
          label,
          vocabulary,
          Array.from({ length: 12 }, (_, i) => `m${i}`),
        );
        expect(other.next()).toBe(spanish.next());
      }
    }
  });

  it('prints each locale in its own language and the Spanish locales in Spanish', async () => {
    const expected: Record<string, ServiceVocabulary> = {
      'es-ES': SERVICES_ES,
      'es-MX': SERVICES_ES,
      'es-AR': SERVICES_ES,
      'en-US': SERVICES_EN,
      'en-GB': SERVICES_EN,
      'de-DE': SERVICES_DE,
      'fr-FR': SERVICES_FR,
      'it-IT': SERVICES_IT,
      'nl-NL': SERVICES_NL,
      'pt-BR': SERVICES_PT,
    };
    for (const code of LOCALE_CODES.slice(1)) {
      const vocabulary = expected[code]!;
      expect(localeByCode(code)!.services, code).toBe(vocabulary);
      const fixedLines = (v: ServiceVocabulary) =>
        [...v.parts, ...v.genericLines].map((line) => line.description.toUpperCase());
      const elsewhere = new Set(VOCABULARIES.filter((v) => v !== vocabulary).flatMap(fixedLines));
      const own = new Set(fixedLines(vocabulary).filter((line) => !elsewhere.has(line)));
      let fixed = 0;
      for (let seed = 900; seed < 910; seed++) {
        const { truth } = await generateInvoice(seed, { locale: code, layout: 'plain-inline' });
        for (const line of truth.invoice!.lines) {
          const upper = line.description!.toUpperCase();
          if (own.has(upper)) fixed++;
        }
      }
      // Parts and generic lines are printed word for word: some must be this language's and no other's.
      expect(fixed, code).toBeGreaterThan(0);
    }
  });
});
