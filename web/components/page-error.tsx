import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n.tsx';
import { errorText, isApiError } from './api-error.ts';

/** A page that could not be loaded: 404 and 403 say so plainly (out-of-scope records answer 404 by design). */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const status = isApiError(error, 'NOT_FOUND') ? '404' : isApiError(error, 'FORBIDDEN') ? '403' : 'error';
  return (
    <Result
      status={status}
      title={errorText(t, error)}
      extra={
        <>
          {status === 'error' && onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
          <Link to="/">
            <Button type="primary">{t('common.home')}</Button>
          </Link>
        </>
      }
    />
  );
}
