import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where shared/ is looked for: beside the repository's clone (as CI places it), then the workplace's copy. */
const SHARED_ROOTS = [
  join(import.meta.dirname, '../../../shared/real-invoices'),
  '/work/shared/real-invoices',
];

/**
 * The folder of one set of real third-party invoices (`afip-ar`, `de-zugferd-mustang`, …) that holds its
 * truth.json, or null when shared/ is not on this machine (tests that need it then say so and skip).
 */
export function realInvoicesFolder(set: string): string | null {
  for (const root of SHARED_ROOTS) {
    const folder = join(root, set);
    if (existsSync(join(folder, 'truth.json'))) return folder;
  }
  return null;
}
