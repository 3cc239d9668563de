import { Button, Spin } from 'antd';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/http.ts';
import { isApiError } from '../../components/api-error.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useMe } from '../auth/queries/use-me.ts';
import { currentMonth, groupDigits, showMonth } from './money.ts';
import { useCollectionSheet } from './queries/use-collection-sheet.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

// A4 portrait, black on white, the serif of official paperwork (a system font: no web fonts are loaded).
const PAGE_CSS = `
@page { size: A4 portrait; margin: 15mm 12mm 15mm 18mm; }
@media print { .no-print { display: none !important; } body { background: #fff !important; } .sheet { box-shadow: none !important; margin: 0 !important; } }
body { background: #f0f0f0; }
.sheet { font-family: 'Times New Roman', Times, 'Liberation Serif', serif; color: #000; background: #fff; width: 210mm; min-height: 297mm;
  margin: 16px auto; padding: 15mm 12mm 15mm 18mm; box-sizing: border-box; box-shadow: 0 2px 12px rgba(0,0,0,.15); font-size: 13pt; }
.sheet table.list { width: 100%; border-collapse: collapse; margin-top: 10pt; }
.sheet table.list th, .sheet table.list td { border: 1px solid #000; padding: 4pt 5pt; vertical-align: middle; }
.sheet table.list th { font-weight: bold; text-align: center; font-size: 12pt; }
.sheet td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.sheet td.c { text-align: center; }
.sheet tr.row td { height: 22pt; }
.sheet .head { display: flex; justify-content: space-between; text-align: center; font-size: 12pt; line-height: 1.35; }
.sheet .head > div { width: 50%; }
.sheet h1 { font-size: 15pt; text-align: center; margin: 18pt 0 2pt; }
.sheet .sub { text-align: center; font-style: italic; font-size: 11pt; }
.sheet .signs { display: flex; justify-content: space-between; text-align: center; margin-top: 16pt; }
.sheet .signs div { width: 45%; min-height: 70pt; }
`;

/** The cell's monthly collection sheet laid out for printing: name order, owed, paid, balance, and a signature column. */
export function CollectionPrintPage() {
  const t = useT();
  const me = useMe();
  const id = Number(useParams().organizationId);
  const [search] = useSearchParams();
  const raw = search.get('month');
  const month = raw && MONTH.test(raw) ? raw : currentMonth();
  const valid = Number.isInteger(id) && id > 0;
  const sheet = useCollectionSheet(valid ? id : 0, month);
  usePageTitle(sheet.data ? `${sheet.data.organization.name} · ${showMonth(month)}` : null);

  if (me.isError && isApiError(me.error, 'UNAUTHENTICATED')) return <Navigate to="/login" replace state={{ from: `/dues/organizations/${id}/print?month=${month}` }} />;
  if (!valid) return <PageError error={new ApiError(404, 'NOT_FOUND')} />;
  if (sheet.isPending || me.isPending) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
  if (sheet.isError) return <PageError error={sheet.error} />;
  const s = sheet.data;
  const money = (v: number | null) => (v === null ? '' : groupDigits(v));

  return (
    <>
      <style>{PAGE_CSS}</style>
      <div className="no-print" style={{ display: 'flex', gap: 8, justifyContent: 'center', padding: 12 }}>
        <Button type="primary" onClick={() => window.print()}>
          {t('dues.print.print')}
        </Button>
        <Button href={`/dues/organizations/${id}?tab=collection&month=${month}`}>{t('dues.print.back')}</Button>
      </div>
      <div className="sheet">
        <div className="head">
          <div>
            <div>{s.parent?.name.toUpperCase() ?? ''}</div>
            <div style={{ fontWeight: 'bold' }}>{s.organization.name.toUpperCase()}</div>
            <div>*</div>
          </div>
          <div>
            <div style={{ fontWeight: 'bold' }}>{t('dues.print.party')}</div>
            <div style={{ borderTop: '1px solid #000', width: '60%', margin: '2pt auto 0' }} />
          </div>
        </div>
        <h1>{t('dues.print.title', { month: showMonth(month) })}</h1>
        {s.ruleSetSource && <div className="sub">{t('dues.ruleSet', { source: s.ruleSetSource })}</div>}
        <table className="list">
          <thead>
            <tr>
              <th style={{ width: '7%' }}>{t('dues.col.no')}</th>
              <th>{t('dues.col.fullName')}</th>
              <th style={{ width: '14%' }}>{t('dues.col.expected')} (₫)</th>
              <th style={{ width: '14%' }}>{t('dues.col.paid')} (₫)</th>
              <th style={{ width: '14%' }}>{t('dues.col.balance')} (₫)</th>
              <th style={{ width: '16%' }}>{t('dues.col.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r, i) => (
              <tr key={r.memberId} className="row">
                <td className="c">{i + 1}</td>
                <td>
                  {r.fullName}
                  {r.exempt ? ` (${t('dues.exemptTag').toLowerCase()})` : r.reductionPercent ? ` (${t('dues.reducedTag', { percent: r.reductionPercent }).toLowerCase()})` : ''}
                </td>
                <td className="num">{r.expectedVnd === null ? '—' : money(r.expectedVnd)}</td>
                <td className="num">{r.paidVnd ? money(r.paidVnd) : ''}</td>
                <td className="num">{r.balanceVnd !== null && r.balanceVnd > 0 ? money(r.balanceVnd) : ''}</td>
                <td />
              </tr>
            ))}
            <tr>
              <td />
              <td style={{ fontWeight: 'bold' }}>
                {t('dues.print.total')} · {t('dues.print.paidInFull', { n: s.totals.paidInFull, total: s.totals.owing })}
              </td>
              <td className="num" style={{ fontWeight: 'bold' }}>
                {money(s.totals.expectedVnd)}
              </td>
              <td className="num" style={{ fontWeight: 'bold' }}>
                {money(s.totals.paidVnd)}
              </td>
              <td className="num" style={{ fontWeight: 'bold' }}>
                {money(s.totals.outstandingVnd)}
              </td>
              <td />
            </tr>
          </tbody>
        </table>
        <div className="signs">
          <div>
            <div style={{ fontWeight: 'bold' }}>{t('dues.print.collector')}</div>
            <div style={{ fontStyle: 'italic', fontSize: '11pt' }}>{t('dues.print.signHint')}</div>
          </div>
          <div>
            <div style={{ fontStyle: 'italic', fontSize: '11pt' }}>{t('dues.print.madeOn', { date: showDate(s.asOf) })}</div>
            <div style={{ fontWeight: 'bold' }}>{t('dues.print.committee')}</div>
            <div style={{ fontWeight: 'bold' }}>{t('dues.print.secretary')}</div>
          </div>
        </div>
      </div>
    </>
  );
}

