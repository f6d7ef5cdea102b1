import { customerFirst } from './customer-first.ts';
import { dianClassic } from './dian-classic.ts';
import { labelGrid } from './label-grid.ts';
import type { Layout } from './layout.ts';
import { ledger } from './ledger.ts';
import { logoHeader } from './logo-header.ts';
import { plainInline } from './plain-inline.ts';
import { sidebar } from './sidebar.ts';
import { ticket } from './ticket.ts';

export const LAYOUTS: readonly Layout[] = [
  dianClassic,
  labelGrid,
  ticket,
  customerFirst,
  logoHeader,
  ledger,
  plainInline,
  sidebar,
];

export function layoutByName(name: string): Layout {
  const layout = LAYOUTS.find((candidate) => candidate.name === name);
  if (!layout) throw new Error(`unknown layout "${name}"; known: ${LAYOUTS.map((l) => l.name).join(', ')}`);
  return layout;
}
