/** Spanish (Colombia) formatting for what the dashboard shows; raw values travel beside it in data-valor. */

const LOCALE = 'es-CO';
const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const plain = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const quantity = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 4 });
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 0 });
const currencyFormats = new Map<string, Intl.NumberFormat>();

export function formatInteger(value: number): string {
  return integer.format(value);
}

export function formatQuantity(value: number): string {
  return quantity.format(value);
}

export function formatPercent(value: number): string {
  return percent.format(value);
}

/** `$ 1.234.567,89` for COP; codes that are not ISO 4217 fall back to "1.234,00 XYZ" instead of throwing. */
export function formatMoney(value: number, currency: string | null): string {
  if (!currency) return plain.format(value);
  let format = currencyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(LOCALE, {
        style: 'currency',
        currency,
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });
    } catch {
      return `${plain.format(value)} ${currency}`;
    }
    currencyFormats.set(currency, format);
  }
  return format.format(value);
}

const MONTHS = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];

/** '2026-03' → 'mar 2026'. */
export function formatMonth(month: string): string {
  const [year, m] = month.split('-');
  const name = MONTHS[Number(m) - 1];
  return name && year ? `${name} ${year}` : month;
}

export function formatDateTime(value: Date | null, timeZone: string): string {
  if (!value || Number.isNaN(value.getTime())) return '—';
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(value);
}

const CLASS_NAMES: Record<string, string> = {
  correctiva: 'Correctiva',
  preventiva: 'Preventiva',
  revision: 'Revisión',
};

export function className(label: string | null): string {
  return label ? (CLASS_NAMES[label] ?? label) : 'Sin clase';
}

const STATUS_NAMES: Record<string, string> = {
  processed: 'Procesada',
  review: 'Revisión',
  quarantined: 'Cuarentena',
};

export function statusName(status: string): string {
  return STATUS_NAMES[status] ?? status;
}

const ERROR_NAMES: Record<string, string> = {
  encrypted: 'PDF protegido con contraseña',
  corrupt: 'PDF dañado',
  not_pdf: 'No es un PDF',
  empty: 'Archivo vacío',
  too_large: 'Archivo demasiado grande',
  too_many_pages: 'Demasiadas páginas',
  image_too_large: 'Imagen demasiado grande',
  timeout: 'Tiempo de lectura agotado',
  unreadable: 'Sin texto legible',
  download_failed: 'No se pudo descargar',
  internal: 'Error interno',
  unsupported_type: 'Tipo de archivo no admitido',
  archive_rejected: 'ZIP rechazado',
  archive_ambiguous: 'ZIP ambiguo',
  xml_rejected: 'XML rechazado',
  human_quarantine: 'Enviada a Cuarentena por una persona',
  // Failures of a run (Archivos con error): the file produced no invoice.
  warehouse_unavailable: 'Base de datos no disponible',
  drive_unavailable: 'Google Drive no disponible',
  state_unavailable: 'Registro de estado no disponible',
  drive_not_found: 'El archivo ya no está en Drive',
  drive_forbidden: 'Sin permiso en Drive',
  lease_expired: 'El proceso se detuvo en cada intento',
  lease_lost: 'Otro proceso tomó el archivo',
  interrupted: 'Proceso interrumpido al apagar el servicio',
  aborted: 'Lectura cancelada',
  closed: 'El lector estaba cerrado',
  ocr_failed: 'Falló el OCR',
  read_worker_failed: 'Falló el proceso de lectura',
  worker_failed: 'Falló un proceso auxiliar',
  warehouse_value_out_of_range: 'Un valor no cabe en la base de datos',
  warehouse_bad_file_id: 'Identificador de archivo no válido',
};

export function errorName(code: string | null): string {
  return code ? (ERROR_NAMES[code] ?? code) : 'Error desconocido';
}

const ISSUE_NAMES: Record<string, string> = {
  lines_do_not_sum_to_subtotal: 'Las líneas no suman el subtotal',
  subtotal_plus_tax_not_total: 'Subtotal más impuestos no da el total',
  due_date_before_issue_date: 'Vence antes de la fecha de emisión',
  missing_number: 'Falta el número de factura',
  missing_total: 'Falta el total',
  missing_issue_date: 'Falta la fecha de emisión',
  missing_lines: 'Sin líneas de detalle',
  missing_supplier_tax_id: 'Falta el NIT del proveedor',
  number_ocr_ambiguous_characters: 'Número leído por OCR con letras que parecen dígitos (O y 0, I y 1…)',
  number_marker_glued: 'Número leído por OCR con el «N°» pegado; se le quitó',
  number_differs_from_unverified_key:
    'El número no coincide con la clave de acceso, que no se pudo verificar',
};

/** Validation issue codes in Spanish; patterned ones (check digits, per-line amounts) get a generic phrase. */
export function issueName(issue: string): string {
  const known = ISSUE_NAMES[issue];
  if (known) return known;
  const line = /^line_(\d+)_amount_mismatch$/.exec(issue);
  if (line) return `La línea ${line[1]} no cuadra (cantidad × precio)`;
  const checkDigit = /^(supplier|customer)_(\w+)_check_digit_invalid$/.exec(issue);
  if (checkDigit) {
    const who = checkDigit[1] === 'supplier' ? 'proveedor' : 'cliente';
    return `Dígito de verificación inválido (${checkDigit[2]?.toUpperCase()} del ${who})`;
  }
  const truncated = /^truncated:(.+)$/.exec(issue);
  if (truncated) return `Texto recortado: ${truncated[1]}`;
  return issue.replaceAll('_', ' ');
}
