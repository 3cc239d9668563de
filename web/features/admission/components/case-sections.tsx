import { Button, Card, Checkbox, Col, Empty, Flex, Form, Input, InputNumber, Modal, Radio, Row, Select, Table, Tag, Timeline, Tooltip, Typography, Upload, App } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { DOCUMENT_KINDS, EMPLOYER_KINDS, RELATIVE_RELATIONS, type AdmissionCaseDetail } from '../../../../common/contracts/admission.contract.ts';
import { EDUCATION_LEVELS } from '../../../../common/rules/admission-rules.ts';
import { showDate, todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { checkText, formatSize, isAhead, statusText } from '../admission-labels.ts';
import { useCaseAction } from '../queries/use-case-action.ts';
import { useRoll } from '../queries/use-roll.ts';
import { useUploadDocument } from '../queries/use-upload-document.ts';
import { ActionError, ViolationList } from './action-error.tsx';

type Kase = AdmissionCaseDetail;
type Check = Kase['checklist'][number];

const muted = (s: React.ReactNode) => <Typography.Text type="secondary">{s}</Typography.Text>;
const dash = '—';

// ---------------------------------------------------------------- checklist

/** Every condition of the case with its rule id, green or red, and why (architecture principle 4). */
export function ChecklistTable({ kase }: { kase: Kase }) {
  const t = useT();
  if (kase.checklist.length === 0) return <Empty description={t('adm.checklist.empty')} />;
  const ahead = (c: Check) => isAhead(kase.status, c.step);
  const columns: ColumnsType<Check> = [
    { title: t('adm.checklist.step'), dataIndex: 'step', width: 190, render: (s: string) => statusText(t, s) },
    {
      title: t('adm.checklist.rule'),
      dataIndex: 'ruleId',
      width: 120,
      render: (r: string, c) => (
        <Tag color={c.ok ? 'green' : 'red'} style={{ fontFamily: 'monospace' }}>
          {r}
        </Tag>
      ),
    },
    { title: t('adm.checklist.result'), dataIndex: 'ok', width: 100, render: (ok: boolean) => <Tag color={ok ? 'success' : 'error'}>{ok ? t('adm.ok') : t('adm.notOk')}</Tag> },
    { title: t('adm.checklist.why'), key: 'why', render: (_, c) => checkText(t, c) },
  ];
  return (
    <Flex vertical gap={8}>
      {muted(t('adm.checklist.help'))}
      <Table<Check>
        size="small"
        rowKey={(c) => `${c.step}-${c.ruleId}-${c.code}-${JSON.stringify(c.facts)}`}
        columns={columns}
        dataSource={kase.checklist}
        pagination={false}
        // Conditions of steps not reached yet are shown, but only those of the steps done and the current one are flagged.
        onRow={(c) => ({ style: { background: c.ok || ahead(c) ? undefined : '#fff2f0', opacity: ahead(c) ? 0.7 : 1 } })}
      />
    </Flex>
  );
}

// ---------------------------------------------------------------- refusals kept on the case

export function RefusalsList({ kase }: { kase: Kase }) {
  const t = useT();
  if (kase.refusals.length === 0) return null;
  const last = [...kase.refusals].reverse().slice(0, 5);
  return (
    <Card size="small" title={t('adm.refusals.title')} styles={{ header: { color: '#cf1322' } }}>
      <Flex vertical gap={12}>
        {last.map((r) => (
          <div key={r.id}>
            {muted(t('adm.refusals.line', { date: showDate(r.onDate), action: t(`adm.action.${r.actionType}`), who: r.actor ?? t('adm.t.system') }))}
            <ViolationList violations={r.violations} />
          </div>
        ))}
      </Flex>
    </Card>
  );
}

// ---------------------------------------------------------------- the file

type FileField = 'applicationDate' | 'historyDate' | 'educationLevel' | 'isYouthUnionMember' | 'employerKind' | 'place' | 'memberHistoryCompletedOn' | 'selfReviewOn' | 'helperAssessmentOn';

/** Some fields of the applicant's file; saves only what changed (PATCH, with the case version). */
export function FileForm({ kase, fields, onReload, disabled }: { kase: Kase; fields: FileField[]; onReload: () => void; disabled?: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const action = useCaseAction(kase.id);
  const [form] = Form.useForm();
  const initial = kase.file as unknown as Record<string, unknown>;
  const onFinish = (v: Record<string, unknown>) => {
    const body: Record<string, unknown> = { version: kase.version };
    for (const f of fields) if (v[f] !== initial[f] && v[f] !== undefined) body[f] = v[f] ?? null;
    if (Object.keys(body).length === 1) return;
    action.mutate({ path: 'file', method: 'patch', body }, { onSuccess: () => void message.success(t('adm.saved')) });
  };
  const date = (name: FileField) => (
    <Col xs={24} md={8} key={name}>
      <Form.Item name={name} label={t(`adm.f.${name}`)}>
        <IsoDatePicker maxDate={todayIso()} />
      </Form.Item>
    </Col>
  );
  const items: Record<FileField, React.ReactNode> = {
    applicationDate: date('applicationDate'),
    historyDate: date('historyDate'),
    memberHistoryCompletedOn: date('memberHistoryCompletedOn'),
    selfReviewOn: date('selfReviewOn'),
    helperAssessmentOn: date('helperAssessmentOn'),
    educationLevel: (
      <Col xs={24} md={8} key="educationLevel">
        <Form.Item name="educationLevel" label={t('adm.f.educationLevel')}>
          <Select options={EDUCATION_LEVELS.map((l) => ({ value: l, label: t(`adm.education.${l}`) }))} />
        </Form.Item>
      </Col>
    ),
    employerKind: (
      <Col xs={24} md={8} key="employerKind">
        <Form.Item name="employerKind" label={t('adm.f.employerKind')}>
          <Select options={EMPLOYER_KINDS.map((k) => ({ value: k, label: t(`adm.employer.${k}`) }))} />
        </Form.Item>
      </Col>
    ),
    place: (
      <Col xs={24} md={8} key="place">
        <Form.Item name="place" label={t('adm.f.place')}>
          <Input maxLength={80} />
        </Form.Item>
      </Col>
    ),
    isYouthUnionMember: (
      <Col xs={24} md={8} key="isYouthUnionMember">
        <Form.Item name="isYouthUnionMember" valuePropName="checked" label=" ">
          <Checkbox>{t('adm.f.isYouthUnionMember')}</Checkbox>
        </Form.Item>
      </Col>
    ),
  };
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} disabled={disabled || action.isPending}>
      <Row gutter={16}>{fields.map((f) => items[f])}</Row>
      <Flex vertical gap={8}>
        <ActionError error={action.error} onReload={onReload} />
        {!disabled && (
          <Button htmlType="submit" loading={action.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('adm.f.saveFile')}
          </Button>
        )}
      </Flex>
    </Form>
  );
}

