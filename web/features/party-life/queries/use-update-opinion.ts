import type { z } from 'zod';
import type { ResidenceOpinion, ZUpdateOpinion } from '../../../../common/contracts/party-life.contract.ts';
import { api } from '../../../api/http.ts';
import { useChange } from './use-party-life-change.ts';

export type UpdateOpinionBody = z.input<typeof ZUpdateOpinion>;

/** PUT /api/residence-opinions/:id */
export function useUpdateOpinion() {
  return useChange(({ id, ...b }: UpdateOpinionBody & { id: number }) => api.put<ResidenceOpinion>(`/api/residence-opinions/${id}`, b));
}
