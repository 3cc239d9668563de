import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserInput, User } from '../../../../common/contracts/users.contract.ts';
import { api } from '../../../api/http.ts';
import { userKeys } from './keys.ts';

/** PUT /api/users/:id with the version last seen (a stale one answers CONFLICT). */
export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUserInput & { id: number }) => api.put<User>(`/api/users/${id}`, input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}
