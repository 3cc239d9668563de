import { Button, Flex, Segmented } from 'antd';
import { useState } from 'react';
import type { Exemption } from '../../../../common/contracts/party-life.contract.ts';
import { PageError } from '../../../components/page-error.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useCellAssignments } from '../queries/use-cell-assignments.ts';
import { useExemptions } from '../queries/use-exemptions.ts';
import { ExemptionModal } from './exemption-modal.tsx';
import { ExemptionsTable } from './exemptions-table.tsx';

/** R-MGT-02 for a cell: the exemptions it decided, and recording a new one. */
export function ExemptionsTab({ cellId, canManage }: { cellId: number; canManage: boolean }) {
  const t = useT();
  const [state, setState] = useState<'active' | 'all'>('all');
  const list = useExemptions(cellId, 'cell', state);
  const roster = useCellAssignments(cellId);
  const [modal, setModal] = useState<{ editing: Exemption | null } | null>(null);
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Segmented<'active' | 'all'>
          value={state}
          onChange={setState}
          options={[
            { value: 'all', label: t('partyLife.exempt.all') },
            { value: 'active', label: t('partyLife.exempt.activeOnly') },
          ]}
        />
        {canManage && (
          <Button type="primary" onClick={() => setModal({ editing: null })} disabled={!roster.data}>
            {t('partyLife.exempt.newTitle')}
          </Button>
        )}
      </Flex>
      <ExemptionsTable items={list.data?.items ?? []} loading={list.isFetching && !list.data} onEdit={canManage ? (e) => setModal({ editing: e }) : undefined} />
      {modal && roster.data && <ExemptionModal cellId={cellId} roster={roster.data.roster} editing={modal.editing} onClose={() => setModal(null)} />}
    </Flex>
  );
}