/** Relatives declared in the personal history (Mẫu 2-KNĐ): who R-ADM-07 asks to verify. */
export function RelativesEditor({ kase, onReload, disabled }: { kase: Kase; onReload: () => void; disabled?: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const action = useCaseAction(kase.id);
  const [form] = Form.useForm();
  const onFinish = (v: { relatives?: Record<string, unknown>[] }) => {
    const relatives = (v.relatives ?? []).map((r, i) => ({
      key: `${String(r.relation)}-${i + 1}`.replace(/_/g, '-'),
      relation: r.relation,
      name: r.name,
      birthDate: r.birthDate ?? null,
      isPartyMember: Boolean(r.isPartyMember),
      fullyDeclared: Boolean(r.fullyDeclared),
    }));
    // Keys already used by verification items stay as they were.
    const previous = kase.file.relatives as { key: string; relation: string; name: string }[];
    for (const r of relatives) {
      const same = previous.find((p) => p.relation === r.relation && p.name === r.name);
      if (same) r.key = same.key;
    }
    action.mutate({ path: 'file', method: 'patch', body: { version: kase.version, relatives } }, { onSuccess: () => void message.success(t('adm.saved')) });
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ relatives: kase.file.relatives }} onFinish={onFinish} disabled={disabled || action.isPending}>
      <Typography.Text strong>{t('adm.f.relatives')}</Typography.Text>
      <Form.List name="relatives">
        {(rows, { add, remove }) => (
          <Flex vertical gap={4} style={{ marginTop: 8 }}>
            {rows.map((row) => (
              <Row key={row.key} gutter={8} align="middle">
                <Col span={5}>
                  <Form.Item name={[row.name, 'relation']} rules={[{ required: true, message: t('field.required') }]} style={{ marginBottom: 4 }}>
                    <Select placeholder={t('adm.f.relation')} options={RELATIVE_RELATIONS.map((r) => ({ value: r, label: t(`adm.relation.${r}`) }))} />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item name={[row.name, 'name']} rules={[{ required: true, message: t('field.required') }]} style={{ marginBottom: 4 }}>
                    <Input placeholder={t('adm.f.name')} maxLength={120} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[row.name, 'birthDate']} style={{ marginBottom: 4 }}>
                    <IsoDatePicker placeholder={t('adm.f.birthDate')} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[row.name, 'isPartyMember']} valuePropName="checked" style={{ marginBottom: 4 }}>
                    <Checkbox>{t('adm.f.isPartyMember')}</Checkbox>
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[row.name, 'fullyDeclared']} valuePropName="checked" style={{ marginBottom: 4 }}>
                    <Checkbox>{t('adm.f.fullyDeclared')}</Checkbox>
                  </Form.Item>
                </Col>
                <Col span={1}>{!disabled && <Button type="link" danger onClick={() => remove(row.name)}>{t('adm.f.remove')}</Button>}</Col>
              </Row>
            ))}
            {!disabled && (
              <Flex gap={8}>
                <Button onClick={() => add({ isPartyMember: false, fullyDeclared: false })}>+ {t('adm.f.addRelative')}</Button>
                <Button type="primary" ghost htmlType="submit" loading={action.isPending}>
                  {t('adm.f.saveFile')}
                </Button>
              </Flex>
            )}
          </Flex>
        )}
      </Form.List>
      <div style={{ marginTop: 8 }}>
        <ActionError error={action.error} onReload={onReload} />
      </div>
    </Form>
  );
}

