import type { z } from 'zod';
import type { CycleDetail, ZCreateCycle } from '../../../../common/contracts/grading.contract.ts';
import { api } from '../../../api/http.ts';
import { useCycleChange } from './cycle-change.ts';

export const useCreateCycle = () => useCycleChange((body: z.input<typeof ZCreateCycle>) => api.post<CycleDetail>('/api/grading/cycles', body));
