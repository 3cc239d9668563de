import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZHelperOptions } from '../../../../common/contracts/candidates.contract.ts';
import { api } from '../../../api/http.ts';
import { candidateKeys } from './keys.ts';

export function useHelperOptions(id: number, enabled: boolean) {
  return useQuery({
    queryKey: candidateKeys.helperOptions(id),
    queryFn: () => api.get<z.infer<typeof ZHelperOptions>>(`/api/candidates/${id}/helper-options`),
    enabled,
  });
}
