import { useQuery } from '@tanstack/react-query';
import type { MemberPartyLife } from '../../../../common/contracts/party-life.contract.ts';
import { api } from '../../../api/http.ts';
import { partyLifeKeys } from './keys.ts';

/** GET /api/members/:id/party-life: the member's meetings missed, assignments, exemptions and residence opinions. */
export function useMemberPartyLife(memberId: number | null) {
  return useQuery({
    queryKey: partyLifeKeys.member(memberId ?? 0),
    queryFn: () => api.get<MemberPartyLife>(`/api/members/${memberId}/party-life`),
    enabled: memberId !== null,
  });
}