export function CertificatesList({ kase }: { kase: Kase }) {
  const t = useT();
  return (
    <Card size="small" title={t('adm.certificates')}>
      {kase.certificates.length === 0 ? (
        muted(t('adm.certificates.empty'))
      ) : (
        <Flex vertical gap={4}>
          {kase.certificates.map((c, i) => (
            <span key={i}>
              <Tag>{t(`adm.course.${c.kind}`) === `adm.course.${c.kind}` ? c.kind : t(`adm.course.${c.kind}`)}</Tag> {c.number} — {showDate(c.issuedOn)}
              {c.validUntil && muted(` (→ ${showDate(c.validUntil)})`)}
            </span>
          ))}
        </Flex>
      )}
    </Card>
  );
}

// ---------------------------------------------------------------- verification (R-ADM-07)

type Verification = Kase['verifications'][number];

export function VerificationSection({ kase, onReload, editable }: { kase: Kase; onReload: () => void; editable: boolean }) {
  const t = useT();
  const action = useCaseAction(kase.id);
  const [addForm] = Form.useForm();
  const [resultFor, setResultFor] = useState<Verification | null>(null);
  const subjects = [
    { value: 'applicant', label: `${kase.person.fullName} (${t('adm.relation.applicant')})` },
    ...(kase.file.relatives as { key: string; relation: string; name: string }[]).map((r) => ({ value: r.key, label: `${r.name} (${t(`adm.relation.${r.relation}`)})` })),
  ];
  const columns: ColumnsType<Verification> = [
    { title: t('adm.v.subject'), key: 'subject', render: (_, v) => <span>{v.subjectName} {muted(`(${t(`adm.relation.${v.relation}`)})`)}</span> },
    { title: t('adm.v.requestOrganization'), dataIndex: 'requestOrganization' },
    { title: t('adm.v.sentOn'), dataIndex: 'sentOn', width: 110, render: showDate },
    {
      title: t('adm.v.replyDueOn'),
      dataIndex: 'replyDueOn',
      width: 150,
      render: (d: string, v) => (v.isReplyOverdue ? <Tag color="red">{showDate(d)} · {t('adm.v.replyOverdue')}</Tag> : showDate(d)),
    },
    { title: t('adm.v.verifierName'), dataIndex: 'verifierName', render: (s: string | null) => s ?? dash },
    {
      title: t('adm.v.conclusion'),
      key: 'conclusion',
      render: (_, v) =>
        v.conclusion ? (
          <Tooltip title={v.resultNote}>
            <Tag color={v.conclusion === 'clear' ? 'green' : 'orange'}>{t(`adm.conclusion.${v.conclusion}`)}</Tag> {v.verifiedOn && showDate(v.verifiedOn)}
          </Tooltip>
        ) : editable ? (
          <Button size="small" onClick={() => setResultFor(v)}>
            {t('adm.v.record')}
          </Button>
        ) : (
          muted(t('adm.v.pending'))
        ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Table<Verification>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={kase.verifications}
        pagination={false}
        locale={{ emptyText: t('adm.v.empty') }}
        onRow={(v) => ({ style: v.isReplyOverdue ? { background: '#fff2f0' } : undefined })}
      />
      {editable && (
        <Card size="small" title={t('adm.v.add')}>
          <Form
            form={addForm}
            layout="vertical"
            disabled={action.isPending}
            initialValues={{ subjectKey: 'applicant', sentOn: todayIso() }}
            onFinish={(v) => action.mutate({ path: 'verifications', body: { version: kase.version, ...v } }, { onSuccess: () => addForm.resetFields() })}
          >
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item name="subjectKey" label={t('adm.v.subject')} rules={[{ required: true, message: t('field.required') }]}>
                  <Select options={subjects} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="requestOrganization" label={t('adm.v.requestOrganization')} rules={[{ required: true, message: t('field.required') }]}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="verifierName" label={t('adm.v.verifierName')}>
                  <Input maxLength={120} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="sentOn" label={t('adm.v.sentOn')} rules={[{ required: true, message: t('field.required') }]}>
                  <IsoDatePicker maxDate={todayIso()} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="replyDueOn" label={t('adm.v.replyDueOn')} rules={[{ required: true, message: t('field.required') }]}>
                  <IsoDatePicker />
                </Form.Item>
              </Col>
            </Row>
            <Flex vertical gap={8}>
              <ActionError error={action.error} onReload={onReload} />
              <Button htmlType="submit" loading={action.isPending} style={{ alignSelf: 'flex-start' }}>
                + {t('adm.v.add')}
              </Button>
            </Flex>
          </Form>
        </Card>
      )}
      <VerificationResultModal kase={kase} item={resultFor} onClose={() => setResultFor(null)} onReload={onReload} />
    </Flex>
  );
}

function VerificationResultModal({ kase, item, onClose, onReload }: { kase: Kase; item: Verification | null; onClose: () => void; onReload: () => void }) {
  const t = useT();
  const action = useCaseAction(kase.id);
  const [form] = Form.useForm();
  return (
    <Modal
      open={item !== null}
      title={item ? `${t('adm.v.record')}: ${item.subjectName}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('adm.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={action.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ verifierName: item?.verifierName ?? undefined, conclusion: 'clear', verifiedOn: todayIso() }}
        onFinish={(v) => item && action.mutate({ path: `verifications/${item.id}/result`, body: { version: kase.version, ...v } }, { onSuccess: onClose })}
      >
        <Form.Item name="verifierName" label={t('adm.v.verifierName')} rules={[{ required: true, message: t('field.required') }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="conclusion" label={t('adm.v.conclusion')}>
          <Radio.Group options={['clear', 'issues_found'].map((c) => ({ value: c, label: t(`adm.conclusion.${c}`) }))} />
        </Form.Item>
        <Form.Item name="verifiedOn" label={t('adm.v.verifiedOn')} rules={[{ required: true, message: t('field.required') }]}>
          <IsoDatePicker maxDate={todayIso()} />
        </Form.Item>
        <Form.Item name="resultNote" label={t('adm.v.resultNote')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      <ActionError error={action.error} onReload={onReload} />
    </Modal>
  );
}

// ---------------------------------------------------------------- introducers (R-ADM-06), opinions (R-ADM-08, R-REC-03), helpers (R-REC-03)

function useMemberOptions(kase: Kase) {
  const t = useT();
  const roll = useRoll(kase.id, kase.today);
  return useMemo(
    () => (roll.data?.items ?? []).map((m) => ({ value: m.memberId, label: `${m.fullName} · ${t(`adm.standing.${m.standing}`)}` })),
    [roll.data, t],
  );
}

export function IntroducersSection({ kase, onReload, editable }: { kase: Kase; onReload: () => void; editable: boolean }) {
  const t = useT();
  const action = useCaseAction(kase.id);
  const [form] = Form.useForm();
  const options = useMemberOptions(kase);
  return (
    <Card size="small" title={t('adm.i.title')}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={kase.introducers}
        locale={{ emptyText: t('adm.i.empty') }}
        columns={[
          { title: t('adm.i.member'), dataIndex: 'fullName' },
          { title: t('adm.i.standingToday'), dataIndex: 'standingToday', width: 120, render: (s: string) => <Tag color={s === 'official' ? 'green' : 'orange'}>{t(`adm.standing.${s}`)}</Tag> },
          { title: t('adm.i.sameUnit'), dataIndex: 'sameUnit', width: 110, render: (b: boolean, r) => (b ? r.unitName ?? '✓' : '✗') },
          { title: t('adm.i.months'), dataIndex: 'monthsWithApplicant', width: 130 },
          { title: t('adm.i.introducedOn'), dataIndex: 'introducedOn', width: 130, render: showDate },
        ]}
      />
      {editable && (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 12 }}
          disabled={action.isPending}
          initialValues={{ sameUnit: true, introducedOn: todayIso(), monthsWithApplicant: 12 }}
          onFinish={(v) => action.mutate({ path: 'introducers', body: { version: kase.version, ...v } }, { onSuccess: () => form.resetFields() })}
        >
          <Row gutter={12} align="bottom">
            <Col xs={24} md={7}>
              <Form.Item name="memberId" label={t('adm.i.member')} rules={[{ required: true, message: t('field.required') }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={options} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="unitName" label={t('adm.i.unitName')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={12} md={3}>
              <Form.Item name="monthsWithApplicant" label={t('adm.i.months')} rules={[{ required: true, message: t('field.required') }]}>
                <InputNumber min={0} max={1200} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="introducedOn" label={t('adm.i.introducedOn')} rules={[{ required: true, message: t('field.required') }]}>
                <IsoDatePicker maxDate={todayIso()} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="sameUnit" valuePropName="checked">
                <Checkbox>{t('adm.i.sameUnit')}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
          <Flex vertical gap={8}>
            <ActionError error={action.error} onReload={onReload} />
            <Button htmlType="submit" loading={action.isPending} style={{ alignSelf: 'flex-start' }}>
              + {t('adm.i.add')}
            </Button>
          </Flex>
        </Form>
      )}
    </Card>
  );
}

export function OpinionsSection({ kase, phase, onReload, editable }: { kase: Kase; phase: 'admission' | 'recognition'; onReload: () => void; editable: boolean }) {
  const t = useT();
  const action = useCaseAction(kase.id);
  const [form] = Form.useForm();
  const rows = kase.opinions.filter((o) => o.phase === phase);
  const massOrgs = kase.file.massOrganizations;
  return (
    <Card size="small" title={phase === 'admission' ? t('adm.o.title') : t('adm.o.recognitionTitle')}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('adm.o.empty') }}
        columns={[
          { title: t('adm.o.source'), dataIndex: 'source', width: 220, render: (s: string) => t(`adm.source.${s}`) },
          { title: t('adm.o.organization'), dataIndex: 'organizationName' },
          { title: t('adm.o.date'), dataIndex: 'date', width: 120, render: showDate },
          { title: t('adm.o.summary'), dataIndex: 'summary', render: (s: string | null) => s ?? dash },
        ]}
      />
      {editable && (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 12 }}
          disabled={action.isPending}
          initialValues={{ source: 'mass_organization', date: todayIso(), organization: massOrgs[0]?.key }}
          onFinish={(v) => {
            const source = v.source as string;
            const mass = massOrgs.find((m) => m.key === v.organization);
            const organizationKey = source === 'mass_organization' ? (mass?.key ?? 'doan-the') : 'chi-uy-cu-tru';
            const organizationName = source === 'mass_organization' ? (mass?.name ?? v.organizationName) : v.organizationName;
            action.mutate(
              { path: 'opinions', body: { version: kase.version, phase, source, organizationKey, organizationName, date: v.date, summary: v.summary } },
              { onSuccess: () => form.resetFields() },
            );
          }}
        >
          <Row gutter={12}>
            <Col xs={24} md={6}>
              <Form.Item name="source" label={t('adm.o.source')}>
                <Select options={['mass_organization', 'residence_cell_committee'].map((s) => ({ value: s, label: t(`adm.source.${s}`) }))} />
              </Form.Item>
            </Col>
            <Form.Item noStyle shouldUpdate={(a, b) => a.source !== b.source}>
              {({ getFieldValue }) =>
                getFieldValue('source') === 'mass_organization' && massOrgs.length > 0 ? (
                  <Col xs={24} md={8}>
                    <Form.Item name="organization" label={t('adm.o.organization')}>
                      <Select options={massOrgs.map((m) => ({ value: m.key, label: m.name }))} />
                    </Form.Item>
                  </Col>
                ) : (
                  <Col xs={24} md={8}>
                    <Form.Item name="organizationName" label={t('adm.o.organization')} rules={[{ required: true, message: t('field.required') }]}>
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                )
              }
            </Form.Item>
            <Col xs={12} md={4}>
              <Form.Item name="date" label={t('adm.o.date')} rules={[{ required: true, message: t('field.required') }]}>
                <IsoDatePicker maxDate={todayIso()} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="summary" label={t('adm.o.summary')}>
                <Input maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
          <Flex vertical gap={8}>
            <ActionError error={action.error} onReload={onReload} />
            <Button htmlType="submit" loading={action.isPending} style={{ alignSelf: 'flex-start' }}>
              + {t('adm.o.add')}
            </Button>
          </Flex>
        </Form>
      )}
    </Card>
  );
}

export function HelpersSection({ kase, onReload, editable }: { kase: Kase; onReload: () => void; editable: boolean }) {
  const t = useT();
  const action = useCaseAction(kase.id);
  const [form] = Form.useForm();
  const options = useMemberOptions(kase);
  return (
    <Card size="small" title={t('adm.h.title')}>
      {kase.helpers.length === 0
        ? muted(t('adm.h.empty'))
        : kase.helpers.map((h) => (
            <div key={h.id}>
              {h.fullName} <Tag>{t(`adm.standing.${h.standingWhenAssigned}`)}</Tag> {muted(`${t('adm.h.assignedOn')} ${showDate(h.assignedOn)}`)}
            </div>
          ))}
      {editable && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          disabled={action.isPending}
          initialValues={{ assignedOn: todayIso() }}
          onFinish={(v) => action.mutate({ path: 'helpers', body: { version: kase.version, ...v } }, { onSuccess: () => form.resetFields() })}
        >
          <Form.Item name="memberId" rules={[{ required: true, message: t('field.required') }]}>
            <Select style={{ width: 280 }} placeholder={t('adm.i.member')} options={options} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="assignedOn" rules={[{ required: true, message: t('field.required') }]}>
            <IsoDatePicker maxDate={todayIso()} style={{ width: 150 }} />
          </Form.Item>
          <Button htmlType="submit" loading={action.isPending}>
            {t('adm.h.assign')}
          </Button>
        </Form>
      )}
      <div style={{ marginTop: 8 }}>
        <ActionError error={action.error} onReload={onReload} />
      </div>
    </Card>
  );
}

// ---------------------------------------------------------------- votes

export function VotesSection({ kase }: { kase: Kase }) {
  const t = useT();
  if (kase.votes.length === 0) return <Empty description={t('adm.vote.empty')} />;
  return (
    <Flex vertical gap={12}>
      {kase.votes.map((v) => (
        <Card
          key={v.id}
          size="small"
          title={`${t(`adm.vote.kind.${v.kind}`)} — ${showDate(v.meetingDate)}`}
          extra={<Tag color={v.thresholdMet ? 'green' : 'red'}>{v.thresholdMet ? t('adm.vote.met') : t('adm.vote.notMet')}</Tag>}
        >
          <Flex vertical gap={6}>
            {v.motion && <span>{t(`adm.motion.${v.motion}`)}</span>}
            <span>
              <strong>{t('adm.vote.count', { approve: v.approve, base: v.base, reject: v.reject })}</strong>
              {v.abstain ? `, ${v.abstain} ${t('adm.vote.abstain').toLowerCase()}` : ''}
            </span>
            {v.roll ? (
              <span>
                {t('adm.vote.baseLine', {
                  official: v.officialCount,
                  transferred: v.roll.filter((r) => r.standing === 'official' && r.temporarilyTransferredOut).length,
                  absentExempted: v.roll.filter((r) => r.standing === 'official' && !r.temporarilyTransferredOut && r.exempted && !r.attended).length,
                  base: v.base,
                  required: v.required ?? dash,
                })}
              </span>
            ) : (
              <span>
                {t('adm.vote.committeeSize')}: {v.committeeSize} · {t('adm.vote.required')}: {v.required ?? dash}
              </span>
            )}
            {v.roll && (
              <Flex wrap gap={4}>
                {v.roll.map((r) => (
                  <Tag
                    key={r.memberId}
                    color={r.standing === 'probationary' ? 'default' : r.temporarilyTransferredOut ? 'purple' : r.exempted && !r.attended ? 'gold' : r.attended ? 'blue' : 'default'}
                  >
                    {r.fullName}
                    {r.standing === 'probationary' && ` · ${t('adm.standing.probationary')}`}
                    {r.temporarilyTransferredOut && ` · ${t('adm.vote.transferred')}`}
                    {r.exempted && ` · ${t('adm.vote.exempted')}`}
                    {!r.attended && !r.temporarilyTransferredOut && ' · ✗'}
                  </Tag>
                ))}
              </Flex>
            )}
            {v.document && muted(`${t('adm.vote.docNumber')}: ${String(v.document.number ?? '')}`)}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

// ---------------------------------------------------------------- documents

export function DocumentsSection({ kase, canUpload }: { kase: Kase; canUpload: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const upload = useUploadDocument(kase.id);
  const [kind, setKind] = useState<string>('application');
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('adm.doc.generated')}>
        {kase.generated.length === 0 ? (
          muted(t('adm.doc.generatedEmpty'))
        ) : (
          <Flex gap={8} wrap>
            {kase.generated.map((g) => (
              <a key={g} href={`/api/admissions/${kase.id}/word/${g}`} download>
                <Button>{t(`adm.gen.${g}`)} (.docx)</Button>
              </a>
            ))}
          </Flex>
        )}
      </Card>
      <Card size="small" title={t('adm.tab.documents')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={kase.documents}
          locale={{ emptyText: t('adm.doc.empty') }}
          columns={[
            { title: t('adm.doc.kind'), dataIndex: 'kind', render: (k: string) => t(`adm.docKind.${k}`) },
            { title: t('adm.doc.step'), dataIndex: 'step', render: (s: string) => statusText(t, s) },
            {
              title: t('adm.doc.file'),
              dataIndex: 'fileName',
              render: (n: string, d) => (
                <a href={`/api/admissions/${kase.id}/documents/${d.id}`} download>
                  {n}
                </a>
              ),
            },
            { title: t('adm.doc.size'), dataIndex: 'size', width: 100, render: formatSize },
            { title: t('adm.doc.uploadedBy'), dataIndex: 'uploadedBy', render: (u: string | null, d) => `${u ?? dash} · ${showDate(d.uploadedAt)}` },
          ]}
        />
        {canUpload && (
          <Flex gap={8} align="center" wrap style={{ marginTop: 12 }}>
            <Select value={kind} onChange={setKind} style={{ width: 260 }} options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`adm.docKind.${k}`) }))} aria-label={t('adm.doc.kind')} />
            <Upload
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              showUploadList={false}
              beforeUpload={(file) => {
                upload.mutate({ file, step: kase.status, kind }, { onSuccess: () => void message.success(t('adm.doc.uploaded')) });
                return false;
              }}
            >
              <Button loading={upload.isPending}>{t('adm.doc.upload')}…</Button>
            </Upload>
            {muted(t('adm.doc.uploadHelp'))}
          </Flex>
        )}
        <div style={{ marginTop: 8 }}>
          <ActionError error={upload.error} />
        </div>
      </Card>
    </Flex>
  );
}

// ---------------------------------------------------------------- timeline

export function TimelineSection({ kase }: { kase: Kase }) {
  const t = useT();
  const items = [...kase.timeline].reverse().map((d) => ({
    key: d.id,
    color: d.actionType === 'overdue_marked' ? 'red' : d.toStatus === 'refused' || d.toStatus === 'struck_from_probation' ? 'gray' : 'green',
    content: (
      <Flex vertical gap={2}>
        <span>
          <strong>{showDate(d.effectiveOn)}</strong> — {t(`adm.action.${d.actionType}`)}
          {d.fromStatus !== d.toStatus && (
            <>
              {' '}
              {muted(`(${statusText(t, d.fromStatus)} → ${statusText(t, d.toStatus)})`)}
            </>
          )}
        </span>
        {muted(
          [t('adm.t.by', { who: d.actor ?? t('adm.t.system') }), d.dueAt && d.fromStatus !== d.toStatus ? t('adm.t.due', { date: showDate(d.dueAt) }) : null].filter(Boolean).join(' · '),
        )}
        {d.checks.filter((c) => !c.ok).length > 0 && <ViolationList violations={d.checks.filter((c) => !c.ok)} />}
      </Flex>
    ),
  }));
  return <Timeline items={items} />;
}
