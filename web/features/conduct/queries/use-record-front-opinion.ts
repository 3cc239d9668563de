import type { z } from 'zod';
import type { FrontOpinion, ZCreateFrontOpinion } from '../../../../common/contracts/conduct.contract.ts';
import { api } from '../../../api/http.ts';
import { useConductChange } from './use-conduct-change.ts';

export type CreateFrontOpinionBody = z.input<typeof ZCreateFrontOpinion>;

/** POST /api/members/:id/front-opinions */
export function useRecordFrontOpinion() {
  return useConductChange(({ memberId, ...b }: CreateFrontOpinionBody & { memberId: number }) => api.post<FrontOpinion>(`/api/members/${memberId}/front-opinions`, b));
}
