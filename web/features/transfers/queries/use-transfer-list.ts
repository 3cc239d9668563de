import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TransferBox, TransferKind, TransferList } from '../../../../common/contracts/transfers.contract.ts';
import { fetchSearch } from '../../../api/search.ts';
import { transferKeys } from './keys.ts';

export type TransferListParams = { box: TransferBox; organizationId?: number; kind?: TransferKind; q?: string; page: number; pageSize: number };

export function useTransferList(params: TransferListParams) {
  return useQuery({
    queryKey: transferKeys.list(params),
    queryFn: () => fetchSearch<TransferList>('/api/transfers', params),
    placeholderData: keepPreviousData,
  });
}
