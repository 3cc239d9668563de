import type { UserListQuery } from '../../../../common/contracts/users.contract.ts';

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (q: UserListQuery) => [...userKeys.lists(), q] as const,
};
