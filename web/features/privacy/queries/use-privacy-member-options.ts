import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MemberList } from '../../../../common/contracts/members.contract.ts';
import { fetchSearch } from '../../../api/search.ts';
import { privacyKeys } from './keys.ts';

/**
 * Members of the user's subtree by name for the request form (GET /api/members; a citizen id goes by POST, never in the URL), former members included: a person
 * who left the party keeps their rights over the data the register still holds.
 */
export function usePrivacyMemberOptions(q: string) {
  return useQuery({
    queryKey: privacyKeys.memberOptions(q),
    queryFn: () => fetchSearch<MemberList>('/api/members', { q: q || undefined, status: 'all', pageSize: 20 }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
