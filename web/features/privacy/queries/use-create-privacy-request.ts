import type { z } from 'zod';
import type { PrivacyRequest, ZCreatePrivacyRequest } from '../../../../common/contracts/privacy.contract.ts';
import { api } from '../../../api/http.ts';
import { usePrivacyChange } from './use-privacy-change.ts';

export type CreatePrivacyRequestBody = z.input<typeof ZCreatePrivacyRequest>;

/** POST /api/privacy-requests */
export function useCreatePrivacyRequest() {
  return usePrivacyChange((body: CreatePrivacyRequestBody) => api.post<PrivacyRequest>('/api/privacy-requests', body));
}
