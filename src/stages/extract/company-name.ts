import type { Row } from './layout.ts';

/** Company names as printed: what cuts them out of a cell, what marks one (its legal form), OCR repairs. */
const NOT_A_NAME =
  /\b(?:factura|fecha|nit|cuit|c\.u\.i\.t|telefono|tel\.?|direccion|domicilio|ciudad|email|e-mail|correo|www|regimen|responsable|iva|i\.v\.a|original|duplicado|pagina|cod\.?|codigo|inicio|ingresos|condicion|cufe|resolucion|autorizacion|vencimiento|numero|no\.|nro|orden|pedido|forma\s+de\s+pago|contado|credito|total|moneda|hora)\b|@|:/;

export const LEGAL_FORM =
  /\b(?:s\.?\s?a\.?\s?s\.?|s\.?\s?a\.?|ltda\.?|limitada|s\.?\s?r\.?\s?l\.?|e\.?\s?u\.?|s\.?\s?en\s+c\.?|&\s*c[ií]a\.?|inc\.?|corp\.?|sociedad|hnos\.?|y\s+cia)(?=\s|$|[,.])/;

export const LEGAL_FORM_ONLY =
  /^\s*(?:s\.?\s?a\.?\s?s\.?|s\.?\s?a\.?|ltda\.?|limitada|s\.?\s?r\.?\s?l\.?|e\.?\s?u\.?|s\.?\s?en\s+c\.?|&\s*c[ií]a\.?|inc\.?)\s*$/;

const LEADING_LABEL =
  /^(?:raz[oó]n\s+social|nombre(?:\s+o\s+raz[oó]n\s+social)?|apellido\s+y\s+nombre(?:\s*\/\s*raz[oó]n\s+social)?|empresa|cliente|se[ñn]or(?:\s*\(?es\)?)?|se[ñn]ores|sres?\.?(?:\/es)?|adquir[ie]?ente|comprador|facturado\s+a|facturar\s+a|emisor|proveedor|vendedor|prestador(?:\s+del\s+servicio)?|beneficiario|receptor)(?![\p{L}])\s*:?\s*/iu;

const HEADING_ONLY =
  /^(?:cliente|se[ñn]or(?:\(?es\)?)?|se[ñn]ores|adquir[ie]?ente|comprador|vendedor|emisor|proveedor|prestador(?:\s+del\s+servicio)?|raz[oó]n\s+social|nombre|facturado\s+a|datos\s+del\s+\p{L}+|del\s+servicio|beneficiario|receptor)\s*:?$/iu;

export function cleanName(text: string): string | null {
  const value = text
    // OCR reads an S as "$" inside words ("$.A.S.", "$ervicios").
    .replace(/\$(?=\.?\p{L})/gu, 'S')
    .split(
      /\s[|·/]\s|\s[-–]\s(?=\S*\s?(?:nit|n\.i\.t|c\.c|cuit|c\.u\.i\.t|rut|tel|dir))|\s(?=(?:nit|n\.i\.t|c\.c\.?|cc|c\.u\.i\.t|cuit|rut)[\s.:/])/i,
    )[0]!
    .replace(/^[\s:#.\-–]+/, '')
    .replace(LEADING_LABEL, '')
    .replace(/^(?:\(?\d+\)?\s*-?\s*)+(?=\p{L})/u, '')
    .replace(/\s+-\s+\[.*$/, '')
    .replace(/\s*\(\w*\d\w*\)\s*$/, '')
    .replace(/[\s,;:\-–/|·]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const letters = value.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 3) return null;
  if (HEADING_ONLY.test(value)) return null;
  const folded = value.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  if (NOT_A_NAME.test(folded) && !LEGAL_FORM.test(folded)) return null;
  return value;
}

/** "Manufacturas Textiles Vallecaucana" + "SAS" on the row below: a name wrapped before its legal form. */
export function withWrappedLegalForm(rows: Row[], row: Row, name: string, x0?: number): string {
  const folded = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  if (LEGAL_FORM.test(folded)) return name;
  const next = rows[row.order + 1];
  if (!next || next.page !== row.page || next.y0 - row.y1 > 1.2 * (row.y1 - row.y0)) return name;
  const alone = next.cells.find((c) => LEGAL_FORM_ONLY.test(c.text.toLowerCase()));
  if (alone) return `${name} ${alone.text.trim()}`;
  // "Hilados y Tejidos" over "Montebello SAS": the name's cell continues right below, ending in a legal form.
  const start = x0 ?? row.cells.find((c) => c.text.includes(name.split(' ')[0] ?? name))?.x0;
  if (start === undefined) return name;
  const below = next.cells.find((c) => Math.abs(c.x0 - start) < 3 && c.words.length <= 4);
  const belowFolded = below?.text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '') ?? '';
  return below && LEGAL_FORM.test(belowFolded) && !/\d|:/.test(below.text)
    ? `${name} ${below.text.trim()}`
    : name;
}
