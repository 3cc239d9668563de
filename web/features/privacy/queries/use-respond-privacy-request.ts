import type { z } from 'zod';
import type { PrivacyRequest, ZRespondPrivacyRequest } from '../../../../common/contracts/privacy.contract.ts';
import { api } from '../../../api/http.ts';
import { usePrivacyChange } from './use-privacy-change.ts';

export type RespondPrivacyRequestBody = z.input<typeof ZRespondPrivacyRequest>;

/** POST /api/privacy-requests/:id/respond */
export function useRespondPrivacyRequest() {
  return usePrivacyChange(({ id, ...b }: RespondPrivacyRequestBody & { id: number }) => api.post<PrivacyRequest>(`/api/privacy-requests/${id}/respond`, b));
}
