/**
 * Company legal forms per country, as data: regex sources over folded text (lower case, no accents), dots and
 * spaces inside a form optional where invoices drop them. `ends`: the form closes the name, so what follows
 * it in the same cell is another field ("… S.A.S. NIT …"); forms that may stand inside a name ("Hnos.",
 * "& Cía.", "Sociedad") do not. Adding a country's forms is a change to this table only.
 */
export const LEGAL_FORMS: Readonly<Record<string, readonly { form: string; ends: boolean }[]>> = {
  CO: [
    { form: String.raw`s\.?\s?a\.?\s?s\.?`, ends: true },
    { form: String.raw`s\.?\s?a\.?`, ends: true },
    { form: String.raw`ltda\.?`, ends: true },
    { form: 'limitada', ends: true },
    { form: String.raw`s\.?\s?en\s+c\.?`, ends: true },
    { form: String.raw`e\.?\s?u\.?`, ends: false },
    { form: String.raw`&\s*c[ií]a\.?`, ends: false },
    { form: String.raw`y\s+cia`, ends: false },
    { form: String.raw`hnos\.?`, ends: false },
    { form: 'sociedad', ends: false },
  ],
  AR: [{ form: String.raw`s\.?\s?r\.?\s?l\.?`, ends: true }],
  MX: [
    { form: String.raw`s\.?\s?a\.?\s?p\.?\s?i\.?\s+de\s+c\.?\s?v\.?`, ends: true },
    { form: String.raw`s\.?\s?a\.?\s+de\s+c\.?\s?v\.?`, ends: true },
    { form: String.raw`s\.?\s?de\s+r\.?\s?l\.?(?:\s+de\s+c\.?\s?v\.?)?`, ends: true },
  ],
  ES: [
    { form: String.raw`s\.?\s?l\.?\s?u\.?`, ends: true },
    { form: String.raw`s\.?\s?a\.?\s?u\.?`, ends: true },
    { form: String.raw`s\.?\s?l\.?`, ends: true },
    { form: String.raw`s\.\s?coop\.?`, ends: true },
  ],
  US: [
    { form: String.raw`l\.?\s?l\.?\s?c\.?`, ends: true },
    { form: String.raw`p\.?\s?l\.?\s?l\.?\s?c\.?`, ends: true },
    { form: String.raw`inc\.?`, ends: false },
    { form: String.raw`corp\.?`, ends: false },
    { form: 'corporation', ends: true },
    { form: 'incorporated', ends: true },
    { form: String.raw`co\.`, ends: true },
    { form: 'company', ends: true },
  ],
  GB: [
    { form: String.raw`ltd\.?`, ends: true },
    { form: 'limited', ends: true },
    { form: 'plc', ends: true },
    { form: 'llp', ends: true },
  ],
  DE: [
    { form: String.raw`gmbh\s?&\s?co\.?\s?kg(?:aa)?`, ends: true },
    { form: 'gmbh', ends: true },
    { form: 'kgaa', ends: true },
    { form: 'ag', ends: true },
    // "KG" after a word, not a quantity's unit ("25 kg").
    { form: String.raw`(?<!\d\s?)kg`, ends: true },
    { form: 'ohg', ends: true },
    { form: String.raw`e\.\s?k\.`, ends: true },
    { form: String.raw`ug\s\(haftungsbeschrankt\)`, ends: true },
  ],
  FR: [
    { form: String.raw`s\.?\s?a\.?\s?r\.?\s?l\.?`, ends: true },
    { form: 'sasu', ends: true },
    { form: 'eurl', ends: true },
    { form: 'snc', ends: true },
  ],
  IT: [
    { form: String.raw`s\.?\s?r\.?\s?l\.?\s?s\.?`, ends: true },
    { form: String.raw`s\.?\s?p\.?\s?a\.?`, ends: true },
    { form: String.raw`s\.?\s?n\.?\s?c\.?`, ends: true },
  ],
  NL: [
    { form: String.raw`b\.?\s?v\.?`, ends: true },
    { form: String.raw`n\.\s?v\.?|nv`, ends: true },
    { form: String.raw`v\.?\s?o\.?\s?f\.?`, ends: true },
  ],
  BR: [
    { form: 'eireli', ends: true },
    { form: String.raw`s\/a`, ends: true },
  ],
};

const ALL = Object.values(LEGAL_FORMS).flat();

/** Longer sources first, so that "S.A. de C.V." is taken whole before "S.A." inside it. */
function alternation(forms: readonly { form: string }[]): string {
  return [...new Set(forms.map((f) => f.form))].sort((a, b) => b.length - a.length).join('|');
}

/** Every form of every country, as one alternation. */
export const LEGAL_FORM_SOURCE = alternation(ALL);

/** The forms that close a name. */
export const NAME_END_SOURCE = alternation(ALL.filter((f) => f.ends));
