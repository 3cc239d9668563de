import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZMemberList } from '../../../../common/contracts/members.contract.ts';
import { api } from '../../../api/http.ts';
import { organizationKeys } from './keys.ts';

type MemberList = z.infer<typeof ZMemberList>;
const PAGE = 200; // the API's largest page

/** Every active member recorded in this very organization (a split must place each of them), all pages. */
export function useMembersRecordedIn(organizationId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...organizationKeys.detail(organizationId), 'members'],
    enabled,
    queryFn: async () => {
      const items: MemberList['items'] = [];
      for (let page = 1; ; page++) {
        const res = await api.get<MemberList>('/api/members', { organizationId, status: 'active', page, pageSize: PAGE });
        items.push(...res.items);
        if (res.items.length < PAGE || page * PAGE >= res.total) break;
      }
      // The list filter covers the subtree; a split places only those recorded in the source itself.
      return items.filter((m) => m.organization.id === organizationId);
    },
  });
}
