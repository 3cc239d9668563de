import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MemberList, MemberStatus } from '../../../../common/contracts/members.contract.ts';
import { fetchSearch } from '../../../api/search.ts';
import { memberKeys } from './keys.ts';

/** The member list filters (ZMemberListQuery / ZMemberSearchBody), as the list page sends them. */
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

/**
 * A page of members. A search text with digits (a citizen id, part of one, a card number) goes in the body of
 * POST /api/members/search, never in a URL (security.md item 25); other searches are a plain GET.
 */
export function fetchMemberList(params: MemberListParams): Promise<MemberList> {
  return fetchSearch<MemberList>('/api/members', params);
}

export function useMemberList(params: MemberListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: memberKeys.list(params),
    queryFn: () => fetchMemberList(params),
    // Paging and filtering keep the previous rows on screen until the next page arrives.
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
