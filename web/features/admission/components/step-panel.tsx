import { Alert, Button, Card, Checkbox, Col, Collapse, Flex, Form, Input, InputNumber, Modal, Radio, Row, Select, Table, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { AdmissionCaseDetail, Roll } from '../../../../common/contracts/admission.contract.ts';
import { computeVoteBase, requiredApprovals } from '../../../../common/rules/admission-vote.ts';
import { showDate, todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { OrganizationTreeSelect } from '../../members/components/organization-tree-select.tsx';
import { statusText } from '../admission-labels.ts';
import { useCaseAction } from '../queries/use-case-action.ts';
import { useRoll } from '../queries/use-roll.ts';
import { ActionError } from './action-error.tsx';
import { CertificatesList, FileForm, HelpersSection, IntroducersSection, OpinionsSection, RefusalsList, RelativesEditor, VerificationSection } from './case-sections.tsx';

type Kase = AdmissionCaseDetail;
interface Props {
  kase: Kase;
  onReload: () => void;
  canManage: boolean;
  canDecide: boolean;
}

const help = (text: string) => <Alert type="info" showIcon title={text} />;
/** A step another role records (the cell's, or a committee's). */
const waiting = (text: string) => <Alert type="warning" showIcon title={text} />;
const required = (t: (k: string) => string) => [{ required: true, message: t('field.required') }];

/** The form of the step the case waits on, with what that step needs beside it. */
export function StepPanel(props: Props) {
  const { kase, onReload, canManage, canDecide } = props;
  const t = useT();
  const s = kase.status;
  const fileEditable = canManage;
  /** A step of the file the cell keeps: what it needs (rules.md's help for the step), then "complete the step". */
  const fileStep = (content?: ReactNode) => (
    <>
      {help(t(`adm.step.${s}.help`))}
      {content}
      <CompleteStep {...props} />
    </>
  );
  /** A committee's decision, with the extension of its deadline beside it; others wait for it. */
  const committeeStep = (form: ReactNode, path: 'decision-extension' | 'recognition-extension') =>
    canDecide ? (
      <>
        {form}
        <ExtensionForm kase={kase} onReload={onReload} path={path} />
      </>
    ) : (
      waiting(t('adm.step.waitingCommittee'))
    );
  /** The probation file the recognition is judged on (R-REC): helpers, the dates, the opinions, the certificates. */
  const probationFile = (
    <>
      <HelpersSection kase={kase} onReload={onReload} editable={canManage} />
      <FileForm kase={kase} fields={['memberHistoryCompletedOn', 'selfReviewOn', 'helperAssessmentOn']} onReload={onReload} disabled={!canManage} />
      <OpinionsSection kase={kase} phase="recognition" onReload={onReload} editable={canManage} />
      <CertificatesList kase={kase} />
    </>
  );
  const body = (() => {
    switch (s) {
      case 'introduced':
        return fileStep();
      case 'training':
        return fileStep(<CertificatesList kase={kase} />);
      case 'application':
        return fileStep(<FileForm kase={kase} fields={['applicationDate']} onReload={onReload} disabled={!fileEditable} />);
      case 'history':
        return fileStep(
          <>
            <FileForm kase={kase} fields={['historyDate', 'educationLevel', 'isYouthUnionMember']} onReload={onReload} disabled={!fileEditable} />
            <RelativesEditor kase={kase} onReload={onReload} disabled={!fileEditable} />
          </>,
        );
      case 'verification':
        return fileStep(<VerificationSection kase={kase} onReload={onReload} editable={fileEditable} />);
      case 'introductions':
        return fileStep(<IntroducersSection kase={kase} onReload={onReload} editable={fileEditable} />);
      case 'opinions':
        return fileStep(<OpinionsSection kase={kase} phase="admission" onReload={onReload} editable={fileEditable} />);
      case 'cell_resolution':
        return canManage ? <CellVoteForm kase={kase} onReload={onReload} kind="admission" /> : waiting(t('adm.step.waitingCell'));
      case 'grassroots_resolution':
        return committeeStep(<CommitteeVoteForm kase={kase} onReload={onReload} />, 'decision-extension');
      case 'decision':
        return committeeStep(<DecisionForm kase={kase} onReload={onReload} kind="admission" />, 'decision-extension');
      case 'ceremony':
        return canManage ? <CeremonyForm kase={kase} onReload={onReload} /> : waiting(t('adm.step.waitingCell'));
      case 'probation':
        return (
          <>
            {help(t('adm.step.probation.help'))}
            {probationFile}
            {canManage && <EndProbation kase={kase} onReload={onReload} />}
          </>
        );
      case 'cell_recognition_vote':
        return (
          <>
            {probationFile}
            {canManage && <CellVoteForm kase={kase} onReload={onReload} kind="recognition" />}
          </>
        );
      case 'recognition_decision':
        return committeeStep(<DecisionForm kase={kase} onReload={onReload} kind="recognition" />, 'recognition-extension');
      default:
        return (
          <Alert
            type={s === 'official' ? 'success' : 'warning'}
            showIcon
            title={t('adm.step.terminal', { status: statusText(t, s) })}
            description={kase.endReason ? t(`adm.endReason.${kase.endReason}`) : undefined}
          />
        );
    }
  })();
  return (
    <Flex vertical gap={16}>
      {body}
      <RefusalsList kase={kase} />
    </Flex>
  );
}

function CompleteStep({ kase, onReload, canManage }: Props) {
  const t = useT();
  const action = useCaseAction(kase.id);
  if (!canManage) return null;
  return (
    <Flex vertical gap={8}>
      <ActionError error={action.error} onReload={onReload} />
      <Button
        type="primary"
        size="large"
        loading={action.isPending}
        style={{ alignSelf: 'flex-start' }}
        onClick={() => action.mutate({ path: 'steps/complete', body: { version: kase.version, step: kase.status } })}
      >
        ✓ {t('adm.step.complete', { step: statusText(t, kase.status) })}
      </Button>
    </Flex>
  );
}

function EndProbation({ kase, onReload }: { kase: Kase; onReload: () => void }) {
  const t = useT();
  const action = useCaseAction(kase.id);
  return (
    <Flex vertical gap={8}>
      <ActionError error={action.error} onReload={onReload} />
      <Button loading={action.isPending} style={{ alignSelf: 'flex-start' }} onClick={() => action.mutate({ path: 'end-probation', body: { version: kase.version } })}>
        {t('adm.p.end')}
      </Button>
    </Flex>
  );
}

/** A document reference and its signer: number, date; the issuer is the one recording. */
function DocumentFields({ withSigner = true }: { withSigner?: boolean }) {
  const t = useT();
  return (
    <Row gutter={12}>
      <Col xs={12} md={6}>
        <Form.Item name="docNumber" label={t('adm.vote.docNumber')}>
          <Input maxLength={60} placeholder="05-NQ/CB" />
        </Form.Item>
      </Col>
      {withSigner && (
        <>
          <Col xs={12} md={6}>
            <Form.Item name="signerTitle" label={t('adm.vote.signerTitle')}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="signerName" label={t('adm.vote.signerName')}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}

const docOf = (v: Record<string, unknown>, date: string, issuer: string) => (v.docNumber ? { number: String(v.docNumber), date, issuer } : null);
const signerOf = (v: Record<string, unknown>) => (v.signerName ? { title: String(v.signerTitle || 'Bí thư'), name: String(v.signerName) } : null);

type Mark = { present: boolean; away: boolean; exempt: boolean };

/** R-ADM-09 / R-REC-04: the cell's roll on the meeting date, ticked; the base is computed as the server will. */
function CellVoteForm({ kase, onReload, kind }: { kase: Kase; onReload: () => void; kind: 'admission' | 'recognition' }) {
  const t = useT();
  const action = useCaseAction(kase.id);
  const [form] = Form.useForm();
  const [date, setDate] = useState<string | null>(kase.today);
  const roll = useRoll(kase.id, date);
  const [marks, setMarks] = useState<Record<number, Mark>>({});
  useEffect(() => {
    const next: Record<number, Mark> = {};
    for (const m of roll.data?.items ?? []) next[m.memberId] = { present: !m.transferredOutOnRecord && !m.exemptedOnRecord, away: m.transferredOutOnRecord, exempt: m.exemptedOnRecord };
    setMarks(next);
  }, [roll.data]);
  const items: Roll['items'] = roll.data?.items ?? [];
  const entries = items.map((m) => ({
    personId: m.personId,
    standing: m.standing,
    temporarilyTransferredOut: marks[m.memberId]?.away ?? false,
    exempted: marks[m.memberId]?.exempt ?? false,
    attended: marks[m.memberId]?.present ?? false,
  }));
  const vb = useMemo(() => computeVoteBase(entries), [JSON.stringify(entries)]);
  const needed = vb.base > 0 ? requiredApprovals(vb.base, [2, 3]) : null;
  const set = (id: number, k: keyof Mark, v: boolean) => setMarks((m) => ({ ...m, [id]: { ...m[id], [k]: v } }));
  const onFinish = (v: Record<string, unknown>) => {
    const ids = (k: keyof Mark) => items.filter((m) => marks[m.memberId]?.[k]).map((m) => m.memberId);
    const body: Record<string, unknown> = {
      version: kase.version,
      meetingDate: date,
      presentMemberIds: ids('present'),
      temporarilyTransferredOutMemberIds: ids('away'),
      exemptedMemberIds: ids('exempt'),
      approve: v.approve,
      reject: v.reject,
      abstain: v.abstain ?? 0,
      document: docOf(v, date ?? kase.today, kase.cell.name),
      signer: signerOf(v),
    };
    if (kind === 'recognition') body.motion = v.motion;
    action.mutate({ path: kind === 'admission' ? 'cell-resolution' : 'recognition-vote', body });
  };
  return (
    <Card size="small" title={t(`adm.action.${kind === 'admission' ? 'cell_resolution' : 'cell_recognition_vote'}`)}>
      <Form form={form} layout="vertical" onFinish={onFinish} disabled={action.isPending} initialValues={{ approve: 0, reject: 0, abstain: 0, motion: 'recognize', signerTitle: 'Bí thư' }}>
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item label={t('adm.vote.meetingDate')} required>
              <IsoDatePicker value={date} onChange={setDate} maxDate={todayIso()} />
            </Form.Item>
          </Col>
          {kind === 'recognition' && (
            <Col xs={24} md={12}>
              <Form.Item name="motion" label={t('adm.vote.motion')}>
                <Radio.Group options={['recognize', 'propose_name_removal'].map((m) => ({ value: m, label: t(`adm.motion.${m}`) }))} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Typography.Text strong>{t('adm.vote.roll')}</Typography.Text>
        <Table
          size="small"
          rowKey="memberId"
          loading={roll.isFetching}
          pagination={false}
          dataSource={items}
          style={{ margin: '8px 0 12px' }}
          columns={[
            { title: t('adm.f.name'), dataIndex: 'fullName' },
            { title: '', dataIndex: 'standing', width: 120, render: (s: string) => <Tag color={s === 'official' ? 'green' : 'default'}>{t(`adm.standing.${s}`)}</Tag> },
            {
              title: t('adm.vote.present'),
              key: 'present',
              width: 90,
              render: (_, m) => <Checkbox aria-label={`${t('adm.vote.present')} ${m.fullName}`} checked={marks[m.memberId]?.present ?? false} onChange={(e) => set(m.memberId, 'present', e.target.checked)} />,
            },
            {
              title: t('adm.vote.transferred'),
              key: 'away',
              width: 170,
              render: (_, m) => (
                <Checkbox checked={marks[m.memberId]?.away ?? false} disabled={m.transferredOutOnRecord} onChange={(e) => set(m.memberId, 'away', e.target.checked)}>
                  {m.transferredOutOnRecord && <Typography.Text type="secondary">{t('adm.vote.onRecord')}</Typography.Text>}
                </Checkbox>
              ),
            },
            {
              title: t('adm.vote.exempted'),
              key: 'exempt',
              width: 150,
              render: (_, m) => (
                <Checkbox checked={marks[m.memberId]?.exempt ?? false} disabled={m.exemptedOnRecord} onChange={(e) => set(m.memberId, 'exempt', e.target.checked)}>
                  {m.exemptedOnRecord && <Typography.Text type="secondary">{t('adm.vote.onRecord')}</Typography.Text>}
                </Checkbox>
              ),
            },
          ]}
        />
        <Alert
          type={needed === null ? 'warning' : 'info'}
          title={t('adm.vote.baseLine', { official: vb.official, transferred: vb.temporarilyTransferredOut, absentExempted: vb.absentExempted, base: vb.base, required: needed ?? '—' })}
          style={{ marginBottom: 12 }}
        />
        <Row gutter={12}>
          {(['approve', 'reject', 'abstain'] as const).map((k) => (
            <Col xs={8} md={4} key={k}>
              <Form.Item name={k} label={t(`adm.vote.${k}`)} rules={k === 'abstain' ? undefined : required(t)}>
                <InputNumber min={0} max={10000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <DocumentFields />
        <Flex vertical gap={8}>
          <ActionError error={action.error} onReload={onReload} />
          <Button type="primary" size="large" htmlType="submit" loading={action.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('adm.submit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

/** R-ADM-10: the grassroots committee's resolution (2/3 of all its members). */
function CommitteeVoteForm({ kase, onReload }: { kase: Kase; onReload: () => void }) {
  const t = useT();
  const action = useCaseAction(kase.id);
  return (
    <Card size="small" title={t('adm.action.grassroots_resolution')}>
      <Form
        layout="vertical"
        disabled={action.isPending}
        initialValues={{ date: kase.today, approve: 0, reject: 0, abstain: 0 }}
        onFinish={(v) =>
          action.mutate({
            path: 'grassroots-resolution',
            body: { version: kase.version, date: v.date, committeeSize: v.committeeSize, approve: v.approve, reject: v.reject, abstain: v.abstain ?? 0, document: docOf(v, v.date, '') },
          })
        }
      >
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item name="date" label={t('adm.vote.date')} rules={required(t)}>
              <IsoDatePicker maxDate={todayIso()} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="committeeSize" label={t('adm.vote.committeeSize')} rules={required(t)}>
              <InputNumber min={1} max={200} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {(['approve', 'reject', 'abstain'] as const).map((k) => (
            <Col xs={8} md={4} key={k}>
              <Form.Item name={k} label={t(`adm.vote.${k}`)}>
                <InputNumber min={0} max={10000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <DocumentFields withSigner={false} />
        <Flex vertical gap={8}>
          <ActionError error={action.error} onReload={onReload} />
          <Button type="primary" size="large" htmlType="submit" loading={action.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('adm.submit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

/** R-ADM-14: the decision of the competent body (prefilled from the tree); admission or recognition. */
function DecisionForm({ kase, onReload, kind }: { kase: Kase; onReload: () => void; kind: 'admission' | 'recognition' }) {
  const t = useT();
  const action = useCaseAction(kase.id);
  const body = kind === 'admission' ? kase.competentBodies.admission : kase.competentBodies.recognition;
  const onFinish = (v: Record<string, unknown>) => {
    const date = String(v.date);
    const common = { version: kase.version, date, decidingOrganizationId: v.decidingOrganizationId, document: docOf(v, date, body?.name ?? ''), signer: signerOf(v) };
    if (kind === 'admission') {
      const vote = v.committeeSize ? { committeeSize: v.committeeSize, approve: v.committeeApprove ?? 0, reject: v.committeeReject ?? 0, abstain: 0 } : null;
      action.mutate({ path: 'decision', body: { ...common, admitted: v.outcome === 'yes', receivedOn: v.outcome === 'yes' ? v.receivedOn : null, committeeVote: vote } });
    } else {
      action.mutate({ path: 'recognition-decision', body: { ...common, recognized: v.outcome === 'yes' } });
    }
  };
  return (
    <Card size="small" title={t(`adm.action.${kind === 'admission' ? 'decision' : 'recognition_decision'}`)}>
      <Form layout="vertical" disabled={action.isPending} initialValues={{ date: kase.today, receivedOn: kase.today, decidingOrganizationId: body?.id, outcome: 'yes', signerTitle: 'Bí thư' }} onFinish={onFinish}>
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item name="date" label={t('adm.d.date')} rules={required(t)}>
              <IsoDatePicker maxDate={todayIso()} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="decidingOrganizationId" label={t('adm.d.decider')} rules={required(t)} extra={body ? `${t(kind === 'admission' ? 'adm.competentBody' : 'adm.competentBodyRecognition')}: ${body.name}` : undefined}>
              <OrganizationTreeSelect allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="outcome" label={t('adm.d.admitted')}>
              <Radio.Group
                options={[
                  { value: 'yes', label: t(kind === 'admission' ? 'adm.d.admit' : 'adm.d.recognize') },
                  { value: 'no', label: t(kind === 'admission' ? 'adm.d.notAdmit' : 'adm.d.notRecognize') },
                ]}
              />
            </Form.Item>
          </Col>
          {kind === 'admission' && (
            <Col xs={24} md={6}>
              <Form.Item name="receivedOn" label={t('adm.d.receivedOn')}>
                <IsoDatePicker maxDate={todayIso()} />
              </Form.Item>
            </Col>
          )}
        </Row>
        {kind === 'admission' && (
          <Collapse
            size="small"
            style={{ marginBottom: 12 }}
            items={[
              {
                key: 'vote',
                label: t('adm.d.committeeVote'),
                children: (
                  <Row gutter={12}>
                    <Col span={8}>
                      <Form.Item name="committeeSize" label={t('adm.vote.committeeSize')}>
                        <InputNumber min={1} max={200} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name="committeeApprove" label={t('adm.vote.approve')}>
                        <InputNumber min={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name="committeeReject" label={t('adm.vote.reject')}>
                        <InputNumber min={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  </Row>
                ),
              },
            ]}
          />
        )}
        <DocumentFields />
        <Flex vertical gap={8}>
          <ActionError error={action.error} onReload={onReload} />
          <Button type="primary" size="large" htmlType="submit" loading={action.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('adm.submit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

/** R-ADM-11 / R-REC-05: one extension of at most 30 working days, with who granted it. */
function ExtensionForm({ kase, onReload, path }: { kase: Kase; onReload: () => void; path: 'decision-extension' | 'recognition-extension' }) {
  const t = useT();
  const action = useCaseAction(kase.id);
  const granted = kase.extensions.filter((e) => e.kind === (path === 'decision-extension' ? 'decision' : 'recognition_decision'));
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'ext',
          label: `${t('adm.e.title')}${granted.length ? ` — ${granted.map((e) => `+${e.workingDays} (${showDate(e.grantedOn)}, ${e.grantedBy})`).join('; ')}` : ''}`,
          children: (
            <Form
              layout="vertical"
              disabled={action.isPending}
              initialValues={{ grantedOn: kase.today, workingDays: 30 }}
              onFinish={(v) => action.mutate({ path, body: { version: kase.version, workingDays: v.workingDays, grantedOn: v.grantedOn, grantedBy: v.grantedBy } })}
            >
              <Row gutter={12}>
                <Col xs={8} md={5}>
                  <Form.Item name="workingDays" label={t('adm.e.workingDays')} rules={required(t)}>
                    <InputNumber min={1} max={365} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={16} md={6}>
                  <Form.Item name="grantedOn" label={t('adm.e.grantedOn')} rules={required(t)}>
                    <IsoDatePicker maxDate={todayIso()} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={13}>
                  <Form.Item name="grantedBy" label={t('adm.e.grantedBy')} rules={required(t)}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
              </Row>
              <Flex vertical gap={8}>
                <ActionError error={action.error} onReload={onReload} />
                <Button htmlType="submit" loading={action.isPending} style={{ alignSelf: 'flex-start' }}>
                  {t('adm.e.submit')}
                </Button>
              </Flex>
            </Form>
          ),
        },
      ]}
    />
  );
}

/** R-ADM-12: the ceremony, within 30 working days of receiving the decision (later with the superior's approval). */
function CeremonyForm({ kase, onReload }: { kase: Kase; onReload: () => void }) {
  const t = useT();
  const action = useCaseAction(kase.id);
  return (
    <Card size="small" title={t('adm.action.ceremony')} extra={kase.dueAt && <Tag color={kase.isOverdue ? 'red' : 'blue'}>{t('adm.due', { date: showDate(kase.dueAt) })}</Tag>}>
      <Form
        layout="vertical"
        disabled={action.isPending}
        initialValues={{ date: kase.today }}
        onFinish={(v) =>
          action.mutate({
            path: 'ceremony',
            body: { version: kase.version, date: v.date, superiorApproval: v.approvalNumber ? { number: v.approvalNumber, date: v.approvalDate ?? v.date, issuer: v.approvalIssuer ?? '' } : null },
          })
        }
      >
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item name="date" label={t('adm.c.date')} rules={required(t)}>
              <IsoDatePicker maxDate={todayIso()} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary">{t('adm.c.approval')}</Typography.Text>
        <Row gutter={12} style={{ marginTop: 8 }}>
          <Col xs={8} md={5}>
            <Form.Item name="approvalNumber" label={t('adm.vote.docNumber')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={8} md={5}>
            <Form.Item name="approvalDate" label={t('adm.vote.docDate')}>
              <IsoDatePicker maxDate={todayIso()} />
            </Form.Item>
          </Col>
          <Col xs={8} md={8}>
            <Form.Item name="approvalIssuer" label={t('adm.d.decider')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Flex vertical gap={8}>
          <ActionError error={action.error} onReload={onReload} />
          <Button type="primary" size="large" htmlType="submit" loading={action.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('adm.submit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

/** Withdrawn or not qualified, before the admission decision. */
export function RefuseButton({ kase, onReload }: { kase: Kase; onReload: () => void }) {
  const t = useT();
  const action = useCaseAction(kase.id);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('adm.refuse')}
      </Button>
      <Modal
        open={open}
        title={t('adm.refuse.title')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('adm.submit')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={action.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ reason: 'withdrawn', date: kase.today }}
          onFinish={(v) => action.mutate({ path: 'refuse', body: { version: kase.version, ...v } }, { onSuccess: () => setOpen(false) })}
        >
          <Form.Item name="reason" label={t('adm.refuse.reason')}>
            <Select options={['withdrawn', 'not_qualified'].map((r) => ({ value: r, label: t(`adm.endReason.${r}`) }))} />
          </Form.Item>
          <Form.Item name="date" label={t('adm.refuse.date')} rules={required(t)}>
            <IsoDatePicker maxDate={todayIso()} />
          </Form.Item>
          <Form.Item name="note" label={t('adm.refuse.note')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
        <ActionError error={action.error} onReload={onReload} />
      </Modal>
    </>
  );
}
