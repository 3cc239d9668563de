import { Alert, Button, Card, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { MemberGrading } from '../../../../common/contracts/grading.contract.ts';
import { errorText } from '../../../components/api-error.ts';
import { showDate } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useCurrentUser } from '../../auth/use-current-user.ts';
import { YearConductTags } from '../../conduct/components/year-conduct-tags.tsx';
import { RESIDENCE_TAG, STATUS_TAG } from '../grading-labels.ts';
import { useMemberGrading } from '../queries/use-member-grading.ts';
import { LevelTag } from './level-tag.tsx';

type Item = MemberGrading['items'][number];

/**
 * A member's yearly grading for the member record: each year's result (or where the year stands), conduct in the year
 * (party discipline, violations, the Front's opinion: for the roles that may read conduct) and the residence cell's
 * opinions (R-MGT-07).
 */
export function MemberGradingPanel({ memberId }: { memberId: number }) {
  const t = useT();
  const me = useCurrentUser();
  const q = useMemberGrading(memberId);
  const own = me.memberId === memberId;

  const columns: ColumnsType<Item> = [
    { title: t('grading.col.year'), dataIndex: 'year', width: 70 },
    { title: t('grading.col.organization'), key: 'org', ellipsis: true, render: (_, r) => r.organization.name },
    {
      title: t('grading.panel.final'),
      key: 'result',
      width: 190,
      render: (_, r) =>
        r.roster === 'exempted' ? (
          <Tag>{t('grading.exempted')}</Tag>
        ) : r.finalLevel ? (
          <LevelTag level={r.finalLevel} />
        ) : (
          <Tag color={STATUS_TAG[r.cycleStatus]}>{t(`grading.status.${r.cycleStatus}`)}</Tag>
        ),
    },
    { title: t('grading.col.self'), key: 'self', width: 110, render: (_, r) => (r.selfPoints === null ? '—' : t('grading.points', { points: r.selfPoints })) },
    { title: t('grading.col.proposal'), key: 'proposal', width: 120, render: (_, r) => (r.proposedLevel ? <LevelTag level={r.proposedLevel} /> : '—') },
    ...(q.data?.items.some((r) => r.conduct !== null)
      ? [{ title: t('conduct.inYear.col'), key: 'conduct', width: 220, render: (_: unknown, r: Item) => (r.conduct ? <YearConductTags conduct={r.conduct} /> : '—') }]
      : []),
    {
      key: 'open',
      width: 130,
      align: 'right',
      render: (_, r) =>
        own && r.cycleStatus === 'self_assessment' && r.roster === 'graded' ? (
          <Link to={`/grading/entries/${r.entryId}`}>
            <Button type="primary" size="small">
              {t('grading.panel.fill')}
            </Button>
          </Link>
        ) : (
          <Link to={`/grading/entries/${r.entryId}`}>{t('grading.view')}</Link>
        ),
    },
  ];

  return (
    <Card title={t('grading.panelTitle')} size="small">
      {q.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : q.isError ? (
        <Alert type="error" showIcon title={errorText(t, q.error)} />
      ) : (
        <Flex vertical gap={16}>
          <Table<Item>
            rowKey="entryId"
            size="small"
            columns={columns}
            dataSource={q.data.items}
            pagination={false}
            locale={{ emptyText: t('grading.panelEmpty') }}
            scroll={{ x: 920 }}
          />
          <div>
            <Typography.Text strong>{t('grading.residenceTitle')}</Typography.Text>
            {q.data.residenceOpinions.length === 0 ? (
              <div>
                <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
              </div>
            ) : (
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {q.data.residenceOpinions.map((o) => (
                  <li key={o.id}>
                    {o.year}: <Tag color={RESIDENCE_TAG[o.rating]}>{t(`grading.residence.${o.rating}`)}</Tag>
                    {o.comments} <Typography.Text type="secondary">({o.givenBy}, {showDate(o.givenOn)})</Typography.Text>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </Flex>
      )}
    </Card>
  );
}
