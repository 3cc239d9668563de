import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ErrorBody } from '../../../../common/errors.ts';
import { ApiError } from '../../../api/http.ts';
import { admissionKeys } from './keys.ts';

/** multipart/form-data with one field 'file'; the server checks the magic bytes and the 10 MB cap. */
export function useUploadDocument(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, step, kind }: { file: File; step: string; kind: string }) => {
      const form = new FormData();
      form.append('file', file);
      const res = await fetch(`/api/admissions/${id}/documents?${new URLSearchParams({ step, kind })}`, { method: 'POST', body: form, credentials: 'same-origin' });
      if (!res.ok) {
        let err: ErrorBody['error'] = { code: 'INTERNAL' };
        try {
          err = ((await res.json()) as ErrorBody).error ?? err;
        } catch {
          /* not JSON */
        }
        throw new ApiError(res.status, err.code, err.params ?? {}, err.fields ?? []);
      }
      return res.json();
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: admissionKeys.detail(id) }),
  });
}
