import { useMutation } from '@tanstack/react-query';
import type { PersonalDataExport } from '../../../../common/contracts/privacy.contract.ts';
import { api } from '../../../api/http.ts';

/**
 * GET /api/members/:id/personal-data, saved as a JSON file. The data goes from the response straight into a Blob of
 * this page: never into the query cache, localStorage or a URL (security.md item 25). The server audits the export.
 */
export function useDownloadPersonalData() {
  return useMutation({
    mutationFn: async (memberId: number) => {
      const data = await api.get<PersonalDataExport>(`/api/members/${memberId}/personal-data`);
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      try {
        const a = document.createElement('a');
        a.href = url;
        a.download = `du-lieu-ca-nhan-dang-vien-${memberId}-${data.generatedAt.slice(0, 10)}.json`;
        document.body.appendChild(a);
        a.click();
        a.remove();
      } finally {
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      }
      return { memberId, generatedAt: data.generatedAt };
    },
  });
}
