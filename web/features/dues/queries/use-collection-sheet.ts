import { useQuery } from '@tanstack/react-query';
import type { CollectionSheet } from '../../../../common/contracts/dues.contract.ts';
import { api } from '../../../api/http.ts';
import { duesKeys } from './keys.ts';

export function useCollectionSheet(organizationId: number, month: string) {
  return useQuery({
    queryKey: duesKeys.collection(organizationId, month),
    queryFn: () => api.get<CollectionSheet>(`/api/dues/organizations/${organizationId}/collection`, { month }),
  });
}
