import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from './iso-date.ts';
import { checkMemberRecordDates, decideMemberEvent, type MemberEventState, probationEndDate } from './member-status.ts';

const TODAY = '2026-06-15';
const probationary: MemberEventState = { status: 'probationary', organizationId: 7, ceremonyDate: '2025-03-20', lastEventDate: '2025-03-02' };
const official: MemberEventState = { ...probationary, status: 'official', lastEventDate: '2016-03-20' };

describe('decideMemberEvent', () => {
  it('recognizes a probationary member once probation has ended; the official date is the end of probation (R-REC-01, R-REC-06)', () => {
    expect(decideMemberEvent(probationary, { kind: 'recognized', eventDate: '2026-04-10' }, TODAY)).toEqual({
      ok: true,
      next: { status: 'official', organizationId: 7, officialDate: '2026-03-20' },
    });
  });

  it('refuses recognition before the 12 months of probation are over (R-REC-01)', () => {
    expect(decideMemberEvent(probationary, { kind: 'recognized', eventDate: '2026-03-19' }, TODAY)).toEqual({
      ok: false,
      code: 'RULE_VIOLATION',
      params: { rule: 'R-REC-01', probationEnds: '2026-03-20' },
    });
  });

  it('refuses to recognize an official member (INVALID_STATUS_TRANSITION)', () => {
    const d = decideMemberEvent(official, { kind: 'recognized', eventDate: '2026-04-10' }, TODAY);
    expect(d).toMatchObject({ ok: false, code: 'INVALID_STATUS_TRANSITION', params: { from: 'official', kind: 'recognized' } });
  });

  it('refuses any event on a member who has left (MEMBER_NOT_ACTIVE)', () => {
    for (const status of ['struck_off', 'released', 'expelled', 'deceased', 'transferred_out'] as const) {
      for (const kind of ['recognized', 'moved', 'struck_off', 'deceased'] as const) {
        const d = decideMemberEvent({ ...official, status }, { kind, eventDate: '2026-04-10', organizationId: 9 }, TODAY);
        expect(d).toMatchObject({ ok: false, code: 'MEMBER_NOT_ACTIVE' });
      }
    }
  });

  it('moves a member to another cell, keeping the status', () => {
    expect(decideMemberEvent(official, { kind: 'moved', eventDate: '2026-04-10', organizationId: 9 }, TODAY)).toEqual({
      ok: true,
      next: { status: 'official', organizationId: 9 },
    });
    expect(decideMemberEvent(official, { kind: 'moved', eventDate: '2026-04-10' }, TODAY)).toMatchObject({ ok: false, field: 'organizationId', fieldCode: 'required' });
    expect(decideMemberEvent(official, { kind: 'moved', eventDate: '2026-04-10', organizationId: 7 }, TODAY)).toMatchObject({
      ok: false,
      fieldCode: 'same_organization',
    });
  });

  it('ends membership with the leaving events, dated on the event', () => {
    for (const kind of ['struck_off', 'released', 'expelled', 'deceased', 'transferred_out'] as const) {
      expect(decideMemberEvent(probationary, { kind, eventDate: '2026-05-01' }, TODAY)).toEqual({
        ok: true,
        next: { status: kind, organizationId: 7, leftDate: '2026-05-01' },
      });
    }
  });

  it('refuses events in the future or before the latest event of the timeline', () => {
    expect(decideMemberEvent(official, { kind: 'deceased', eventDate: '2026-06-16' }, TODAY)).toMatchObject({ ok: false, fieldCode: 'in_future' });
    expect(decideMemberEvent(official, { kind: 'deceased', eventDate: '2016-03-19' }, TODAY)).toMatchObject({ ok: false, fieldCode: 'before_last_event' });
  });

  it('never lets a member who left come back, whatever the event (property)', () => {
    const left = fc.constantFrom('struck_off', 'released', 'expelled', 'deceased', 'transferred_out' as const);
    const kind = fc.constantFrom('recognized', 'moved', 'struck_off', 'released', 'expelled', 'deceased', 'transferred_out' as const);
    fc.assert(
      fc.property(left, kind, fc.integer({ min: 1, max: 50 }), (status, k, org) => {
        const d = decideMemberEvent({ ...official, status }, { kind: k, eventDate: '2026-01-01', organizationId: org }, TODAY);
        return !d.ok && d.code === 'MEMBER_NOT_ACTIVE';
      }),
    );
  });

  it('probation ends 12 months after the ceremony, clamped at month ends', () => {
    expect(probationEndDate('2024-02-29')).toBe('2025-02-28');
    expect(probationEndDate('2025-03-20')).toBe(addMonths('2025-03-20', 12));
  });
});

describe('checkMemberRecordDates', () => {
  const ok = { status: 'official' as const, birthDate: '1990-05-01', admissionDecisionDate: '2015-03-02', ceremonyDate: '2015-03-20', officialDate: '2016-03-20' };

  it('accepts a coherent record', () => {
    expect(checkMemberRecordDates(ok, TODAY)).toEqual([]);
  });

  it('refuses an admission before 18 years 0 months, in calendar months (R-ADM-01)', () => {
    // Born in 08/2008: 18 from any day of 08/2026, never in 07/2026.
    const young = { ...ok, birthDate: '2008-08-31', admissionDecisionDate: '2026-07-31', ceremonyDate: null, officialDate: null, status: 'probationary' as const };
    expect(checkMemberRecordDates(young, '2026-12-31')).toEqual([
      { path: 'admissionDecisionDate', code: 'admission_age', params: { rule: 'R-ADM-01', months: 215, minMonths: 216 } },
    ]);
    expect(checkMemberRecordDates({ ...young, admissionDecisionDate: '2026-08-01' }, '2026-12-31')).toEqual([]);
  });

  it('reports every incoherence at once', () => {
    const bad = { status: 'probationary' as const, birthDate: '1990-05-01', admissionDecisionDate: '1989-01-01', ceremonyDate: '1988-01-01', officialDate: '1989-06-01' };
    expect(checkMemberRecordDates(bad, TODAY).map((i) => `${i.path}:${i.code}`)).toEqual([
      'admissionDecisionDate:before_birth',
      'ceremonyDate:before_admission_decision',
      'officialDate:not_allowed_for_probationary',
    ]);
  });

  it('refuses an official date before the ceremony, and dates in the future', () => {
    expect(checkMemberRecordDates({ ...ok, officialDate: '2015-03-19' }, TODAY)).toEqual([{ path: 'officialDate', code: 'before_ceremony' }]);
    expect(checkMemberRecordDates({ ...ok, ceremonyDate: '2026-07-01', officialDate: null }, TODAY)).toEqual([
      { path: 'ceremonyDate', code: 'in_future', params: { today: TODAY } },
    ]);
  });
});
