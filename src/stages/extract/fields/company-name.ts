import { taxIdLabelRegex } from '../fiscal-codes/tax-id-labels.ts';
import { isLabelText } from '../labels/label-text.ts';
import type { Row } from '../page/layout.ts';
import { fold } from '../text/text.ts';
import { LEGAL_FORM_SOURCE, NAME_END_SOURCE } from './legal-forms.ts';

const TAX_ID_LABEL = taxIdLabelRegex();

/** Company names as printed: what cuts them out of a cell, what marks one (its legal form), OCR repairs. */

const NOT_A_NAME =
  /\b(?:factura|fecha|nit|cuit|c\.u\.i\.t|telefono|tel\.?|direccion|domicilio|ciudad|email|e-mail|correo|www|regimen|responsable|iva|i\.v\.a|original|duplicado|pagina|cod\.?|codigo|inicio|ingresos|condicion|cufe|resolucion|autorizacion|vencimiento|numero|no\.|nro|orden|pedido|forma\s+de\s+pago|contado|credito|total|moneda|hora)\b|@|:/;

/** A company's legal form (fields/legal-forms.ts), over folded text. */
export const LEGAL_FORM = new RegExp(String.raw`\b(?:${LEGAL_FORM_SOURCE})(?=\s|$|[,.])`);

export const LEGAL_FORM_ONLY = new RegExp(String.raw`^\s*(?:${LEGAL_FORM_SOURCE})\s*$`);

const LEADING_LABEL =
  /^(?:raz[oó]n\s+social|nombre(?:\s+o\s+raz[oó]n\s+social)?|apellido\s+y\s+nombre(?:\s*\/\s*raz[oó]n\s+social)?|empresa|cliente|s?e[ñn]or(?:\s*\(?\p{L}{1,3}\)|\s*\(?es\)?)?|se[ñn]ores|sres?\.?(?:\/es)?|adquir[ie]?ente|comprador|[fr]acturado\s+a|facturar\s+a|emisor|proveedor|vendedor|prestador(?:\s+del\s+servicio)?|beneficiario|receptor)(?![\p{L}])\s*:?\s*/iu;

const HEADING_ONLY =
  /^(?:cliente|se[ñn]or(?:\(?es\)?)?|se[ñn]ores|adquir[ie]?ente|comprador|vendedor|emisor|proveedor|prestador(?:\s+del\s+servicio)?|raz[oó]n\s+social|nombre|[fr]acturado\s+a|datos\s+del\s+\p{L}+|del\s+servicio|beneficiario|receptor)\s*:?$/iu;

/** "Envigado, Antioquia", "Bogotá, D.C.": a city and its department or district is an address line. */
const CITY_AND_REGION =
  /,\s*(?:antioquia|atlantico|bolivar|boyaca|caldas|caqueta|casanare|cauca|cesar|choco|cordoba|cundinamarca|huila|la guajira|magdalena|meta|narino|norte de santander|putumayo|quindio|risaralda|santander|sucre|tolima|valle(?: del cauca)?|d\.?\s?c\.?)$/;

export function cleanName(text: string): string | null {
  const value = beforeTaxIdLabel(repairOcrName(text))
    .split(
      /\s[|·/]\s|\s[-–]\s(?=\S*\s?(?:nit|n\.i\.t|c\.c|cuit|c\.u\.i\.t|rut|tel|dir))|\s(?=(?:nit|n\.i\.t|c\.c\.?|cc|c\.u\.i\.t|cuit|rut)[\s.:/])/i,
    )[0]!
    .replace(/^[\s:;#.\-–[(|]+/, '')
    .replace(LEADING_LABEL, '')
    .replace(/^(?=\(?\d)[\d\s()-]+(?=\p{L})/u, '')
    .replace(/(?<!\s)\s+-\s+\[.*$/, '')
    .replace(/(?<!\s)\s*\(\w*\d\w*\)\s*$/, '')
    .replace(/(?<![\s,;:\-–/|·\]}'’])[\s,;:\-–/|·\]}'’]+$/, '')
    // "S.A..": a speck read as one more full stop.
    .replace(/\.{2,}$/, '.')
    .replace(/\s+/g, ' ')
    .trim();
  const named = endAtLegalForm(withoutUnreadLabel(value));
  const letters = named.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 3) return null;
  // A label of any language ("Kunde", "Firma", "VAT Reg. No.", "FATURA Nº") is read in a name's place.
  if (isLabelText(named) || isTaxIdLabel(named)) return null;
  const folded = fold(named);
  if (HEADING_ONLY.test(folded) || CITY_AND_REGION.test(folded)) return null;
  const legal = LEGAL_FORM.test(folded);
  if (NOT_A_NAME.test(folded) && !legal) return null;
  // One short token of initials and slashes ("C.CNIT", "T/CC") is a garbled heading of a tax id column.
  if (!legal && /^[\p{L}./]{2,10}$/u.test(named) && /[./]/.test(named)) return null;
  // Printed names open with a capital or a digit; "[cuente" is a misread heading of the next column. Their
  // other words are capitalised too, but for particles: "No se aceptan devoluciones de" is a sentence.
  if (/^\p{Ll}/u.test(named) && !legal) return null;
  const lowerWords = named.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w) && !PARTICLE.test(w));
  if (lowerWords.length > 0 && !legal) return null;
  return named;
}

