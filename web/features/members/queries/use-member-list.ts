import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MemberList, MemberStatus } from '../../../../common/contracts/members.contract.ts';
import { api } from '../../../api/http.ts';
import { memberKeys } from './keys.ts';

/** GET /api/members query (ZMemberListQuery), as the list page sends it. */
export type MemberListParams = {
  q?: string;
  status: MemberStatus | 'active' | 'all';
  organizationId?: number;
  gender?: 'male' | 'female';
  ethnicityCode?: string;
  ageMin?: number;
  ageMax?: number;
  page: number;
  pageSize: number;
};
export type { MemberList };

export function useMemberList(params: MemberListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: memberKeys.list(params),
    queryFn: () => api.get<MemberList>('/api/members', params),
    // Paging and filtering keep the previous rows on screen until the next page arrives.
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
