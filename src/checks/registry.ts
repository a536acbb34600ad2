// Every check the engine runs, in report order. Each is a pure function of the CheckContext.

import { integrityCheck } from './integrity/index.js';
import { driftCheck } from './drift/index.js';
import { safetyCheck } from './safety/index.js';
import { replayCheck } from './replay/index.js';
import { pendingCheck } from './pending/index.js';
import type { Check } from './types.js';

export const checks: Check[] = [
  integrityCheck,
  driftCheck,
  safetyCheck,
  replayCheck,
  pendingCheck,
];
