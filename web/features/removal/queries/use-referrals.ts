import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Referral } from '../../../../common/contracts/removal.contract.ts';
import { api } from '../../../api/http.ts';
import { removalKeys } from './keys.ts';

export function useReferrals(organizationId: number | undefined) {
  return useQuery({
    queryKey: removalKeys.referrals(organizationId ?? 0),
    queryFn: () => api.get<{ items: Referral[] }>('/api/removal/referrals', { organizationId }),
    enabled: organizationId !== undefined,
  });
}

export function useCreateReferral() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Referral>('/api/removal/referrals', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: removalKeys.all }),
  });
}

export function useConcludeReferral(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Referral>(`/api/removal/referrals/${id}/conclude`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: removalKeys.all }),
  });
}
