import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZRemovalMemberOptions } from '../../../../common/contracts/removal.contract.ts';
import { fetchSearch } from '../../../api/search.ts';
import { removalKeys } from './keys.ts';

export function useMemberOptions(organizationId: number, q: string, enabled: boolean) {
  return useQuery({
    queryKey: removalKeys.memberOptions(organizationId, q),
    queryFn: () => fetchSearch<z.infer<typeof ZRemovalMemberOptions>>('/api/removal/member-options', { organizationId, q }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
