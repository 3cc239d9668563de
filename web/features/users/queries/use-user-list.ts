import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UserList, UserListQuery } from '../../../../common/contracts/users.contract.ts';
import { api } from '../../../api/http.ts';
import { userKeys } from './keys.ts';

/** GET /api/users: the accounts of the administrator's subtree, a page at a time. */
export function useUserList(q: UserListQuery) {
  return useQuery({
    queryKey: userKeys.list(q),
    queryFn: () => api.get<UserList>('/api/users', q),
    placeholderData: keepPreviousData,
  });
}
