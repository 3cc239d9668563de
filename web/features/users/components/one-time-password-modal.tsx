import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useT } from '../../../i18n/i18n.tsx';

/**
 * The one time a generated password is ever shown: the server keeps only its hash. The administrator copies it
 * (or writes it down) and hands it to the account holder, who changes it after logging in.
 */
export function OneTimePasswordModal({ username, password, reason, onClose }: { username: string; password: string; reason: 'created' | 'reset'; onClose(): void }) {
  const t = useT();
  return (
    <Modal
      open
      title={t(reason === 'created' ? 'users.otp.titleCreated' : 'users.otp.titleReset')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('users.otp.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('users.otp.once')} style={{ marginBottom: 16 }} />
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 150 } }}>
        <Descriptions.Item label={t('users.username')}>
          <Typography.Text code copyable={{ tooltips: [t('users.otp.copy'), t('users.otp.copied')] }}>
            {username}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('users.password')}>
          <Typography.Text
            code
            strong
            style={{ fontSize: 18, letterSpacing: 1 }}
            copyable={{ text: password, tooltips: [t('users.otp.copy'), t('users.otp.copied')] }}
          >
            {password}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('users.otp.advice')}
      </Typography.Paragraph>
    </Modal>
  );
}
