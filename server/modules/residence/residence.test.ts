import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellResidence, MemberPartyLife, Registration, ResidenceOpinion } from '../../../common/contracts/party-life.contract.ts';
import { ENGINES } from '../../test/test-db.ts';
import { buildPartyLifeKit, type PartyLifeKit } from '../meetings/party-life-test-kit.ts';
import { residenceOpinions } from './residence.service.ts';

// R-MGT-07: working members register with the cell where they live; that cell gives a yearly opinion, visible on the
// member's record and read by grading and screening.

describe.each(ENGINES)('residence contact on %s', (engine) => {
  let k: PartyLifeKit;
  let secretaryA: string;
  let secretaryOther: string;
  let secretaryB: string;
  let front: string;

  beforeAll(async () => {
    k = await buildPartyLifeKit(engine);
    secretaryA = await k.as('cell_secretary', k.tree.cellA.id);
    secretaryB = await k.as('cell_secretary', k.tree.cellB.id);
    secretaryOther = await k.as('cell_secretary', k.tree.otherCell.id);
    front = await k.as('front_officer', k.tree.commune.id);
  });
  afterAll(async () => {
    await k?.close();
  });

  it('registers a member with a residence cell in the system, which gives the yearly opinion, visible on the record', async () => {
    const reg = await k.call<Registration>(secretaryA, 'POST', '/api/residence-registrations', {
      memberId: k.cellA[0].id,
      residenceOrganizationId: k.tree.otherCell.id,
      residenceAddress: 'Thôn Bon Đưng 1, xã Lạc Dương',
      registeredOn: '2024-03-01',
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    expect(reg.body).toMatchObject({ residenceOrganization: { id: k.tree.otherCell.id, name: 'Chi bộ Thôn Bon Đưng' }, residenceCellName: null, endedOn: null, opinions: [] });

    // The residence cell (another branch) sees the member among those living there, and gives the opinion.
    const there = await k.call<CellResidence>(secretaryOther, 'GET', `/api/organizations/${k.tree.otherCell.id}/residence`);
    expect(there.body.atThisCell.map((r) => [r.member.fullName, r.member.organization.name])).toEqual([['Nguyễn Văn An', 'Chi bộ Giáo viên']]);
    const before = await k.lastAuditId();
    const op = await k.call<ResidenceOpinion>(secretaryOther, 'POST', `/api/residence-registrations/${reg.body.id}/opinions`, {
      year: 2025,
      rating: 'good',
      comments: 'Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định nơi cư trú.',
      givenOn: '2025-12-10',
      givenBy: 'Bí thư Chi bộ Thôn Bon Đưng',
    });
    expect(op.status, JSON.stringify(op.body)).toBe(201);
    expect((await k.auditSince(before)).map((a) => a.action)).toEqual(['residence.opinion']);
    const dup = await k.call(secretaryA, 'POST', `/api/residence-registrations/${reg.body.id}/opinions`, { year: 2025, rating: 'average', givenOn: '2025-12-20', givenBy: 'x' });
    expect(dup.body.error.fields).toEqual([{ path: 'year', code: 'opinion_exists_for_year', params: { rule: 'R-MGT-07' } }]);
    const early = await k.call(secretaryA, 'POST', `/api/residence-registrations/${reg.body.id}/opinions`, { year: 2023, rating: 'good', givenOn: '2023-12-20', givenBy: 'x' });
    expect(early.body.error.fields[0]).toMatchObject({ path: 'year', code: 'outside_registration' });

    // Visible on the member's party life (for the member themself too) and to grading through residenceOpinions.
    const member = await k.as('member', k.tree.cellA.id, k.cellA[0].personId);
    const life = await k.call<MemberPartyLife>(member, 'GET', `/api/members/${k.cellA[0].id}/party-life`);
    expect(life.body.residence).toHaveLength(1);
    expect(life.body.residence[0].opinions.map((o) => [o.year, o.rating, o.givenBy])).toEqual([[2025, 'good', 'Bí thư Chi bộ Thôn Bon Đưng']]);
    expect((await residenceOpinions(k.t.db, k.cellA[0].id)).map((o) => [o.year, o.rating])).toEqual([[2025, 'good']]);

    // Correcting the opinion: compare-and-set.
    const fixed = await k.call<ResidenceOpinion>(secretaryOther, 'PUT', `/api/residence-opinions/${op.body.id}`, { year: 2025, rating: 'average', comments: null, givenOn: '2025-12-10', givenBy: 'Bí thư Chi bộ Thôn Bon Đưng', version: 1 });
    expect(fixed.body).toMatchObject({ rating: 'average', version: 2 });
    expect((await k.call(secretaryOther, 'PUT', `/api/residence-opinions/${op.body.id}`, { year: 2025, rating: 'low', givenOn: '2025-12-10', givenBy: 'x', version: 1 })).status).toBe(409);
  });

  it('registers with a cell outside the system by name, closes the previous registration, and lists the unregistered', async () => {
    const first = await k.call<Registration>(secretaryA, 'POST', '/api/residence-registrations', { memberId: k.cellA[1].id, residenceCellName: 'Chi bộ Tổ dân phố 5, phường Xuân Hương, Đà Lạt', registeredOn: '2023-01-10' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const moved = await k.call<Registration>(secretaryA, 'POST', '/api/residence-registrations', { memberId: k.cellA[1].id, residenceCellName: 'Chi bộ Tổ dân phố 2, phường Lâm Viên', registeredOn: '2026-02-01' });
    expect(moved.status).toBe(201);
    const view = await k.call<CellResidence>(secretaryA, 'GET', `/api/organizations/${k.tree.cellA.id}/residence`);
    const mine = view.body.ofMembers.filter((r) => r.member.id === k.cellA[1].id);
    expect(mine.map((r) => [r.residenceCellName, r.registeredOn, r.endedOn])).toEqual([
      ['Chi bộ Tổ dân phố 2, phường Lâm Viên', '2026-02-01', null],
      ['Chi bộ Tổ dân phố 5, phường Xuân Hương, Đà Lạt', '2023-01-10', '2026-01-31'],
    ]);
    expect(view.body.unregistered.map((m) => m.fullName)).toEqual(['Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em']);

    const neither = await k.call(secretaryA, 'POST', '/api/residence-registrations', { memberId: k.cellA[2].id, registeredOn: '2026-01-01' });
    expect(neither.body.error.fields).toEqual([{ path: 'residenceOrganizationId', code: 'residence_cell_required', params: { rule: 'R-MGT-07' } }]);
    const own = await k.call(secretaryA, 'POST', '/api/residence-registrations', { memberId: k.cellA[2].id, residenceOrganizationId: k.tree.cellA.id, registeredOn: '2026-01-01' });
    expect(own.body.error.fields).toEqual([{ path: 'residenceOrganizationId', code: 'same_as_member_cell', params: { rule: 'R-MGT-07' } }]);
  });

  it('keeps the registration to the two cells concerned: 404 elsewhere, 403 for the front officer', async () => {
    const reg = await k.call<Registration>(secretaryA, 'POST', '/api/residence-registrations', { memberId: k.cellA[3].id, residenceOrganizationId: k.tree.otherCell.id, registeredOn: '2025-05-01' });
    // Cell B's secretary is neither the member's cell nor the residence cell.
    expect((await k.call(secretaryB, 'POST', `/api/residence-registrations/${reg.body.id}/opinions`, { year: 2025, rating: 'good', givenOn: '2025-12-01', givenBy: 'x' })).status).toBe(404);
    expect((await k.call(secretaryB, 'POST', '/api/residence-registrations', { memberId: k.cellA[4].id, residenceCellName: 'x', registeredOn: '2025-01-01' })).status).toBe(404);
    expect((await k.call(secretaryOther, 'GET', `/api/organizations/${k.tree.cellA.id}/residence`)).status).toBe(404);
    // The residence cell gives opinions but does not edit the member's registration.
    const edit = await k.call(secretaryOther, 'PUT', `/api/residence-registrations/${reg.body.id}`, { residenceOrganizationId: k.tree.otherCell.id, registeredOn: '2025-05-01', endedOn: '2025-12-31', version: 1 });
    expect(edit.status).toBe(404);
    const ended = await k.call<Registration>(secretaryA, 'PUT', `/api/residence-registrations/${reg.body.id}`, { residenceOrganizationId: k.tree.otherCell.id, registeredOn: '2025-05-01', endedOn: '2025-12-31', version: 1 });
    expect(ended.body).toMatchObject({ endedOn: '2025-12-31', version: 2 });
    expect((await k.call(front, 'GET', `/api/organizations/${k.tree.cellA.id}/residence`)).status).toBe(403);
    expect((await k.call(front, 'POST', '/api/residence-registrations', { memberId: k.cellA[4].id, residenceCellName: 'x', registeredOn: '2025-01-01' })).status).toBe(403);
  });
});
