import { useQuery } from '@tanstack/react-query';
import type { MemberConduct } from '../../../../common/contracts/conduct.contract.ts';
import { api } from '../../../api/http.ts';
import { conductKeys } from './keys.ts';

/** GET /api/members/:id/conduct: violations, Front opinions and party discipline (the read is audited). */
export function useMemberConduct(memberId: number, enabled = true) {
  return useQuery({
    queryKey: conductKeys.member(memberId),
    queryFn: () => api.get<MemberConduct>(`/api/members/${memberId}/conduct`),
    enabled,
  });
}
