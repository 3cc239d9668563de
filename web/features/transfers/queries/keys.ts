import type { TransferListParams } from './use-transfer-list.ts';

export const transferKeys = {
  all: ['transfers'] as const,
  lists: () => [...transferKeys.all, 'list'] as const,
  list: (params: TransferListParams) => [...transferKeys.lists(), params] as const,
  details: () => [...transferKeys.all, 'detail'] as const,
  detail: (id: number) => [...transferKeys.details(), id] as const,
  ofMember: (memberId: number) => [...transferKeys.all, 'member', memberId] as const,
  memberOptions: (q: string) => [...transferKeys.all, 'member-options', q] as const,
  destinations: () => [...transferKeys.all, 'destinations'] as const,
  dueDates: (issuedOn: string, triggeredOn: string | null) => [...transferKeys.all, 'due-dates', issuedOn, triggeredOn] as const,
};
