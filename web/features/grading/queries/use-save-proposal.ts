import type { z } from 'zod';
import type { ZProposalInput } from '../../../../common/contracts/grading.contract.ts';
import { useEntryChange } from './entry-change.ts';

export const useSaveProposal = () => useEntryChange<z.input<typeof ZProposalInput>>('proposal');
