import type { z } from 'zod';
import type { ResidenceOpinion, ZCreateOpinion } from '../../../../common/contracts/party-life.contract.ts';
import { api } from '../../../api/http.ts';
import { useChange } from './use-party-life-change.ts';

export type CreateOpinionBody = z.input<typeof ZCreateOpinion>;

/** POST /api/residence-registrations/:id/opinions */
export function useCreateOpinion() {
  return useChange(({ registrationId, ...b }: CreateOpinionBody & { registrationId: number }) => api.post<ResidenceOpinion>(`/api/residence-registrations/${registrationId}/opinions`, b));
}
