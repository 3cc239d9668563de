import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZMemberList } from '../../../../common/contracts/members.contract.ts';
import { api } from '../../../api/http.ts';
import { userKeys } from './keys.ts';

/** Members to link a member account to: a name search inside an organization's subtree (GET /api/members). */
export function useMemberOptions(q: string, organizationId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...userKeys.all, 'member-options', q, organizationId ?? null],
    queryFn: () => api.get<z.infer<typeof ZMemberList>>('/api/members', { q: q || undefined, organizationId, status: 'active', pageSize: 20 }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
