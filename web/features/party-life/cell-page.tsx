import { Breadcrumb, Flex, Skeleton, Space, Tabs, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/http.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { CellMeetingsTab } from '../meetings/cell-meetings-tab.tsx';
import { useCellMeetings } from '../meetings/queries/use-cell-meetings.ts';
import { canPartyLife } from './can-party-life.ts';
import { AssignmentsTab } from './components/assignments-tab.tsx';
import { ExemptionsTab } from './components/exemptions-tab.tsx';
import { ResidenceTab } from './components/residence-tab.tsx';

const TABS = ['meetings', 'assignments', 'exemptions', 'residence'] as const;
type Tab = (typeof TABS)[number];

/** A cell's party life: meetings and attendance, work assignments, exemptions and residence contact. */
export function CellPartyLifePage() {
  const t = useT();
  const me = useCurrentUser();
  const n = Number(useParams().id);
  const id = Number.isInteger(n) && n > 0 ? n : null;
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'meetings';
  // The meetings list of this year names the cell (and answers 404 outside scope) for the header.
  const head = useCellMeetings(id ?? 0, Number(new Date().getFullYear()));
  usePageTitle(head.data?.cell.name);
  if (id === null) return <PageError error={new ApiError(404, 'NOT_FOUND')} />;
  if (head.isError) return <PageError error={head.error} onRetry={() => void head.refetch()} />;
  if (!head.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const cell = head.data.cell;
  const props = { cellId: id };
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { key: 'home', title: <Link to="/party-life">{t('nav.partyLife')}</Link> },
          { key: 'cell', title: cell.name },
        ]}
      />
      <div>
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {cell.name}
          </Typography.Title>
          <Typography.Text type="secondary">{t(`kind.${cell.kind}`)}</Typography.Text>
        </Space>
        <div>
          <Typography.Text type="secondary">
            {t('partyLife.cell.foundedOn', { date: showDate(cell.validFrom) })}
            {cell.validTo ? ` · ${t('partyLife.cell.endedOn', { date: showDate(cell.validTo) })}` : ''}
            {' · '}
            <Link to={`/organizations/${cell.id}`}>{t('partyLife.cell.orgPage')}</Link>
          </Typography.Text>
        </div>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'meetings' ? {} : { tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'meetings', label: t('partyLife.tab.meetings'), children: <CellMeetingsTab {...props} canManage={canPartyLife.manageMeetings(me.role)} /> },
          { key: 'assignments', label: t('partyLife.tab.assignments'), children: <AssignmentsTab {...props} canManage={canPartyLife.manageAssignments(me.role)} /> },
          { key: 'exemptions', label: t('partyLife.tab.exemptions'), children: <ExemptionsTab {...props} canManage={canPartyLife.manageExemptions(me.role)} /> },
          { key: 'residence', label: t('partyLife.tab.residence'), children: <ResidenceTab {...props} canManage={canPartyLife.manageResidence(me.role)} /> },
        ]}
      />
    </Flex>
  );
}
