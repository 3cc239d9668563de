import { Button, Flex, Space, Table, Tag, Typography } from 'antd';
import type { Exemption } from '../../../../common/contracts/party-life.contract.ts';
import { showDate } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { usePeriodText } from './tags.tsx';

/** Exemptions (R-MGT-02) as the cell and the superior read them: who, why, what, when, decided how, superior informed. */
export function ExemptionsTable({
  items,
  loading,
  showCell,
  onEdit,
}: {
  items: Exemption[];
  loading?: boolean;
  showCell?: boolean;
  onEdit?: (e: Exemption) => void;
}) {
  const t = useT();
  const period = usePeriodText();
  const columns = [
    {
      key: 'member',
      title: t('partyLife.f.member'),
      width: 220,
      render: (_: unknown, e: Exemption) => (
        <Flex vertical gap={0}>
          <Typography.Text strong>{e.member.fullName}</Typography.Text>
          {showCell && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.organization.name}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'reason',
      title: t('partyLife.exempt.reason'),
      render: (_: unknown, e: Exemption) => (
        <Flex vertical gap={2}>
          <span>{t(`partyLife.reason.${e.reason}`)}</span>
          {e.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.note}</Typography.Text>}
          <Space size={4}>
            {e.fromActivities && <Tag>{t('partyLife.exempt.fromActivitiesShort')}</Tag>}
            {e.fromWork && <Tag>{t('partyLife.exempt.fromWorkShort')}</Tag>}
          </Space>
        </Flex>
      ),
    },
    {
      key: 'period',
      title: t('partyLife.f.period'),
      width: 210,
      render: (_: unknown, e: Exemption) => (
        <Flex vertical gap={2} align="flex-start">
          <span>{period(e.from, e.to, showDate)}</span>
          <Tag color={e.active ? 'orange' : 'default'}>{e.active ? t('partyLife.exempt.active') : t('partyLife.exempt.inactive')}</Tag>
        </Flex>
      ),
    },
    {
      key: 'decision',
      title: t('partyLife.exempt.decision'),
      width: 250,
      render: (_: unknown, e: Exemption) => (
        <Flex vertical gap={0}>
          <span>{t('partyLife.exempt.requestLine', { kind: t(`partyLife.requestKind.${e.requestKind}`), date: showDate(e.requestedOn) })}</span>
          <span>{t('partyLife.exempt.decisionLine', { date: showDate(e.decidedOn) })}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.decisionRef}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'superior',
      title: t('partyLife.exempt.superiorInformedOn'),
      width: 150,
      render: (_: unknown, e: Exemption) =>
        e.superiorInformedOn ? showDate(e.superiorInformedOn) : <Tag color="red">{t('partyLife.exempt.superiorNotInformed')}</Tag>,
    },
    ...(onEdit
      ? [{ key: 'edit', title: '', width: 80, render: (_: unknown, e: Exemption) => <Button size="small" onClick={() => onEdit(e)}>{t('common.edit')}</Button> }]
      : []),
  ];
  return (
    <Table<Exemption>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={items}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t('partyLife.exempt.empty') }}
    />
  );
}
