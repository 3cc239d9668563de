import type { z } from 'zod';
import type { ZDecisionInput } from '../../../../common/contracts/grading.contract.ts';
import { useEntryChange } from './entry-change.ts';

export const useSaveDecision = () => useEntryChange<z.input<typeof ZDecisionInput>>('decision');
