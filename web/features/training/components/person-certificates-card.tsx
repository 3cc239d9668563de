import { Alert, Card, List, Skeleton, Tag, Typography } from 'antd';
import { errorText } from '../../../components/api-error.ts';
import { showDate, todayIso } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { usePersonCertificates } from '../queries/use-person-certificates.ts';

/** The training certificates on a person's record (candidate page; the member page may reuse it). */
export function PersonCertificatesCard({ personId, title }: { personId: number; title: string }) {
  const t = useT();
  const certs = usePersonCertificates(personId);
  const today = todayIso();
  const items = certs.data?.items ?? [];
  return (
    <Card title={title} size="small">
      {certs.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : certs.isError ? (
        <Alert type="error" showIcon title={errorText(t, certs.error)} />
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">{t('training.certificates.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          split
          dataSource={items}
          style={{ marginBlock: -8 }}
          renderItem={(c) => (
            <List.Item style={{ paddingInline: 0 }}>
              <div style={{ width: '100%' }}>
                <div>
                  <strong style={{ fontVariantNumeric: 'tabular-nums' }}>{c.number}</strong>
                  <Typography.Text> · {t(`training.kind.${c.courseKind}`)}</Typography.Text>
                  {c.validUntil !== null && c.validUntil < today && (
                    <Tag color="red" style={{ marginInlineStart: 8 }}>
                      {t('training.certificates.expired')}
                    </Tag>
                  )}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('training.certificates.issuedOn')} {showDate(c.issuedOn)} ·{' '}
                  {c.validUntil === null ? t('training.noExpiry') : `${t('training.certificates.validUntil')} ${showDate(c.validUntil)}`}
                  <br />
                  {c.institution}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
