import { Alert, Flex, Result, Tabs, Tag, Typography } from 'antd';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { MEMBER_HOLDING_KINDS } from '../../../common/contracts/organizations.contract.ts';
import { ApiError } from '../../api/http.ts';
import { todayIso } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { OrganizationSelect } from '../organizations/components/organization-select.tsx';
import { useOrganizationTree } from '../organizations/queries/use-organization-tree.ts';
import { canDues } from './can-dues.ts';
import { ArrearsTab } from './components/arrears-tab.tsx';
import { ChartTab } from './components/chart-tab.tsx';
import { CollectionTab } from './components/collection-tab.tsx';
import { RemittancesTab } from './components/remittances-tab.tsx';
import { WagesTab } from './components/wages-tab.tsx';
import { currentMonth } from './money.ts';

const TABS = ['collection', 'arrears', 'remittances', 'chart', 'wages'] as const;
type Tab = (typeof TABS)[number];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function parseId(raw: string | undefined): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * Party dues of a cell or an organization (R-DUE): the monthly collection screen, arrears, remittances to the
 * organization above with their reconciliation, a chart of collected against expected, and the minimum-wage table.
 * /dues opens the user's own organization; the tab and month live in the address so a page can be shared.
 */
export function DuesPage() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const tree = useOrganizationTree(todayIso());
  usePageTitle(t('dues.title'));
  if (me.role === 'member') return me.memberId ? <Navigate to={`/dues/members/${me.memberId}`} replace /> : <Result status="info" title={t('nav.myDues')} subTitle={t('auth.noRecord')} />;
  if (!canDues.readOrganizations(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;

  const organizationId = params.organizationId === undefined ? me.organization.id : parseId(params.organizationId);
  if (organizationId === null) return <PageError error={new ApiError(404, 'NOT_FOUND')} />;
  const node = tree.data?.nodes.find((n) => n.id === organizationId);
  const holdsMembers = node ? MEMBER_HOLDING_KINDS.includes(node.kind) : true;
  const requested = search.get('tab') as Tab | null;
  const cellTab = requested === 'collection' || requested === 'arrears';
  const tab: Tab = requested && TABS.includes(requested) && (holdsMembers || !cellTab) ? requested : holdsMembers ? 'collection' : 'chart';
  const monthParam = search.get('month');
  const month = monthParam && MONTH.test(monthParam) ? monthParam : currentMonth();
  const setParam = (k: string, v: string) =>
    setSearch(
      (p) => {
        p.set(k, v);
        return p;
      },
      { replace: true },
    );

  const cellOnly = (content: React.ReactNode) => (holdsMembers ? content : <Alert type="info" showIcon title={t('dues.noDirectMembers')} />);
  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" gap={16} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('dues.title')}
            {node && (
              <>
                {' · '}
                {node.name} <Tag style={{ verticalAlign: 'middle' }}>{t(`kind.${node.kind}`)}</Tag>
              </>
            )}
          </Typography.Title>
          <Typography.Text type="secondary">{t('dues.pickCellHint')}</Typography.Text>
        </div>
        <div style={{ width: 380, maxWidth: '100%' }}>
          <OrganizationSelect
            value={organizationId}
            allowClear={false}
            placeholder={t('dues.pickOrganization')}
            onChange={(id) => id && navigate(`/dues/organizations/${id}?tab=${tab}&month=${month}`)}
          />
        </div>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParam('tab', k)}
        destroyOnHidden
        items={[
          { key: 'collection', label: t('dues.tab.collection'), disabled: !holdsMembers, children: cellOnly(<CollectionTab organizationId={organizationId} month={month} onMonth={(m) => setParam('month', m)} />) },
          { key: 'arrears', label: t('dues.tab.arrears'), disabled: !holdsMembers, children: cellOnly(<ArrearsTab organizationId={organizationId} />) },
          { key: 'remittances', label: t('dues.tab.remittances'), children: <RemittancesTab organizationId={organizationId} kind={node?.kind} /> },
          { key: 'chart', label: t('dues.tab.chart'), children: <ChartTab key={organizationId} organizationId={organizationId} holdsMembers={holdsMembers} /> },
          { key: 'wages', label: t('dues.tab.wages'), children: <WagesTab /> },
        ]}
      />
    </Flex>
  );
}
