import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Progress, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef } from 'react';
import type { ScreeningRun } from '../../../../common/contracts/screening.contract.ts';
import { showDate } from '../../../components/dates.ts';
import { errorText, isApiError } from '../../../components/api-error.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { screeningKeys } from '../queries/keys.ts';
import { useScreeningRuns, useStartRun } from '../queries/use-screening-runs.ts';

const at = (iso: string | null) => (iso ? dayjs(iso).format('DD/MM/YYYY HH:mm') : '');

/** Runs a screening over the scope and year and shows its progress, polled from the run's record. */
export function RunPanel({ organizationId, year, canRun }: { organizationId: number; year: number; canRun: boolean }) {
  const t = useT();
  const qc = useQueryClient();
  const runs = useScreeningRuns(organizationId, year);
  const start = useStartRun();
  const last: ScreeningRun | undefined = runs.data?.items[0];
  const running = last?.status === 'running';
  const seen = useRef<string | null>(null);

  // When a run finishes (or a finished one is first seen), the flags, oversight and report are read again.
  const state = runs.data ? (last ? `${last.id}:${last.status}` : '') : null;
  useEffect(() => {
    if (state === null || state.endsWith(':running') || seen.current === state) return;
    const first = seen.current === null;
    seen.current = state;
    if (!first) {
      void qc.invalidateQueries({ queryKey: screeningKeys.flagLists() });
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'screening' && (q.queryKey[1] === 'oversight' || q.queryKey[1] === 'report') });
    }
  }, [state, qc]);

  const percent = last && last.membersTotal > 0 ? Math.min(100, Math.round((100 * last.membersDone) / last.membersTotal)) : running ? 0 : 100;
  return (
    <Card size="small">
      <Flex gap={16} align="center" wrap>
        <Button type="primary" size="large" disabled={!canRun || running} loading={start.isPending || running} onClick={() => start.mutate({ organizationId, year })}>
          {running ? t('screening.running') : t('screening.run')}
        </Button>
        <div style={{ flex: 1, minWidth: 280 }}>
          {last ? (
            <>
              {running ? (
                <Progress percent={percent} status="active" size="small" />
              ) : (
                <Progress percent={100} size="small" status={last.status === 'failed' ? 'exception' : 'success'} />
              )}
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {running
                  ? t('screening.run.progress', { done: last.membersDone.toLocaleString('vi'), total: last.membersTotal.toLocaleString('vi') })
                  : last.status === 'failed'
                    ? t('screening.run.failed', { code: last.errorCode ?? '' })
                    : t('screening.run.done', { at: at(last.finishedAt), found: last.flagsFound, new: last.flagsNew, unchanged: last.flagsUnchanged, decided: last.flagsAlreadyDecided })}
                {' · '}
                {t('screening.run.last', { at: at(last.startedAt), by: last.startedBy ?? t('screening.run.scheduled') })} · {t('screening.run.asOf', { date: showDate(last.asOf) })}
              </Typography.Text>
            </>
          ) : (
            <Typography.Text type="secondary">{t('screening.run.never', { year })}</Typography.Text>
          )}
        </div>
      </Flex>
      {start.isError && (
        <Alert
          type={isApiError(start.error, 'CONFLICT') ? 'warning' : 'error'}
          showIcon
          style={{ marginTop: 12 }}
          title={isApiError(start.error, 'CONFLICT') ? t('screening.run.conflict') : errorText(t, start.error)}
        />
      )}
    </Card>
  );
}
