import type { DeadlineItem, Deadlines, Quality } from '../../../common/contracts/admission.contract.ts';
import { ZAdmissionStatus } from '../../../common/contracts/admission.contract.ts';
import { DomainError } from '../../../common/errors.ts';
import { ADMISSION_STEPS, type AdmissionStatus } from '../../../common/rules/admission-workflow.ts';
import { isEthnicMinority } from '../../../common/rules/ethnicities.ts';
import { ageInFullYears, parseIsoDate, toEpochDay, todayInVietnam } from '../../../common/rules/iso-date.ts';
import type { RuleCheck } from '../../../common/rules/rule-check.ts';
import { addWorkingDays, workingDaysBetween } from '../../../common/rules/working-days.ts';
import type { Db } from '../../db/create-db.ts';
import { loadWorkingCalendar } from '../calendar/working-calendar.ts';
import { stateOf } from './admission.facts.ts';
import * as repo from './admission.repo.ts';
import type { Ctx } from './admission.service.ts';

// The deadlines page (issue 3 item 6) and the admission quality report Chỉ thị 28-CT/TW asks committees to watch
// (issue 3 item 9), for an organization's subtree within the actor's scope.

/** "Due soon" looks this many working days ahead (rules.md "Working days"). */
export const DUE_SOON_WORKING_DAYS = 10;

/** Youth, for the quality report: up to 30 full years on the decision date (Luật Thanh niên 2020 Art. 1). */
const YOUTH_MAX_AGE = 30;

async function organizationOf(db: Db, ctx: Ctx, organizationId?: number) {
  const org = await repo.findOrganizationInScope(db, ctx.actor, organizationId ?? ctx.actor.organizationId);
  if (!org) throw new DomainError('NOT_FOUND', {}, [{ path: 'organizationId', code: 'not_found' }]);
  return org;
}

const statusOf = (s: string): AdmissionStatus => ZAdmissionStatus.parse(s);

export async function getDeadlines(db: Db, ctx: Ctx, q: { organizationId?: number }): Promise<Deadlines> {
  const org = await organizationOf(db, ctx, q.organizationId);
  const today = todayInVietnam(ctx.now);
  const cal = await loadWorkingCalendar(db);
  const horizon = addWorkingDays(cal, today, DUE_SOON_WORKING_DAYS);
  const [cases, verifications] = await Promise.all([repo.listDueCases(db, org.path, horizon), repo.listPendingVerifications(db, org.path, horizon)]);
  const item = (o: Omit<DeadlineItem, 'workingDaysLeft' | 'isOverdue'>): DeadlineItem => ({
    ...o,
    workingDaysLeft: workingDaysBetween(cal, today, o.dueOn),
    isOverdue: o.dueOn < today,
  });
  const items: DeadlineItem[] = [];
  for (const c of cases) {
    const base = { caseId: c.id, fullName: c.full_name, cell: { id: c.cell_id, name: c.cell_name }, status: statusOf(c.status), subjectName: null, requestOrganization: null };
    if (c.due_at && c.due_at <= horizon) items.push(item({ ...base, kind: 'step', dueOn: c.due_at, overdueSince: c.overdue_since }));
    // R-ADM-13: the member's personal history within 30 working days of the ceremony.
    const due = JSON.parse(c.due_dates || '{}') as { personalHistoryDue?: string | null };
    if (c.member_history_completed_on === null && due.personalHistoryDue && due.personalHistoryDue <= horizon) {
      items.push(item({ ...base, kind: 'personal_history', dueOn: due.personalHistoryDue, overdueSince: null }));
    }
  }
  for (const v of verifications) {
    items.push(
      item({
        kind: 'verification_reply',
        caseId: v.case_id,
        fullName: v.full_name,
        cell: { id: v.cell_id, name: v.cell_name },
        status: statusOf(v.status),
        dueOn: v.reply_due_on,
        subjectName: v.subject_name,
        requestOrganization: v.request_organization,
        overdueSince: null,
      }),
    );
  }
  items.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.caseId - b.caseId));
  return {
    today,
    horizon,
    organization: { id: org.id, name: org.name },
    overdue: items.filter((i) => i.isOverdue),
    dueSoon: items.filter((i) => !i.isOverdue),
  };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The rule an outcome follows from, where one does (a vote not reaching 2/3). */
const END_REASON_RULE: Record<string, string | null> = {
  cell_vote_not_carried: 'R-ADM-09',
  grassroots_vote_not_carried: 'R-ADM-10',
  decision_refused: 'R-ADM-14',
  recognition_refused: 'R-REC-04',
  withdrawn: null,
  not_qualified: null,
};

const REMOVAL_LOOKBACK_YEARS = 5;

