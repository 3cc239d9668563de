import type { z } from 'zod';
import type { ZSelfAssessmentInput } from '../../../../common/contracts/grading.contract.ts';
import { useEntryChange } from './entry-change.ts';

export const useSaveSelfAssessment = () => useEntryChange<z.input<typeof ZSelfAssessmentInput>>('self-assessment');
