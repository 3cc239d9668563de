import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { ApiError } from '../../../api/http.ts';
import { errorText, fieldText, isApiError } from '../../../components/api-error.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { checkText } from '../admission-labels.ts';

type Violation = { ruleId: string; code: string; facts: Record<string, unknown> };

/** The rule ids and plain words of a refused step. */
export function ViolationList({ violations }: { violations: Violation[] }) {
  const t = useT();
  return (
    <Flex vertical gap={4}>
      {violations.map((v, i) => (
        <div key={i}>
          <Tag color="red" style={{ fontFamily: 'monospace' }}>
            {v.ruleId}
          </Tag>
          {checkText(t, v)}
        </div>
      ))}
    </Flex>
  );
}

/** Why a step or a change was not done: a refusal names every failed rule; anything else its code and fields. */
export function ActionError({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const t = useT();
  if (!error) return null;
  if (isApiError(error, 'RULE_VIOLATION')) {
    const violations = (error.params.violations ?? []) as Violation[];
    const rules = [...new Set(violations.map((v) => v.ruleId))].join(', ');
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('adm.refused.title', { rules })}
        description={
          <Flex vertical gap={8}>
            <ViolationList violations={violations} />
            <Typography.Text type="secondary">{t('adm.refused.help')}</Typography.Text>
          </Flex>
        }
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorText(t, error)}
      description={
        error instanceof ApiError && error.fields.length ? (
          <Flex vertical>
            {error.fields.map((f) => (
              <span key={f.path}>
                <Typography.Text code>{f.path.replace(/^body\./, '')}</Typography.Text> {fieldText(t, f.code, f.params ?? {})}
              </span>
            ))}
          </Flex>
        ) : undefined
      }
      action={
        isApiError(error, 'CONFLICT') && onReload ? (
          <Button size="small" onClick={onReload}>
            {t('adm.reload')}
          </Button>
        ) : undefined
      }
    />
  );
}
