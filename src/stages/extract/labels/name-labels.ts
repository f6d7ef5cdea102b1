/**
 * The labels printed before a party's name, per language, as data (folded: lower case, no accents): "Razón
 * social:", "Firma:", "Raison sociale :". They head a name; they never are one.
 */
import type { Language } from './lexicon.ts';

export const NAME_LABELS: Readonly<Record<Language, readonly string[]>> = {
  es: ['razon social', 'nombre', 'nombre o razon social', 'apellido y nombre', 'empresa', 'denominacion'],
  pt: ['nome', 'razao social', 'nome razao social', 'nome empresarial', 'nome fantasia'],
  en: [
    'name',
    'company',
    'company name',
    'customer name',
    'business name',
    'legal name',
    'attn',
    'attention',
  ],
  de: ['firma', 'name', 'firmenname', 'firmierung', 'unternehmen'],
  fr: ['nom', 'raison sociale', 'societe', 'denomination', 'entreprise'],
  it: ['nome', 'ragione sociale', 'denominazione', 'societa', 'ditta'],
  nl: ['naam', 'bedrijfsnaam', 'bedrijf', 'firma', 't.a.v'],
};
