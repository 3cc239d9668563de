import { Alert, App, Button, Card, Col, Flex, Form, Input, Radio, Row, Select, Skeleton, Space, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { MemberDetail, MemberStatus } from '../../../common/contracts/members.contract.ts';
import { checkMemberRecordDates } from '../../../common/rules/member-status.ts';
import { ApiError } from '../../api/http.ts';
import { applyFieldErrors, errorText, fieldText, isApiError, showParams } from '../../components/api-error.ts';
import { citizenIdRule } from '../../components/citizen-id-rule.ts';
import { showDate, todayIso } from '../../components/dates.ts';
import { IsoDatePicker } from '../../components/iso-date-picker.tsx';
import { PageError } from '../../components/page-error.tsx';
import { MemberStatusTag } from '../../components/status-tag.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { can } from '../auth/permissions.ts';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { OrganizationTreeSelect } from './components/organization-tree-select.tsx';
import { ethnicityOptions, parseId, religionOptions, viFilterOption } from './member-labels.ts';
import { useCreateMember } from './queries/use-create-member.ts';
import { useMember } from './queries/use-member.ts';
import { useUpdateMember } from './queries/use-update-member.ts';

type T = (key: string, params?: Record<string, unknown>) => string;

interface Values {
  fullName: string;
  birthName?: string | null;
  gender: 'male' | 'female';
  birthDate: string;
  birthplace?: string | null;
  hometown?: string | null;
  permanentAddress?: string | null;
  temporaryAddress?: string | null;
  ethnicityCode: string;
  religionCode: string;
  citizenId?: string | null;
  phone?: string | null;
  generalEducation?: string | null;
  professionalQualification?: string | null;
  politicalTheory?: string | null;
  occupation?: string | null;
  historyNumber?: string | null;
  cardNumber?: string | null;
  admissionDecisionDate: string;
  ceremonyDate?: string | null;
  officialDate?: string | null;
  posts?: { title: string; since?: string | null }[];
  organizationId?: number;
  status?: 'probationary' | 'official';
}

// The fields this form shows: a server issue on any other path is listed in the alert instead of beside a field.
const FORM_FIELDS = new Set([
  'fullName', 'birthName', 'gender', 'birthDate', 'birthplace', 'hometown', 'permanentAddress', 'temporaryAddress', 'ethnicityCode',
  'religionCode', 'citizenId', 'phone', 'generalEducation', 'professionalQualification', 'politicalTheory', 'occupation', 'historyNumber',
  'cardNumber', 'admissionDecisionDate', 'ceremonyDate', 'officialDate', 'posts', 'organizationId', 'status',
]);
const isFormField = (path: string) => FORM_FIELDS.has(path.replace(/^body\./, '').split('.')[0]);

const blank = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());

/** The body both endpoints share: empty optional texts become null, as the contract stores them. */
function personAndMemberBody(v: Values) {
  return {
    fullName: v.fullName.trim(),
    birthName: blank(v.birthName),
    gender: v.gender,
    birthDate: v.birthDate,
    birthplace: blank(v.birthplace),
    hometown: blank(v.hometown),
    permanentAddress: blank(v.permanentAddress),
    temporaryAddress: blank(v.temporaryAddress),
    ethnicityCode: v.ethnicityCode,
    religionCode: v.religionCode,
    citizenId: blank(v.citizenId),
    phone: blank(v.phone),
    generalEducation: blank(v.generalEducation),
    professionalQualification: blank(v.professionalQualification),
    politicalTheory: blank(v.politicalTheory),
    occupation: blank(v.occupation),
    historyNumber: blank(v.historyNumber),
    cardNumber: blank(v.cardNumber),
    admissionDecisionDate: v.admissionDecisionDate,
    ceremonyDate: v.ceremonyDate ?? null,
    officialDate: v.officialDate ?? null,
    posts: (v.posts ?? []).filter((p) => p && blank(p.title)).map((p) => ({ title: p.title.trim(), since: p.since ?? null })),
  };
}

function valuesOf(m: MemberDetail): Values {
  return { ...m.person, ...m, admissionDecisionDate: m.admissionDecisionDate ?? '', posts: m.posts } as unknown as Values;
}

