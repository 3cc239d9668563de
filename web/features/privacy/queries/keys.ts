import type { RequestFilter } from '../../../../common/contracts/privacy.contract.ts';

export const privacyKeys = {
  all: ['privacy'] as const,
  lists: () => [...privacyKeys.all, 'list'] as const,
  list: (params: { status: RequestFilter; page: number; pageSize: number }) => [...privacyKeys.lists(), params] as const,
  memberOptions: (q: string) => [...privacyKeys.all, 'member-options', q] as const,
};
