/** Minimal HTML helpers: every dynamic value goes through esc(); supplier names are attacker-controlled text. */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** JSON safe inside <script type="application/json">: no "</script>", no HTML comment openers. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface Column<T> {
  header: string;
  cell: (row: T) => string;
  numeric?: boolean;
  /** Keep on one line (dates, months). */
  nowrap?: boolean;
}

/** A table whose cells are already-escaped HTML; `empty` shows when there are no rows. */
export function table<T>(id: string, columns: Column<T>[], rows: T[], empty: string): string {
  if (rows.length === 0) return `<p class="vacio" id="${esc(id)}">${esc(empty)}</p>`;
  const head = columns.map((c) => `<th${c.numeric ? ' class="num"' : ''}>${esc(c.header)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${columns.map((c) => `<td${cellClass(c)}>${c.cell(row)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table id="${esc(id)}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function cellClass(column: { numeric?: boolean; nowrap?: boolean }): string {
  if (column.numeric) return ' class="num"';
  return column.nowrap ? ' class="nowrap"' : '';
}

/** A number shown formatted, with its raw value beside it for tools and tests. */
export function num(raw: number, formatted: string): string {
  return `<span data-valor="${esc(raw)}">${esc(formatted)}</span>`;
}
