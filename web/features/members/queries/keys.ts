import type { MemberListParams } from './use-member-list.ts';

export const memberKeys = {
  all: ['members'] as const,
  lists: () => [...memberKeys.all, 'list'] as const,
  list: (params: MemberListParams) => [...memberKeys.lists(), params] as const,
  details: () => [...memberKeys.all, 'detail'] as const,
  detail: (id: number) => [...memberKeys.details(), id] as const,
};

/** The organization tree as the member screens use it (pickers); under 'organizations' so tree changes refresh it. */
export const organizationTreeKey = ['organizations', 'tree-for-pickers'] as const;
