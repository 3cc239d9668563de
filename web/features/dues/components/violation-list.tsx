import { Alert } from 'antd';
import { ApiError } from '../../../api/http.ts';
import { errorText } from '../../../components/api-error.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { showMonth } from '../money.ts';

type T = (key: string, params?: Record<string, unknown>) => string;

interface Violation {
  ruleId: string;
  code: string;
  facts?: Record<string, unknown>;
}

/** The sentences of a RULE_VIOLATION refusal of the dues rules (R-DUE), each naming its rule; null for other errors. */
export function violationTexts(t: T, err: unknown): string[] | null {
  if (!(err instanceof ApiError) || err.code !== 'RULE_VIOLATION') return null;
  const list = (err.params.violations ?? []) as Violation[];
  return list.map((v) => {
    const facts = Object.fromEntries(Object.entries(v.facts ?? {}).map(([k, x]) => [k, typeof x === 'string' && /^\d{4}-\d{2}-01$/.test(x) ? showMonth(x.slice(0, 7)) : x]));
    const key = `dues.violation.${v.code}`;
    const text = t(key, facts);
    return `${v.ruleId}: ${text === key ? v.code : text}`;
  });
}

/** An error shown at the top of a form: rule violations listed one by one, anything else as one sentence. */
export function DuesErrorAlert({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const lines = violationTexts(t, error);
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={lines ? t('dues.violation.title') : errorText(t, error)}
      description={lines ? (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      ) : undefined}
    />
  );
}

/** One line for a toast: the first rule violation, or the error sentence. */
export function duesErrorText(t: T, err: unknown): string {
  return violationTexts(t, err)?.join(' ') ?? errorText(t, err);
}
