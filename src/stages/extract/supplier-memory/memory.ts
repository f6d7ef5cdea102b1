import type { ReadDocument } from '../../../contract/document.ts';
import type { SupplierLocator } from '../../../ports/review.ts';
import type { Extraction } from '../../stage.ts';
import { locateEvidence } from '../evidence/locate.ts';
import type { Extractor } from '../stage.ts';
import { applyLearned } from './apply.ts';
import { candidatesFromLocators, type LearnedCandidate } from './candidates.ts';

/** Where learned locators are kept (the warehouse's `supplier_layouts`). */
export interface LocatorSource {
  locators(supplierTaxId: string): Promise<SupplierLocator[]>;
}

export interface SupplierMemory {
  /** The values this supplier's learned locators point at in the document (none for an unknown supplier). */
  learnedCandidates(supplierTaxId: string, document: ReadDocument): Promise<LearnedCandidate[]>;
}

export function createSupplierMemory(source: LocatorSource): SupplierMemory {
  return {
    async learnedCandidates(supplierTaxId, document) {
      const locators = await source.locators(supplierTaxId);
      return locators.length === 0 ? [] : candidatesFromLocators(locators, document);
    },
  };
}

/**
 * Wraps an extractor: after the general extraction, the supplier's learned locators (found by the tax id the
 * extractor read) propose their values (applyLearned decides), and every field gets the box it was read from
 * (with no memory, only the boxes). A learned value brings its own box (applyLearned).
 * A failing memory lookup never fails the extraction: the general result stands.
 */
export function withSupplierMemory(
  extract: Extractor,
  memory: SupplierMemory | null,
  onError: (error: unknown) => void = () => {},
): Extractor {
  return async (document, signal) => {
    const extraction: Extraction = await extract(document, signal);
    // An extractor that located its fields already (the extraction threads do) is not searched again.
    if (!extraction.evidence) extraction.evidence = locateEvidence(document, extraction.invoice);
    const taxId = extraction.invoice.supplier.taxId;
    if (taxId && memory) {
      try {
        applyLearned(extraction, await memory.learnedCandidates(taxId, document));
      } catch (error) {
        onError(error);
      }
    }
    return extraction;
  };
}
