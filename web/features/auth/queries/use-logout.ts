import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/http.ts';

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout'),
    // Whatever the answer (even an expired session), the local copy of the records goes.
    onSettled: () => qc.clear(),
  });
}
