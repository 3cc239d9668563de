import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/http.ts';
import { useInvalidateDues } from './use-invalidate-dues.ts';

export function useDeleteGoodReason() {
  const invalidate = useInvalidateDues();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => api.delete<{ ok: true }>(`/api/dues/good-reasons/${id}?version=${version}`),
    onSuccess: () => void invalidate(),
  });
}