export function MemberFormPage() {
  const me = useCurrentUser();
  const rawId = useParams().id;
  const isEdit = rawId !== undefined;
  const id = parseId(rawId);
  const member = useMember(isEdit ? id : null);

  if (isEdit ? !can.updateMember(me.role) : !can.createMember(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  if (!isEdit) return <MemberForm />;
  if (id === null) return <PageError error={new ApiError(404, 'NOT_FOUND')} />;
  if (member.isPending) return <Skeleton active paragraph={{ rows: 16 }} />;
  if (member.isError) return <PageError error={member.error} onRetry={() => void member.refetch()} />;
  // A new version (after a reload) remounts the form with the latest values.
  return <MemberForm key={member.data.version} member={member.data} onReload={() => member.refetch()} />;
}

function MemberForm({ member, onReload }: { member?: MemberDetail; onReload?: () => Promise<unknown> }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateMember();
  const update = useUpdateMember(member?.id ?? 0);
  const mutation = member ? update : create;
  const [reloading, setReloading] = useState(false);
  usePageTitle(member ? `${t('members.edit.title')}: ${member.person.fullName}` : t('members.new.title'));

  const onFinish = (v: Values) => {
    const body = personAndMemberBody(v);
    const onError = (err: Error) => {
      applyFieldErrors(form, t, err);
      if (isApiError(err, 'DUPLICATE_CITIZEN_ID')) form.setFields([{ name: 'citizenId', errors: [t('members.duplicate.title')] }]);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    };
    if (member) {
      update.mutate(
        { ...body, version: member.version },
        {
          onSuccess: (saved) => {
            void message.success(t('members.form.saved'));
            navigate(`/members/${saved.id}`, { replace: true });
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { ...body, organizationId: v.organizationId!, status: v.status ?? 'probationary' },
        {
          onSuccess: (saved) => {
            void message.success(t('members.form.created'));
            navigate(`/members/${saved.id}`, { replace: true });
          },
          onError,
        },
      );
    }
  };

  const reload = async () => {
    setReloading(true);
    try {
      await onReload?.();
      mutation.reset();
      void message.info(t('members.conflict.reloaded'));
    } finally {
      setReloading(false);
    }
  };

  const required: Rule = { required: true, message: t('field.required') };
  const err = mutation.error;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1180 }}>
      <div>
        <Link to={member ? `/members/${member.id}` : '/members'}>← {member ? member.person.fullName : t('members.backToList')}</Link>
        <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
          {member ? t('members.edit.title') : t('members.new.title')}
        </Typography.Title>
      </div>

      {err && <SaveError err={err} t={t} onReload={reload} reloading={reloading} />}

      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onFinishFailed={() => window.scrollTo({ top: 0, behavior: 'smooth' })}
        initialValues={member ? valuesOf(member) : { ethnicityCode: '01', religionCode: 'none', status: 'probationary', posts: [] }}
        disabled={mutation.isPending}
        scrollToFirstError
      >
        <Flex vertical gap={16}>
          {member ? (
            <Card title={t('members.form.placement')} size="small">
              <Space size={16} wrap>
                <span>
                  <Typography.Text type="secondary">{t('members.f.organization')}: </Typography.Text>
                  {member.organization.name}
                </span>
                <MemberStatusTag status={member.status} />
              </Space>
              <div>
                <Typography.Text type="secondary">{t('members.form.placementReadOnly')}</Typography.Text>
              </div>
            </Card>
          ) : (
            <Card title={t('members.form.placement')} size="small">
              <Row gutter={16}>
                <Col xs={24} md={14}>
                  <Form.Item name="organizationId" label={t('members.f.organization')} rules={[required]} extra={t('members.form.organizationHelp')}>
                    <OrganizationTreeSelect cellsOnly autoSelectSingle placeholder={t('members.form.cellPlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name="status" label={t('members.form.status')} rules={[required]} extra={t('members.form.statusHelp')}>
                    <Radio.Group
                      optionType="button"
                      options={[
                        { value: 'probationary', label: t('status.probationary') },
                        { value: 'official', label: t('status.official') },
                      ]}
                    />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          )}

          <Card title={t('members.section.personal')} size="small">
            <PersonFields t={t} />
          </Card>

          <Card title={t('members.section.party')} size="small">
            <MemberFields t={t} status={member?.status} />
          </Card>

          <Flex gap={8} justify="flex-end">
            <Button onClick={() => navigate(member ? `/members/${member.id}` : '/members')}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </Flex>
  );
}

function SaveError({ err, t, onReload, reloading }: { err: Error; t: T; onReload: () => void; reloading: boolean }) {
  if (isApiError(err, 'CONFLICT')) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('members.conflict.title')}
        description={errorText(t, err)}
        action={
          <Button type="primary" onClick={onReload} loading={reloading}>
            {t('members.conflict.reload')}
          </Button>
        }
      />
    );
  }
  if (isApiError(err, 'DUPLICATE_CITIZEN_ID')) {
    const existing = Number(err.params.memberId ?? err.params.existingMemberId);
    return (
      <Alert
        type="error"
        showIcon
        title={t('members.duplicate.title')}
        description={errorText(t, err)}
        action={
          Number.isInteger(existing) && existing > 0 ? (
            <Link to={`/members/${existing}`}>
              <Button>{t('members.duplicate.open')}</Button>
            </Link>
          ) : undefined
        }
      />
    );
  }
  if (isApiError(err, 'VALIDATION') && err.fields.length > 0) {
    const unplaced = err.fields.filter((f) => !isFormField(f.path));
    return (
      <Alert
        type="error"
        showIcon
        title={t('members.form.invalid')}
        description={unplaced.length ? unplaced.map((f) => fieldText(t, f.code, showParams(f.params))).join('; ') : undefined}
      />
    );
  }
  return <Alert type="error" showIcon title={errorText(t, err)} />;
}

