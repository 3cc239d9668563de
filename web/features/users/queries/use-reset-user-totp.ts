import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../../../common/contracts/users.contract.ts';
import { api } from '../../../api/http.ts';
import { userKeys } from './keys.ts';

/** POST /api/users/:id/totp-reset: removes a lost second factor; the next login enrols a new one. */
export function useResetUserTotp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<User>(`/api/users/${id}/totp-reset`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}
