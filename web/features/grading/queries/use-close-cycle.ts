import type { z } from 'zod';
import type { CycleDetail, ZCloseCycle } from '../../../../common/contracts/grading.contract.ts';
import { api } from '../../../api/http.ts';
import { useCycleChange } from './cycle-change.ts';

export const useCloseCycle = (id: number) => useCycleChange((body: z.input<typeof ZCloseCycle>) => api.post<CycleDetail>(`/api/grading/cycles/${id}/close`, body));
