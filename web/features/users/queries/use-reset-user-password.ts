import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserWithPassword } from '../../../../common/contracts/users.contract.ts';
import { api } from '../../../api/http.ts';
import { userKeys } from './keys.ts';

/** POST /api/users/:id/reset-password: a new random password, shown once; the account's sessions end. */
export function useResetUserPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<UserWithPassword>(`/api/users/${id}/reset-password`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}
