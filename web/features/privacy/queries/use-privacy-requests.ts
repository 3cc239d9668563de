import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PrivacyRequestList, RequestFilter } from '../../../../common/contracts/privacy.contract.ts';
import { api } from '../../../api/http.ts';
import { privacyKeys } from './keys.ts';

export type PrivacyRequestListParams = { status: RequestFilter; page: number; pageSize: number };

/** GET /api/privacy-requests: the requests of the user's subtree with their due dates, and the counts. */
export function usePrivacyRequests(params: PrivacyRequestListParams) {
  return useQuery({
    queryKey: privacyKeys.list(params),
    queryFn: () => api.get<PrivacyRequestList>('/api/privacy-requests', params),
    placeholderData: keepPreviousData,
  });
}
