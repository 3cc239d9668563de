import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../../../common/contracts/users.contract.ts';
import { api } from '../../../api/http.ts';
import { userKeys } from './keys.ts';

/** POST /api/users/:id/unlock: lifts a lockout after repeated login failures. */
export function useUnlockUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<User>(`/api/users/${id}/unlock`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}
