import type { z } from 'zod';
import type { FrontOpinion, ZUpdateFrontOpinion } from '../../../../common/contracts/conduct.contract.ts';
import { api } from '../../../api/http.ts';
import { useConductChange } from './use-conduct-change.ts';

export type UpdateFrontOpinionBody = z.input<typeof ZUpdateFrontOpinion>;

/** PUT /api/front-opinions/:id */
export function useUpdateFrontOpinion() {
  return useConductChange(({ id, ...b }: UpdateFrontOpinionBody & { id: number }) => api.put<FrontOpinion>(`/api/front-opinions/${id}`, b));
}