export async function getQuality(db: Db, ctx: Ctx, q: { organizationId?: number; year?: number }): Promise<Quality> {
  const org = await organizationOf(db, ctx, q.organizationId);
  const today = todayInVietnam(ctx.now);
  const year = q.year ?? parseIsoDate(today).y;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const inYear = (d: string | null) => d !== null && d >= from && d <= to;
  const cases = await repo.listCasesForQuality(db, org.path);
  const isOpen = (s: string) => !repo.TERMINAL.includes(s as never);

  const count = (pred: (c: (typeof cases)[number]) => boolean) => {
    const byStatus = new Map<string, number>();
    for (const c of cases) if (pred(c)) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
    return ADMISSION_STEPS.map((status) => ({ status, count: byStatus.get(status) ?? 0 }));
  };

  const admitted = cases.filter((c) => inYear(c.decision_date));
  const admissions = {
    total: admitted.length,
    youth: admitted.filter((c) => ageInFullYears(c.birth_date, c.decision_date!) <= YOUTH_MAX_AGE).length,
    women: admitted.filter((c) => c.gender === 'female').length,
    ethnicMinority: admitted.filter((c) => isEthnicMinority(c.ethnicity_code)).length,
    religious: admitted.filter((c) => c.religion_code !== 'none').length,
    nonStateEnterpriseWorkers: admitted.filter((c) => c.employer_kind === 'non_state_enterprise').length,
  };

  // Time in a step: from the act that entered it to the act that left it (business dates of the acts).
  const decisions = await repo.listDecisionsOfCases(
    db,
    cases.map((c) => c.id),
  );
  const spent = new Map<string, number[]>();
  let entered: { caseId: number; status: string; on: string } | null = null;
  for (const d of decisions) {
    if (d.action_type === 'opened') {
      entered = { caseId: d.case_id, status: d.to_status, on: d.effective_on };
      continue;
    }
    if (d.from_status === d.to_status || !entered || entered.caseId !== d.case_id) continue;
    if (entered.status === d.from_status && inYear(d.effective_on)) {
      const days = Math.max(0, toEpochDay(d.effective_on) - toEpochDay(entered.on));
      spent.set(d.from_status, [...(spent.get(d.from_status) ?? []), days]);
    }
    entered = { caseId: d.case_id, status: d.to_status, on: d.effective_on };
  }
  const timePerStep = ADMISSION_STEPS.filter((s) => spent.has(s)).map((status) => {
    const v = spent.get(status)!;
    return { status, cases: v.length, medianDays: median(v), maxDays: Math.max(...v) };
  });

  const refusedCounts = new Map<string, number>();
  for (const c of cases) {
    if ((c.status === 'refused' || c.status === 'struck_from_probation') && inYear(c.closed_on)) {
      const reason = stateOf(c).endReason ?? 'unknown';
      refusedCounts.set(reason, (refusedCounts.get(reason) ?? 0) + 1);
    }
  }

  const refusals = await repo.listRefusalsOfCases(
    db,
    cases.map((c) => c.id),
    from,
    to,
  );
  const byRule = new Map<string, { count: number; cases: Set<number> }>();
  for (const r of refusals) {
    let violations: RuleCheck[] = [];
    try {
      violations = JSON.parse(r.violations) as RuleCheck[];
    } catch {
      /* an unreadable row counts for nothing */
    }
    for (const ruleId of new Set(violations.map((v) => v.ruleId))) {
      const e = byRule.get(ruleId) ?? { count: 0, cases: new Set<number>() };
      e.count++;
      e.cases.add(r.case_id);
      byRule.set(ruleId, e);
    }
  }

  const firstYear = year - REMOVAL_LOOKBACK_YEARS + 1;
  const admittedMembers = await repo.listAdmittedMembers(db, org.path, `${firstYear}-01-01`, to);
  const laterRemoved = Array.from({ length: REMOVAL_LOOKBACK_YEARS }, (_, i) => {
    const y = firstYear + i;
    const ofYear = admittedMembers.filter((m) => m.event_date.startsWith(`${y}-`));
    return { year: y, admitted: ofYear.length, removed: ofYear.filter((m) => Number(m.removed) === 1).length };
  });

  return {
    year,
    organization: { id: org.id, name: org.name },
    pipeline: count((c) => isOpen(c.status)),
    admissions,
    timePerStep,
    overdue: count((c) => isOpen(c.status) && c.due_at !== null && c.due_at < today).filter((r) => r.count > 0),
    refusedCases: [...refusedCounts].map(([reason, n]) => ({ reason, ruleId: END_REASON_RULE[reason] ?? null, count: n })),
    refusalsByRule: [...byRule]
      .map(([ruleId, e]) => ({ ruleId, count: e.count, cases: e.cases.size }))
      .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)),
    laterRemoved,
  };
}
