import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Col, Flex, Form, Input, Modal, Row, Select } from 'antd';
import { useNavigate } from 'react-router';
import { EMPLOYER_KINDS } from '../../../../common/contracts/admission.contract.ts';
import type { CandidateList } from '../../../../common/contracts/candidates.contract.ts';
import { api } from '../../../api/http.ts';
import { todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useOpenCase } from '../queries/use-open-case.ts';
import { ActionError } from './action-error.tsx';

/** Opens a case from a candidacy in progress (candidates module: introduced, in training or applied). */
export function OpenCaseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const openCase = useOpenCase();
  const candidates = useQuery({
    queryKey: ['candidates', 'list', { status: 'open', pageSize: 200, for: 'admission' }],
    queryFn: () => api.get<CandidateList>('/api/candidates', { status: 'open', pageSize: 200 }),
    enabled: open,
  });
  const options = (candidates.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.fullName} — ${c.organization.name}` }));
  const onFinish = (v: Record<string, unknown>) => {
    const names = ((v.massOrganizations as { name?: string }[] | undefined) ?? []).map((m) => m.name?.trim()).filter((n): n is string => Boolean(n));
    openCase.mutate(
      {
        candidateId: v.candidateId as number,
        openedOn: v.openedOn as string,
        employerKind: v.employerKind as (typeof EMPLOYER_KINDS)[number],
        isYouthUnionMember: Boolean(v.isYouthUnionMember),
        massOrganizations: names.map((name, i) => ({ key: `dt-${i + 1}`, name })),
        place: (v.place as string | undefined) || null,
      },
      {
        onSuccess: (d) => {
          onClose();
          navigate(`/admissions/${d.id}`);
        },
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('adm.open')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('adm.open')}
      cancelText={t('common.cancel')}
      confirmLoading={openCase.isPending}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={onFinish} initialValues={{ openedOn: todayIso(), employerKind: 'state_agency', massOrganizations: [{ name: 'Công đoàn cơ sở' }] }}>
        <Form.Item name="candidateId" label={t('adm.open.candidate')} rules={[{ required: true, message: t('field.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={candidates.isPending} options={options} notFoundContent={t('adm.open.noCandidates')} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="openedOn" label={t('adm.open.openedOn')} rules={[{ required: true, message: t('field.required') }]}>
              <IsoDatePicker maxDate={todayIso()} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="employerKind" label={t('adm.f.employerKind')}>
              <Select options={EMPLOYER_KINDS.map((k) => ({ value: k, label: t(`adm.employer.${k}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="isYouthUnionMember" valuePropName="checked">
          <Checkbox>{t('adm.f.isYouthUnionMember')}</Checkbox>
        </Form.Item>
        <Form.Item label={t('adm.f.massOrganizations')}>
          <Form.List name="massOrganizations">
            {(rows, { add, remove }) => (
              <Flex vertical gap={4}>
                {rows.map((row) => (
                  <Flex key={row.key} gap={8}>
                    <Form.Item name={[row.name, 'name']} noStyle>
                      <Input placeholder={t('adm.open.massName')} maxLength={200} />
                    </Form.Item>
                    <Button type="link" danger onClick={() => remove(row.name)}>
                      {t('adm.f.remove')}
                    </Button>
                  </Flex>
                ))}
                <Button onClick={() => add({ name: '' })} style={{ alignSelf: 'flex-start' }}>
                  + {t('adm.open.addMass')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="place" label={t('adm.f.place')}>
          <Input maxLength={80} />
        </Form.Item>
      </Form>
      <ActionError error={openCase.error} />
    </Modal>
  );
}