const col = { xs: 24, md: 12, xl: 8 };

function PersonFields({ t }: { t: T }) {
  const required: Rule = { required: true, message: t('field.required') };
  return (
    <Row gutter={16}>
      <Col {...col}>
        <Form.Item name="fullName" label={t('members.f.fullName')} rules={[{ ...required, whitespace: true }, { max: 120 }]}>
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="birthName" label={t('members.f.birthName')} rules={[{ max: 120 }]}>
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={4}>
        <Form.Item name="gender" label={t('members.f.gender')} rules={[required]}>
          <Select
            placeholder={t('members.form.selectPlaceholder')}
            options={[
              { value: 'male', label: t('gender.male') },
              { value: 'female', label: t('gender.female') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={4}>
        <Form.Item name="birthDate" label={t('members.f.birthDate')} rules={[required, dateRule(t, 'birthDate')]}>
          <IsoDatePicker maxDate={todayIso()} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="birthplace" label={t('members.f.birthplace')} rules={[{ max: 300 }]}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="hometown" label={t('members.f.hometown')} rules={[{ max: 300 }]}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={4}>
        <Form.Item name="ethnicityCode" label={t('members.f.ethnicity')} rules={[required]}>
          <Select showSearch={{ filterOption: viFilterOption }} options={ethnicityOptions} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={4}>
        <Form.Item name="religionCode" label={t('members.f.religion')} rules={[required]}>
          <Select options={religionOptions(t)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="permanentAddress" label={t('members.f.permanentAddress')} rules={[{ max: 300 }]}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="temporaryAddress" label={t('members.f.temporaryAddress')} rules={[{ max: 300 }]}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name="citizenId"
          label={t('members.f.citizenId')}
          dependencies={['gender', 'birthDate']}
          rules={[citizenIdRule(t)]}
        >
          <Input inputMode="numeric" maxLength={12} autoComplete="off" style={{ fontVariantNumeric: 'tabular-nums' }} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="phone" label={t('members.f.phone')} rules={[{ pattern: /^(\+84|0)\d{9,10}$/, message: t('members.v.phone') }]}>
          <Input inputMode="tel" maxLength={14} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name="generalEducation"
          label={t('members.f.generalEducation')}
          extra={t('members.form.educationHelp')}
          rules={[{ pattern: /^\s*\d{1,2}\/(10|12)\s*$/, message: t('members.v.education') }]}
        >
          <Input maxLength={5} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="professionalQualification" label={t('members.f.professionalQualification')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="politicalTheory" label={t('members.f.politicalTheory')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="occupation" label={t('members.f.occupation')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
    </Row>
  );
}

type DatePath = 'birthDate' | 'admissionDecisionDate' | 'ceremonyDate' | 'officialDate';

/**
 * The server's own date coherence check (common/rules/member-status.ts: nothing in the future, admission after
 * birth and at 18 or older, ceremony after the decision, official date after the ceremony and never for a
 * probationary member), run on the form's values and reported on the field it concerns.
 */
function dateRule(t: T, path: DatePath, fixedStatus?: MemberStatus): Rule {
  return ({ getFieldValue }) => ({
    validator: (_, v?: string | null) => {
      if (!v) return Promise.resolve();
      const today = todayIso();
      const birthDate = getFieldValue('birthDate') as string | null | undefined;
      if (!birthDate) return v > today ? Promise.reject(new Error(fieldText(t, 'in_future', { today: showDate(today) }))) : Promise.resolve();
      const issues = checkMemberRecordDates(
        {
          status: fixedStatus ?? ((getFieldValue('status') as MemberStatus | undefined) ?? 'probationary'),
          birthDate,
          admissionDecisionDate: getFieldValue('admissionDecisionDate') ?? null,
          ceremonyDate: getFieldValue('ceremonyDate') ?? null,
          officialDate: getFieldValue('officialDate') ?? null,
        },
        today,
      );
      const issue = issues.find((i) => i.path === path);
      return issue ? Promise.reject(new Error(fieldText(t, issue.code, showParams(issue.params)))) : Promise.resolve();
    },
  });
}

function MemberFields({ t, status }: { t: T; status?: MemberStatus }) {
  const required: Rule = { required: true, message: t('field.required') };
  return (
    <Row gutter={16}>
      <Col {...col}>
        <Form.Item name="historyNumber" label={t('members.f.historyNumber')} rules={[{ max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name="cardNumber" label={t('members.f.cardNumber')} rules={[{ max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
      </Col>
      <Col {...col} />
      <Col {...col}>
        <Form.Item
          name="admissionDecisionDate"
          label={t('members.f.admissionDecisionDate')}
          dependencies={['birthDate']}
          rules={[required, dateRule(t, 'admissionDecisionDate', status)]}
        >
          <IsoDatePicker maxDate={todayIso()} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name="ceremonyDate"
          label={t('members.f.ceremonyDate')}
          dependencies={['admissionDecisionDate']}
          rules={[dateRule(t, 'ceremonyDate', status)]}
        >
          <IsoDatePicker maxDate={todayIso()} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name="officialDate"
          label={t('members.f.officialDate')}
          dependencies={['admissionDecisionDate', 'ceremonyDate', 'status']}
          rules={[dateRule(t, 'officialDate', status)]}
        >
          <IsoDatePicker maxDate={todayIso()} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
          {t('members.f.posts')}
        </Typography.Text>
        <Form.List name="posts">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0} style={{ marginTop: 8 }}>
              {fields.map(({ key, name }) => (
                <Row gutter={12} key={key} align="top">
                  <Col xs={24} md={12}>
                    <Form.Item name={[name, 'title']} rules={[{ ...required, whitespace: true }, { max: 120 }]} aria-label={t('members.f.postTitle')}>
                      <Input maxLength={120} placeholder={t('members.f.postTitle')} />
                    </Form.Item>
                  </Col>
                  <Col xs={16} md={6}>
                    <Form.Item name={[name, 'since']} aria-label={t('members.f.postSince')}>
                      <IsoDatePicker placeholder={t('members.f.postSince')} maxDate={todayIso()} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={6}>
                    <Button danger type="text" onClick={() => remove(name)}>
                      {t('members.form.removePost')}
                    </Button>
                  </Col>
                </Row>
              ))}
              {fields.length < 20 && (
                <Button type="dashed" onClick={() => add({ title: '', since: null })} style={{ alignSelf: 'flex-start' }}>
                  + {t('members.form.addPost')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
      </Col>
    </Row>
  );
}
