import { Alert, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import {
  ORGANIZATION_KINDS,
  type OrganizationDetail,
  type OrganizationKind,
  type OrganizationNode,
} from '../../../../common/contracts/organizations.contract.ts';
import { canBeParentOf, COMMITTEE_KINDS } from '../../../../common/rules/organization-tree.ts';
import { todayIso } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useMergeOrganizations } from '../queries/use-merge-organizations.ts';
import { useOrganizationDetails } from '../queries/use-organization-details.ts';
import { ActionModal } from './action-modal.tsx';
import { DecisionFields, type DecisionValues } from './decision-fields.tsx';
import { OrganizationSelect } from './organization-select.tsx';

type Values = DecisionValues & {
  sourceIds: number[];
  mode: 'existing' | 'new';
  into: { existingId?: number; kind?: OrganizationKind; name?: string; code?: string; parentId?: number };
};

/** Merger: the sources end on the effective date; their members and children pass to an existing or a new organization. */
export function MergeModal({ org, onClose, onMerged }: { org: OrganizationDetail; onClose(): void; onMerged?(id: number): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const merge = useMergeOrganizations();
  const sourceIds = Form.useWatch('sourceIds', form) ?? [org.id];
  const mode = Form.useWatch('mode', form) ?? 'existing';
  const newKind = Form.useWatch(['into', 'kind'], form);
  // The version of every source as the user saw it: the server refuses the merger if one changed meanwhile.
  const sources = useOrganizationDetails(sourceIds);
  const sourceSet = useMemo(() => new Set(sourceIds), [sourceIds]);

  const isSource = useCallback((n: OrganizationNode) => n.validTo === null, []);
  const isTarget = useCallback((n: OrganizationNode) => n.validTo === null && !sourceSet.has(n.id), [sourceSet]);
  const isParent = useCallback(
    (n: OrganizationNode) => n.validTo === null && !sourceSet.has(n.id) && COMMITTEE_KINDS.includes(n.kind) && (!newKind || canBeParentOf(n.kind, newKind)),
    [sourceSet, newKind],
  );

  return (
    <ActionModal<Values>
      title={t('organizations.action.merge')}
      form={form}
      width={720}
      initialValues={{
        sourceIds: [org.id],
        mode: 'existing',
        into: { kind: org.kind, parentId: org.parentId ?? undefined },
        effectiveDate: todayIso(),
      }}
      okText={t('organizations.action.merge')}
      onClose={onClose}
      onSubmit={async (v) => {
        const sourceVersions: Record<string, number> = {};
        for (const q of sources) if (q.data) sourceVersions[String(q.data.id)] = q.data.version;
        const into =
          v.mode === 'existing'
            ? { existingId: v.into.existingId! }
            : { kind: v.into.kind!, name: v.into.name!, code: v.into.code!, parentId: v.into.parentId! };
        const res = await merge.mutateAsync({
          sourceIds: v.sourceIds,
          into,
          sourceVersions,
          effectiveDate: v.effectiveDate,
          decisionRef: v.decisionRef,
          note: v.note,
        });
        onMerged?.(res.id);
      }}
    >
      <Typography.Paragraph type="secondary">{t('organizations.mergeHint')}</Typography.Paragraph>
      <Form.Item name="sourceIds" label={t('organizations.mergeSources')} rules={[{ required: true, type: 'array', min: 1, message: t('field.required') }]}>
        <OrganizationSelect multiple isSelectable={isSource} placeholder={t('organizations.chooseSources')} />
      </Form.Item>
      <Form.Item name="mode" label={t('organizations.mergeInto')}>
        <Radio.Group
          options={[
            { value: 'existing', label: t('organizations.mergeIntoExisting') },
            { value: 'new', label: t('organizations.mergeIntoNew') },
          ]}
        />
      </Form.Item>
      {mode === 'existing' ? (
        <Form.Item name={['into', 'existingId']} label={t('organizations.successor')} rules={[{ required: true, message: t('field.required') }]}>
          <OrganizationSelect isSelectable={isTarget} placeholder={t('organizations.chooseSuccessor')} />
        </Form.Item>
      ) : (
        <>
          <Row gutter={16}>
            <Col span={10}>
              <Form.Item name={['into', 'kind']} label={t('organizations.kind')} rules={[{ required: true, message: t('field.required') }]}>
                <Select options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name={['into', 'parentId']} label={t('organizations.parent')} rules={[{ required: true, message: t('field.required') }]}>
                <OrganizationSelect isSelectable={isParent} placeholder={t('organizations.chooseParent')} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={16}>
              <Form.Item name={['into', 'name']} label={t('organizations.name')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
                <Input placeholder={t('organizations.namePlaceholder')} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name={['into', 'code']}
                label={t('organizations.code')}
                rules={[
                  { required: true, message: t('field.required') },
                  { pattern: /^[A-Za-z0-9._-]{1,40}$/, message: t('organizations.codeFormat') },
                ]}
              >
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
      {sources.some((q) => q.isError) && <Alert type="warning" showIcon title={t('organizations.sourcesUnavailable')} style={{ marginBottom: 16 }} />}
      <DecisionFields />
    </ActionModal>
  );
}
