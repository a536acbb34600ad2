import { safetyRule, type SafetyRule } from './types.js';

export const dropSchema: SafetyRule = {
  meta: safetyRule({
    id: 'drop-schema',
    defaultSeverity: 'error',
    description: 'DROP SCHEMA: every table in it (with CASCADE) and its data is lost.',
    help: 'Move or drop the tables one by one after the code stops using them; drop the empty schema last.',
  }),
  checkOp(op) {
    if (op.kind !== 'drop-schema') return undefined;
    return `Schema "${op.schema}" is dropped: every object in it and its data are lost.`;
  },
};
