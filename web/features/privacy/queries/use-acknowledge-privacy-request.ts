import type { z } from 'zod';
import type { PrivacyRequest, ZAcknowledgePrivacyRequest } from '../../../../common/contracts/privacy.contract.ts';
import { api } from '../../../api/http.ts';
import { usePrivacyChange } from './use-privacy-change.ts';

export type AcknowledgePrivacyRequestBody = z.input<typeof ZAcknowledgePrivacyRequest>;

/** POST /api/privacy-requests/:id/acknowledge */
export function useAcknowledgePrivacyRequest() {
  return usePrivacyChange(({ id, ...b }: AcknowledgePrivacyRequestBody & { id: number }) => api.post<PrivacyRequest>(`/api/privacy-requests/${id}/acknowledge`, b));
}
