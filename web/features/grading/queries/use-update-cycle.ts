import type { z } from 'zod';
import type { CycleDetail, ZUpdateCycle } from '../../../../common/contracts/grading.contract.ts';
import { api } from '../../../api/http.ts';
import { useCycleChange } from './cycle-change.ts';

export const useUpdateCycle = (id: number) => useCycleChange((body: z.input<typeof ZUpdateCycle>) => api.put<CycleDetail>(`/api/grading/cycles/${id}`, body));
