import { useMutation } from '@tanstack/react-query';
import type { MeetingDetail } from '../../../../common/contracts/meetings.contract.ts';
import type { ErrorBody } from '../../../../common/errors.ts';
import { ApiError } from '../../../api/http.ts';
import { useAfterMeetingChange } from './use-meeting-change.ts';

/** POST /api/meetings/:id/minutes-file?version=: multipart with one field 'file' (the API client speaks JSON only). */
export function useUploadMinutes(id: number) {
  const after = useAfterMeetingChange();
  return useMutation({
    mutationFn: async ({ file, version }: { file: File; version: number }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      const res = await fetch(`/api/meetings/${id}/minutes-file?version=${version}`, { method: 'POST', credentials: 'same-origin', body: form });
      if (res.ok) return (await res.json()) as MeetingDetail;
      let err: ErrorBody['error'] = { code: 'INTERNAL' };
      try {
        err = ((await res.json()) as ErrorBody).error ?? err;
      } catch {
        /* not JSON: keep INTERNAL */
      }
      throw new ApiError(res.status, err.code, err.params ?? {}, err.fields ?? []);
    },
    onSuccess: after,
  });
}
