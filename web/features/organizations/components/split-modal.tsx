import { Alert, Button, Col, Divider, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ORGANIZATION_KINDS, type OrganizationDetail, type OrganizationKind } from '../../../../common/contracts/organizations.contract.ts';
import { canBeParentOf, canHoldMembers } from '../../../../common/rules/organization-tree.ts';
import { ApiError } from '../../../api/http.ts';
import { fieldText } from '../../../components/api-error.ts';
import { todayIso } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useMembersRecordedIn } from '../queries/use-members-recorded-in.ts';
import { useSplitOrganization } from '../queries/use-split-organization.ts';
import { ActionModal } from './action-modal.tsx';
import { DecisionFields, type DecisionValues } from './decision-fields.tsx';
import { OrganizationKindTag } from './organization-kind-tag.tsx';

type Part = { kind: OrganizationKind; name: string; code: string };
type Values = DecisionValues & { parts: Part[] };
type Field = 'memberPlacement' | 'childPlacement';
interface Row {
  key: string;
  field: Field;
  id: number;
  name: string;
  what: React.ReactNode;
}

/** Split: the source ends; two or more new organizations succeed it, and every member and child goes to one of them. */
export function SplitModal({ org, onClose }: { org: OrganizationDetail; onClose(): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const split = useSplitOrganization();
  const parent = org.path.length ? org.path[org.path.length - 1] : null;
  const kinds = useMemo(() => ORGANIZATION_KINDS.filter((k) => !parent || canBeParentOf(parent.kind, k)), [parent]);
  const holdsMembers = canHoldMembers(org.kind);
  const members = useMembersRecordedIn(org.id, holdsMembers);
  const membersLoading = holdsMembers && members.isPending;
  const parts = (Form.useWatch('parts', form) ?? []) as (Part | undefined)[];
  const [placement, setPlacement] = useState<Record<string, number>>({});
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [unplaced, setUnplaced] = useState(false);

  const rows: Row[] = useMemo(
    () => [
      ...org.children.map((c) => ({ key: `childPlacement.${c.id}`, field: 'childPlacement' as const, id: c.id, name: c.name, what: <OrganizationKindTag kind={c.kind} /> })),
      ...(members.data ?? []).map((m) => ({ key: `memberPlacement.${m.id}`, field: 'memberPlacement' as const, id: m.id, name: m.fullName, what: t('organizations.memberRow') })),
    ],
    [org.children, members.data, t],
  );
  const partOptions = parts.map((p, i) => ({ value: i, label: `${i + 1}. ${p?.name?.trim() || t('organizations.partN', { n: i + 1 })}` }));
  const placeAll = (i: number) => setPlacement(Object.fromEntries(rows.map((r) => [r.key, i])));

  return (
    <ActionModal<Values>
      title={t('organizations.action.splitOf', { name: org.name })}
      form={form}
      width={860}
      initialValues={{ parts: [{ kind: org.kind, name: '', code: '' }, { kind: org.kind, name: '', code: '' }] as Part[], effectiveDate: todayIso() }}
      okText={t('organizations.action.split')}
      onClose={onClose}
      onRefused={(err) => {
        if (!(err instanceof ApiError)) return;
        const mine = err.fields.filter((f) => /^(body\.)?(member|child)Placement\./.test(f.path));
        setIssues(Object.fromEntries(mine.map((f) => [f.path.replace(/^body\./, ''), fieldText(t, f.code, f.params ?? {})])));
      }}
      onSubmit={async (v) => {
        const missing = rows.some((r) => placement[r.key] === undefined || placement[r.key] >= v.parts.length);
        setUnplaced(missing);
        if (missing) return false;
        const pick = (field: Field) =>
          Object.fromEntries(rows.filter((r) => r.field === field).map((r) => [String(r.id), placement[r.key]]));
        setIssues({});
        await split.mutateAsync({
          id: org.id,
          version: org.version,
          parts: v.parts,
          memberPlacement: pick('memberPlacement'),
          childPlacement: pick('childPlacement'),
          effectiveDate: v.effectiveDate,
          decisionRef: v.decisionRef,
          note: v.note,
        });
      }}
    >
      <Typography.Paragraph type="secondary">
        {t('organizations.splitHint', { parent: parent?.name ?? t('common.none') })}
      </Typography.Paragraph>
      <Form.List name="parts">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Row key={f.key} gutter={12} align="top">
                <Col flex="40px" style={{ paddingTop: 6 }}>
                  <Typography.Text strong>{i + 1}.</Typography.Text>
                </Col>
                <Col flex="200px">
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: t('field.required') }]}>
                    <Select aria-label={t('organizations.kind')} options={kinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
                  </Form.Item>
                </Col>
                <Col flex="auto">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
                    <Input placeholder={t('organizations.name')} />
                  </Form.Item>
                </Col>
                <Col flex="150px">
                  <Form.Item
                    name={[f.name, 'code']}
                    rules={[
                      { required: true, message: t('field.required') },
                      { pattern: /^[A-Za-z0-9._-]{1,40}$/, message: t('organizations.codeFormat') },
                    ]}
                  >
                    <Input placeholder={t('organizations.code')} />
                  </Form.Item>
                </Col>
                <Col flex="32px">
                  <Button type="text" danger aria-label={t('organizations.removePart')} title={t('organizations.removePart')} disabled={fields.length <= 2} onClick={() => remove(f.name)}>
                    ✕
                  </Button>
                </Col>
              </Row>
            ))}
            <Button type="dashed" onClick={() => add({ kind: org.kind, name: '', code: '' })} disabled={fields.length >= 20}>
              + {t('organizations.addPart')}
            </Button>
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start" plain>
        {t('organizations.placement')}
      </Divider>
      {rows.length === 0 && !membersLoading ? (
        members.isError ? null : (
        <Typography.Paragraph type="secondary">{t('organizations.nothingToPlace')}</Typography.Paragraph>
        )
      ) : (
        <>
          <Space style={{ marginBottom: 8 }}>
            <Typography.Text>{t('organizations.placeAllIn')}</Typography.Text>
            <Select<number> style={{ width: 260 }} options={partOptions} onChange={placeAll} placeholder={t('organizations.choosePart')} />
          </Space>
          <Table<Row>
            size="small"
            rowKey="key"
            loading={membersLoading}
            dataSource={rows}
            pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { title: t('organizations.name'), dataIndex: 'name' },
              { title: t('organizations.placementWhat'), dataIndex: 'what', width: 170 },
              {
                title: t('organizations.placementPart'),
                width: 280,
                render: (_, r) => (
                  <>
                    <Select<number>
                      style={{ width: '100%' }}
                      value={placement[r.key]}
                      status={issues[r.key] || (unplaced && placement[r.key] === undefined) ? 'error' : undefined}
                      options={partOptions}
                      placeholder={t('organizations.choosePart')}
                      onChange={(i) => setPlacement((p) => ({ ...p, [r.key]: i }))}
                    />
                    {issues[r.key] && <Typography.Text type="danger">{issues[r.key]}</Typography.Text>}
                  </>
                ),
              },
            ]}
          />
        </>
      )}
      {members.isError && <Alert type="error" showIcon title={t('organizations.membersUnavailable')} style={{ marginTop: 8 }} />}
      {unplaced && <Alert type="warning" showIcon title={t('organizations.placeEveryone')} style={{ marginTop: 8 }} />}
      <Divider />
      <DecisionFields />
    </ActionModal>
  );
}
