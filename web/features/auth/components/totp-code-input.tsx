import { Form, Input } from 'antd';
import { useT } from '../../../i18n/i18n.tsx';

/** Six digits, a space allowed in the middle ("123 456" as some apps show it). */
export const TOTP_CODE_PATTERN = /^\s*\d{3}\s?\d{3}\s*$/;

/**
 * The field for the code of the authenticator app: the phone's numeric keyboard and the browser's one-time-code
 * autofill; focused at once on the login's code step (not while enrolling, where a phone's keyboard would cover
 * the QR code and the secret).
 */
export function TotpCodeItem({ autoFocus = false }: { autoFocus?: boolean }) {
  const t = useT();
  return (
    <Form.Item
      name="code"
      label={t('totp.code')}
      extra={t('totp.codeHelp')}
      rules={[
        { required: true, message: t('totp.codeRequired') },
        { pattern: TOTP_CODE_PATTERN, message: t('totp.codeFormat') },
      ]}
    >
      <Input
        autoFocus={autoFocus}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={7}
        size="large"
        placeholder="000000"
        style={{ letterSpacing: 6, fontSize: 22, textAlign: 'center', fontVariantNumeric: 'tabular-nums' }}
      />
    </Form.Item>
  );
}
