import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../../../common/contracts/auth.contract.ts';
import { api } from '../../../api/http.ts';
import { authKeys } from './keys.ts';

/** The signed-in user (GET /api/auth/me); a 401 means nobody is signed in. */
export function useMe(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: () => api.get<Me>('/api/auth/me'),
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}
