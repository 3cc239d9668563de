import type { z } from 'zod';
import type { CycleDetail, ZAdvanceCycle } from '../../../../common/contracts/grading.contract.ts';
import { api } from '../../../api/http.ts';
import { useCycleChange } from './cycle-change.ts';

export const useAdvanceCycle = (id: number) => useCycleChange((body: z.input<typeof ZAdvanceCycle>) => api.post<CycleDetail>(`/api/grading/cycles/${id}/advance`, body));
