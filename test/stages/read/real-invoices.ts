import { realInvoicesFolder } from '../../support/real-invoices.ts';

export const REAL_INVOICES: string | null = realInvoicesFolder('afip-ar');

if (!REAL_INVOICES)
  console.warn('[omitido] no se encontró shared/real-invoices/afip-ar: se omiten esas pruebas');
