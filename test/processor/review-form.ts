import type { ReviewForm } from '../../src/processor/review-input.ts';
import type { World } from '../server/review/world.ts';

/** The form as the page sends it unchanged: every field and line as the screen shows it, class preventiva. */
export async function readPageFormFromView(
  world: World,
  fileId: string,
  edits: Record<string, string> = {},
): Promise<ReviewForm> {
  const view = await world.service.view(fileId);
  if (!view) throw new Error('no view');
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(view.invoice.fields))
    fields[field] = value === null ? '' : typeof value === 'number' ? value.toFixed(2) : value;
  const lines = view.invoice.lines.map((l) => ({
    code: l.code ?? '',
    description: l.description ?? '',
    quantity: l.quantity === null ? '' : String(l.quantity),
    unit: l.unit ?? '',
    unitPrice: l.unitPrice === null ? '' : String(l.unitPrice),
    amount: l.amount === null ? '' : l.amount.toFixed(2),
  }));
  return { version: view.invoice.version, fields: { ...fields, ...edits }, lines, classCode: '1' };
}
