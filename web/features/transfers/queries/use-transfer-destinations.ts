import { useQuery } from '@tanstack/react-query';
import type { TransferDestinations } from '../../../../common/contracts/transfers.contract.ts';
import { api } from '../../../api/http.ts';
import { transferKeys } from './keys.ts';

/** Every active organization of the system (names only): a letter may go to any cell. */
export function useTransferDestinations() {
  return useQuery({
    queryKey: transferKeys.destinations(),
    queryFn: () => api.get<TransferDestinations>('/api/transfers/destinations'),
    staleTime: 5 * 60_000,
  });
}
