import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useNavigate } from 'react-router';
import { COURSE_KINDS, type ClassDetail, type CourseKind } from '../../../../common/contracts/training.contract.ts';
import { applyFieldErrors, errorText, isApiError } from '../../../components/api-error.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { OrganizationTreeSelect } from '../../members/components/organization-tree-select.tsx';
import { useCreateClass } from '../queries/use-create-class.ts';
import { useUpdateClass } from '../queries/use-update-class.ts';

interface Values {
  courseKind: CourseKind;
  name: string;
  organizationId?: number;
  institution: string;
  startDate: string;
  endDate: string;
  sessionCount: number;
}

/** Opens a class (no `klass`) or edits one (compare-and-set on its version). */
export function ClassFormModal({ open, klass, onClose, onConflict }: { open: boolean; klass?: ClassDetail; onClose: () => void; onConflict?: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateClass();
  const update = useUpdateClass(klass?.id ?? 0);
  const mutation = klass ? update : create;
  const required = { required: true, message: t('field.required') };

  const onOk = async () => {
    const v = await form.validateFields();
    const onError = (err: Error) => {
      applyFieldErrors(form, t, err);
      if (isApiError(err, 'CONFLICT')) onConflict?.();
    };
    const common = { name: v.name.trim(), institution: v.institution.trim(), startDate: v.startDate, endDate: v.endDate, sessionCount: v.sessionCount };
    if (klass) {
      update.mutate(
        { ...common, version: klass.version },
        {
          onSuccess: () => {
            void message.success(t('training.classSaved'));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { ...common, courseKind: v.courseKind, organizationId: v.organizationId! },
        {
          onSuccess: (k) => {
            void message.success(t('training.classCreated'));
            onClose();
            navigate(`/training/classes/${k.id}`);
          },
          onError,
        },
      );
    }
  };

  return (
    <Modal
      open={open}
      width={720}
      title={klass ? t('training.editClass') : t('training.newClass')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      afterOpenChange={(o) => (o ? mutation.reset() : undefined)}
    >
      {mutation.error && <Alert type="error" showIcon title={errorText(t, mutation.error)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          klass
            ? { ...klass, organizationId: klass.organization.id }
            : { courseKind: 'party_awareness', sessionCount: 10 }
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="courseKind" label={t('training.f.courseKind')} rules={[required]}>
              <Select disabled={!!klass} options={COURSE_KINDS.map((k) => ({ value: k, label: t(`training.kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="organizationId" label={t('training.f.organization')} rules={[required]}>
              <OrganizationTreeSelect disabled={!!klass} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="name" label={t('training.f.name')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
              <Input maxLength={200} autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="institution" label={t('training.f.institution')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
              <Input maxLength={200} placeholder={t('training.institutionPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item name="startDate" label={t('training.f.startDate')} rules={[required]}>
              <IsoDatePicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item
              name="endDate"
              label={t('training.f.endDate')}
              dependencies={['startDate']}
              rules={[
                required,
                ({ getFieldValue }) => ({
                  validator: (_, v?: string) => {
                    const start = getFieldValue('startDate') as string | undefined;
                    return v && start && v < start ? Promise.reject(new Error(t('field.END_BEFORE_START'))) : Promise.resolve();
                  },
                }),
              ]}
            >
              <IsoDatePicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="sessionCount" label={t('training.f.sessionCount')} rules={[required]}>
              <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
