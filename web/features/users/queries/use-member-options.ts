import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchMemberList } from '../../members/queries/use-member-list.ts';
import { userKeys } from './keys.ts';

/**
 * Members to link a member account to: a search inside an organization's subtree. A citizen id typed here goes
 * in a POST body, never in the URL (fetchMemberList).
 */
export function useMemberOptions(q: string, organizationId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...userKeys.all, 'member-options', q, organizationId ?? null],
    queryFn: () => fetchMemberList({ q: q || undefined, organizationId, status: 'active', page: 1, pageSize: 20 }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
