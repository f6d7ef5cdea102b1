/**
 * Learning per supplier: a person's correction is stored with what locates the value on that supplier's page
 * (learn.ts); the next invoices of the supplier take it as a strong candidate (candidates.ts, apply.ts).
 */

export { type Evidence, locateEvidence } from '../evidence/locate.ts';
export { applyLearned, arithmeticConfirms, type LearnedOutcome } from './apply.ts';
export { candidatesFromLocators, type LearnedCandidate } from './candidates.ts';
export { learnLocator } from './learn.ts';
export {
  createSupplierMemory,
  type LocatorSource,
  type SupplierMemory,
  withSupplierMemory,
} from './memory.ts';