const PARTICLE = /^(?:de|del|la|las|los|el|y|e|da|das|do|dos|van|von|en)$/;

/** Characters OCR is known to swap inside company names. */
function repairOcrName(text: string): string {
  return (
    text
      // An S read as "$" inside words ("$.A.S.", "$ervicios").
      .replace(/\$(?=\.?\p{L})/gu, 'S')
      // The ampersand read as "€", "£", "8", "4", "3", "á£", "é" or "&." ("Hurtado € Cía.", "M8M", "Má£M", "MéM").
      .replace(/\s?€[.:]?(?=\s)/g, ' &')
      .replace(/(?<=\p{L}\s)(?:8|4|3|£|&\.)(?=\s+(?:[Cc][IiÍí][Aa]|Co|Hnos|Hijos)(?![\p{L}]))/gu, '&')
      .replace(/\b(\p{Lu})(?:8|6|3\.?|g8|á£|á|é|£|€)(\p{Lu})\b/gu, '$1&$2')
      // A doubled initial around an E or S is the ampersand too ("MEM", "MSM" for M&M): no such word names a firm.
      .replace(/\b(\p{Lu})[ES]\1\b/gu, '$1&$1')
      // "l" read as "!" ("Neumatico!", "DE! CARIBE"): no company name has an exclamation mark.
      .replace(/(?<=\p{Ll})!/gu, 'l')
      .replace(/(?<=\p{Lu})!/gu, 'L')
      // A colon or a quote for a dot inside a legal form ("S.A:S", "S.A“S").
      .replace(/\b(\p{L})[.:“”"](\p{L})[.:“”"](\p{L})\b/gu, (m, a, b, c) =>
        /[:“”"]/.test(m) ? `${a}.${b}.${c}` : m,
      )
      // A speck glued as a full stop or an apostrophe: "Electrosur.SAS", "Panamericana' LTDA".
      .replace(/(?<=\p{L}{3})(?:[.'’`´]|['’`´]\s)(?=(?:S\.?A\.?S|S\.A|SAS|LTDA|Ltda)\b)/gu, ' ')
      // A hyphen or a speck glued to the legal form ("Vallecaucana-S.A.S.", "El Cóndor -LTDA").
      .replace(/(?<=\p{L})\s?-(?=(?:S\.?A\.?S|S\.A|SAS|LTDA|Ltda)\b)/gu, ' ')
      // A comma for a dot, or a lower-case s, inside the legal form ("S,A.S", "s. A.S.").
      .replace(/\b[Ss][.,]\s?A[.,]\s?S(?![\p{L}])/gu, 'S.A.S')
      // The legal form read twice over ("S.A. S:A.S." for "S.A.S.").
      .replace(/\bS\.A\.\s?(?=S\.A\.S\b)/g, '')
      // A space OCR put inside the legal form ("S. A.S.").
      .replace(/(?<=\bS\.)\s(?=A\.\s?S\b)|(?<=\bS\.A\.)\s(?=S\b)/g, '')
      // A speck read as an l before a capital ("lItagüí"): no word opens so.
      .replace(/(?<![\p{L}\d])l(?=\p{Lu}\p{Ll})/gu, '')
      // "ltaguí": no Spanish word opens with l and another consonant; it is a capital I.
      .replace(/(?<![\p{L}\d])l(?=[bcdfghjkmnpqrstvwxz]\p{Ll})/gu, 'I')
      // A speck read as a colon after an article or preposition ("Estampados del: Fonce").
      .replace(/(?<![\p{L}])(de|del|la|las|los|el|y|DE|DEL|LA|LAS|LOS|EL|Y):(?=\s\p{Lu})/gu, '$1')
      // A speck read as a full stop after an article ("EL. CÓNDOR"): articles are never abbreviated.
      .replace(/(?<![\p{L}])(el|la|los|las|del|EL|LA|LOS|LAS|DEL)\.(?=\s\p{Lu})/gu, '$1')
      // A speck read as a full stop after a word of the name ("Tejidos. Santa Rita", "Valle. de"): no
      // abbreviation in a firm's name is five letters or more.
      // Capitals or not, and before the legal form too ("GUAYABAL. S.A.S.").
      .replace(
        /(?<=\p{Lu}\p{Ll}{4,})\.(?=\s(?:(?:de|del|la|las|los|el|y)\s|\p{Lu}\p{Ll}|S\.?A\.?S|S\.A|SAS|LTDA|Ltda))/gu,
        '',
      )
      .replace(/(?<=\p{Lu}{5,})\.(?=\s(?:(?:DE|DEL|LA|LAS|LOS|EL|Y)\s|\p{Lu}{2}|S\.?A\.?S|S\.A|LTDA))/gu, '')
      // A speck read as a colon between a word and the legal form ("CÓNDOR:LTDA.", "CÍA.:LTDA").
      .replace(/(?<=\p{L}\.?):(?=(?:S\.?A\.?S|S\.A|SAS|LTDA|Ltda)\b)/gu, ' ')
      // A full stop lost inside the legal form ("S.AS.", "SA.S"), or an accent OCR put on it ("Ltdá.").
      .replace(/\bS\.AS\b(\.?)|\bSA\.S\b(\.?)/g, (_, a = '', b = '') => `S.A.S${a}${b}`)
      .replace(/\b(L)(td|TD)[áÁ](?=\.|\s|$)/g, (_, l, td) => `${l}${td}${td === 'TD' ? 'A' : 'a'}`)
      // "SAS." with only its last full stop: the others lost ("ANDINOS SAS." for "S.A.S.").
      .replace(/\bSAS\.(?=\s*$)/g, 'S.A.S.')
      // The legal form's final full stop read as a colon ("S.A.S:"): a name ends there, nothing it labels.
      .replace(/(?<=\b(?:S\.A\.S|S\.A|LTDA|Ltda))[:;](?=\s*$)/g, '.')
      // A speck between two words read as an asterisk ("TEJIDOS*DEL"), or glued before a word ("Estampados -Omega").
      .replace(/(?<=\p{L})\*(?=\p{L})/gu, ' ')
      .replace(/(?<=\p{L}\s)[-*~](?=\p{Lu}\p{Ll})/gu, '')
      // ...or as a full stop with no space ("Confecciones.El Retiro", "El.Cóndor"), but after an abbreviation.
      .replace(
        /(?<!\b(?:C[ií]a|CIA|CÍA|Hnos|Sr|Sra|Dr|Ing))(?<=\p{L}{2})\.(?=\p{Lu}\p{Ll}+\b)(?!Ltda|Limitada)/gu,
        ' ',
      )
      // An S read as a 5 opening the legal form ("5.A.S."), or as a 3 or 5 set apart at its end ("S.A. 3.").
      .replace(/(?<![\p{L}\d.])5(?=\.A\.S\b)/gu, 'S')
      .replace(/\bS\.A\.\s?[35]\.?(?=\s*$)/g, 'S.A.S.')
  );
}

/**
 * "ACME Corp. - EIN 12-3456789 - 12 Main St": a name glued to its id and address on one line ends where a tax
 * id's label (fiscal-codes/tax-id-labels.ts) opens a word after it.
 */
function beforeTaxIdLabel(text: string): string {
  const folded = fold(text);
  for (const match of folded.matchAll(TAX_ID_LABEL)) {
    const end = match.index + match[0].length;
    // "Rutas del Sol": a label is a word of its own.
    if (
      match.index === 0 ||
      /^\p{L}/u.test(folded.slice(end)) ||
      !/[\s|·,;-]$/.test(folded.slice(0, match.index))
    )
      continue;
    return text.slice(0, match.index);
  }
  return text;
}

function isTaxIdLabel(text: string): boolean {
  const folded = fold(text).trim();
  for (const match of folded.matchAll(TAX_ID_LABEL))
    if (match.index === 0 && match[0].trim() === folded) return true;
  return false;
}

/**
 * "Adgquirente: Tejidos El Cóndor S.A.S": a heading OCR garbled beyond recognition, still a heading because
 * of its colon. Only stripped in front of a company name: "Dirección: Calle 44" stays rejected.
 */
function withoutUnreadLabel(value: string): string {
  const match = /^([\p{L}()]+(?:\s[\p{L}()]+)?)\s?:\s*(?=\p{Lu})/u.exec(value);
  if (!match) return value;
  const rest = value.slice(match[0].length);
  return LEGAL_FORM.test(fold(rest)) && !NOT_A_NAME.test(fold(match[1]!)) ? rest : value;
}

/** Suffix forms that end a company name; what follows them in the same cell is something else. */
const NAME_END = new RegExp(String.raw`\b(?:${NAME_END_SOURCE})(?=\s|$|,)`, 'g');
const AFTER_NAME_END =
  /^(?:[\s,]*(?:b\.?i\.?c\.?|e\.?s\.?p\.?|en\s+(?:liquidacion|reorganizacion)|de|del|y|&))?[\s,.]*$/;

/** "HILADOS Y TEJIDOS VALLECAUCANA S.A.S. CONTE ICIIA TAS": the name ends at its last legal form. */
function endAtLegalForm(value: string): string {
  const folded = fold(value);
  let end = -1;
  for (const match of folded.matchAll(NAME_END)) end = match.index + match[0].length;
  if (end === -1 || AFTER_NAME_END.test(folded.slice(end))) return value;
  // Another name-like word after the form with no form of its own is OCR debris or the next field.
  return value.slice(0, end).trim();
}

/** Where the last legal form of a name starts and ends (its final full stop included). */
function lastForm(name: string): { start: number; end: number } | null {
  let last: { start: number; end: number } | null = null;
  for (const match of fold(name).matchAll(NAME_END))
    last = { start: match.index, end: match.index + match[0].length };
  return last;
}

/** "Manufacturas Textiles Vallecaucana" + "SAS" on the row below: a name wrapped before its legal form. */
export function withWrappedLegalForm(rows: Row[], row: Row, name: string, x0?: number): string {
  const folded = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const next = rows[row.order + 1];
  const close = next && next.page === row.page && next.y0 - row.y1 <= 1.2 * (row.y1 - row.y0);
  if (close && next.cells.length === 1) {
    // "Servicios Industriales del Bajío S.A. de" over "C.V.", "… GmbH & Co." over "KG": the row below ends
    // the legal form begun on the name's row.
    const tail = next.cells[0]?.text.trim() ?? '';
    const whole = `${name} ${tail}`;
    const form = lastForm(whole);
    if (tail && !/\d|:/.test(tail) && form && form.start < name.length && form.end === whole.length)
      return whole;
  }
  if (LEGAL_FORM.test(folded)) return name;
  if (!next || !close) return name;
  const alone = next.cells.find((c) => LEGAL_FORM_ONLY.test(c.text.toLowerCase()));
  // Its final full stop read as a comma or colon ("S.A.S,").
  if (alone) return `${name} ${alone.text.trim().replace(/[,:;]$/, '.')}`;
  // "Hilados y Tejidos" over "Montebello SAS": the name's cell continues right below, ending in a legal form.
  const start = x0 ?? row.cells.find((c) => c.text.includes(name.split(' ')[0] ?? name))?.x0;
  if (start === undefined) return name;
  const below = next.cells.find((c) => Math.abs(c.x0 - start) < 3 && c.words.length <= 4);
  const belowFolded = below?.text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '') ?? '';
  if (!below || !LEGAL_FORM.test(belowFolded) || /\d|:/.test(below.text)) return name;
  const tail = below.text.trim().replace(/[,;]$/, '.');
  // A logo's capitals over the name they repeat ("MANTENIMIENTOS INDUSTRIALES" over "Mantenimientos
  // Industriales Ltda."): the row below is the whole name.
  return belowFolded.startsWith(folded) ? (cleanName(tail) ?? name) : `${name} ${tail}`;
}
