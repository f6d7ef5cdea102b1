import { SCENARIOS as ORIGINAL, type Scenario } from './scenarios.ts';
import { hanging, training } from './scenarios-bounds.ts';
import { bigfeed, deletedmid, edit, formats, movedmid } from './scenarios-changes.ts';
import { fanout } from './scenarios-fanout.ts';
import { firestore, sigterm, token, warehouse } from './scenarios-recovery.ts';

/** Every scenario `npm run reliability` runs, in order. */
export const SCENARIOS: [string, Scenario][] = [
  ...ORIGINAL,
  ['token', token],
  ['warehouse', warehouse],
  ['firestore', firestore],
  ['sigterm', sigterm],
  ['edit', edit],
  ['movedmid', movedmid],
  ['deletedmid', deletedmid],
  ['formats', formats],
  ['bigfeed', bigfeed],
  ['hanging', hanging],
  ['training', training],
  ['fanout', fanout],
];
