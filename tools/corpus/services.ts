import type { ClassLabel } from '../../src/contract/result.ts';
import { MONTHS } from './format.ts';
import { SERVICES_ES } from './locales/services-es.ts';
import type { Random } from './random.ts';

/**
 * What the invoices are about: maintenance of a textile plant. Both classes share machines, parts and
 * labour; only the service lines and remarks carry the class, and sometimes a weak cue of the other class
 * is mixed in so that the task is not a keyword match. The words come from a `ServiceVocabulary` per
 * language (`locales/services-<language>.ts`); this file only draws from one.
 */

export interface LineDraft {
  kind: 'service' | 'part' | 'labour' | 'other';
  description: string;
  unit: 'service' | 'piece' | 'hour' | 'gallon' | 'kilo' | 'box' | 'global' | 'trip';
  quantity: number;
  /** Unit price in COP. */
  unitPrice: number;
}

export interface PartSpec {
  description: string;
  unit: LineDraft['unit'];
  /** Unit price range in COP. */
  min: number;
  max: number;
}

export interface GenericLineSpec extends PartSpec {
  kind: LineDraft['kind'];
}

/**
 * One language's maintenance vocabulary (`locales/services-<language>.ts`). Service templates and weak cues
 * take `{machine}` / `{Machine}` (capitalised), `{component}`, `{freq}` and `{hours}`; remarks take `{month}`,
 * `{days}` and `{account}`. Every language has the same shape, and the draws below take the same random
 * numbers whatever the language.
 */
export interface ServiceVocabulary {
  /** ISO 639-1 code. */
  language: string;
  /** Machines: generic words in the language, brand and model names as the maker writes them. */
  machines: string[];
  components: string[];
  parts: PartSpec[];
  preventiveServices: string[];
  correctiveServices: string[];
  /** Weak cues of the other class, mixed into an invoice now and then: preventive wording on a correctiva… */
  weakPreventiveCues: string[];
  /** …and corrective wording on a preventiva. */
  weakCorrectiveCues: string[];
  /** Labour, travel, consumables: both classes. */
  genericLines: GenericLineSpec[];
  frequencies: string[];
  preventiveRemarks: string[];
  correctiveRemarks: string[];
  /** Payment and commercial boilerplate: no class cue. */
  neutralRemarks: string[];
}

function fill(rng: Random, vocabulary: ServiceVocabulary, template: string): string {
  const machine = rng.pick(vocabulary.machines);
  return template
    .replace('{Machine}', machine.charAt(0).toUpperCase() + machine.slice(1))
    .replace('{machine}', machine)
    .replace('{component}', rng.pick(vocabulary.components))
    .replace('{freq}', rng.pick(vocabulary.frequencies))
    .replace(/\{hours\}/g, String(rng.pick([500, 1000, 2000, 4000, 8000])));
}

function priceIn(rng: Random, min: number, max: number): number {
  return Math.round(rng.int(min, max) / 100) * 100;
}

function serviceLine(rng: Random, vocabulary: ServiceVocabulary, template: string): LineDraft {
  const lumpSum = rng.chance(0.7);
  return {
    kind: 'service',
    description: fill(rng, vocabulary, template),
    unit: lumpSum ? 'service' : 'hour',
    quantity: lumpSum ? rng.pick([1, 1, 1, 2, 3]) : rng.int(2, 16),
    unitPrice: lumpSum ? priceIn(rng, 450_000, 6_500_000) : priceIn(rng, 55_000, 140_000),
  };
}

function partLine(rng: Random, vocabulary: ServiceVocabulary): LineDraft {
  const part = rng.pick(vocabulary.parts);
  const quantity =
    part.unit === 'gallon' || part.unit === 'kilo' ? rng.int(1, 12) : rng.pick([1, 1, 2, 2, 4, 6]);
  return {
    kind: 'part',
    description: part.description,
    unit: part.unit,
    quantity,
    unitPrice: priceIn(rng, part.min, part.max),
  };
}

function genericLine(rng: Random, vocabulary: ServiceVocabulary): LineDraft {
  const line = rng.pick(vocabulary.genericLines);
  const quantity = line.unit === 'hour' ? rng.int(2, 24) : 1;
  return {
    kind: line.kind,
    description: line.description,
    unit: line.unit,
    quantity,
    unitPrice: priceIn(rng, line.min, line.max),
  };
}

/**
 * The lines of one invoice: at least one clear service line of its class (usually first), then parts,
 * labour and other generic lines, and with some probability one weak cue of the other class. The vocabulary
 * is Spanish unless a locale passes its language's.
 */
export function draftLines(
  rng: Random,
  label: ClassLabel,
  count: number,
  vocabulary: ServiceVocabulary = SERVICES_ES,
): LineDraft[] {
  const v = vocabulary;
  const own = label === 'preventiva' ? v.preventiveServices : v.correctiveServices;
  const weakOther = label === 'preventiva' ? v.weakCorrectiveCues : v.weakPreventiveCues;
  const lines: LineDraft[] = [serviceLine(rng, v, rng.pick(own))];
  const extraServices = count >= 6 ? rng.int(1, Math.max(1, Math.floor(count / 5))) : rng.chance(0.3) ? 1 : 0;
  for (let i = 0; i < extraServices && lines.length < count; i++)
    lines.push(serviceLine(rng, v, rng.pick(own)));
  if (count > 2 && rng.chance(0.35)) lines.push(serviceLine(rng, v, rng.pick(weakOther)));
  while (lines.length < count) lines.push(rng.chance(0.6) ? partLine(rng, v) : genericLine(rng, v));
  // The class cue is not always the first line.
  return rng.chance(0.75) ? lines.slice(0, count) : rng.shuffle(lines.slice(0, count));
}

/**
 * Free-text remarks ("Observaciones"): sometimes a class cue, sometimes only payment boilerplate. `months`
 * are the names `{month}` takes (the locale's, January first).
 */
export function draftRemarks(
  rng: Random,
  label: ClassLabel,
  vocabulary: ServiceVocabulary = SERVICES_ES,
  months: readonly string[] = MONTHS,
): string | null {
  if (rng.chance(0.25)) return null;
  const parts: string[] = [];
  if (rng.chance(0.6))
    parts.push(
      rng.pick(label === 'preventiva' ? vocabulary.preventiveRemarks : vocabulary.correctiveRemarks),
    );
  if (parts.length === 0 || rng.chance(0.5)) parts.push(rng.pick(vocabulary.neutralRemarks));
  return parts
    .join(' ')
    .replace('{month}', rng.pick(months))
    .replace('{days}', String(rng.pick([30, 60, 90])))
    .replace('{account}', `${rng.int(100, 999)}-${rng.int(100000, 999999)}-${rng.int(10, 99)}`);
}
