import { Flex, Segmented, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { MEMBER_HOLDING_KINDS, type OrganizationKind } from '../../../common/contracts/organizations.contract.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { ComplianceView } from '../meetings/compliance-view.tsx';
import { ExemptionsTable } from './components/exemptions-table.tsx';
import { useExemptions } from './queries/use-exemptions.ts';

/**
 * Party life from the organization above: every cell's meetings × months (R-MGT-03) and the exemptions decided in the
 * subtree (R-MGT-02, "the superior is informed"). A cell secretary whose organization is a cell goes to the cell's page.
 */
export function PartyLifeHomePage() {
  const t = useT();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  usePageTitle(t('nav.partyLife'));
  if (MEMBER_HOLDING_KINDS.includes(me.organization.kind as OrganizationKind)) return <Navigate to={`/party-life/cells/${me.organization.id}`} replace />;
  const tab = params.get('tab') === 'exemptions' ? 'exemptions' : 'compliance';
  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('partyLife.home.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{me.organization.name}</Typography.Text>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'compliance' ? {} : { tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'compliance', label: t('partyLife.home.compliance'), children: <ComplianceView organizationId={me.organization.id} /> },
          { key: 'exemptions', label: t('partyLife.home.exemptions'), children: <SubtreeExemptions organizationId={me.organization.id} /> },
        ]}
      />
    </Flex>
  );
}

function SubtreeExemptions({ organizationId }: { organizationId: number }) {
  const t = useT();
  const [state, setState] = useState<'active' | 'all'>('active');
  const list = useExemptions(organizationId, 'subtree', state);
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const notInformed = (list.data?.items ?? []).filter((e) => !e.superiorInformedOn).length;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Segmented<'active' | 'all'>
          value={state}
          onChange={setState}
          options={[
            { value: 'active', label: t('partyLife.exempt.activeOnly') },
            { value: 'all', label: t('partyLife.exempt.all') },
          ]}
        />
        {notInformed > 0 && <Typography.Text type="danger">{t('partyLife.home.notInformed', { n: notInformed })}</Typography.Text>}
      </Flex>
      <ExemptionsTable items={list.data?.items ?? []} loading={list.isFetching && !list.data} showCell />
    </Flex>
  );
}
