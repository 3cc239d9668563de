import type { Insertable, Kysely } from 'kysely';
import { DUES_RULE_SETS, REGIONAL_MINIMUM_WAGES, type DuesGroup } from '../../common/rules/dues-rule-sets.ts';
import { addYearMonths, type DuesProfile, type YearMonth } from '../../common/rules/dues.ts';
import { addDays, addMonths, parseIsoDate, toEpochDay, type IsoDate } from '../../common/rules/iso-date.ts';
import type { Db } from '../db/create-db.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/actor.ts';
import { appendAudit } from '../modules/audit/audit.repo.ts';
import { duesOfMonth, type DuesRules } from '../modules/dues/dues.ledger.ts';
import { confirmReceipt, issueTransfer, markOverdue } from '../modules/transfers/transfers.service.ts';
import { DEMO_REFERENCE_DATE } from './demo-plan.ts';
import { buildDemoTree } from './demo-tree.ts';
import { Rng } from './prng.ts';

// The demo's party life (issue 4): transfers, meetings and attendance, assignments, exemptions, residence contact
// and dues for the 24 months up to DEMO_REFERENCE_DATE, on a database already seeded by seedDemo. Deterministic (a
// fixed seed, no clock in the data), one transaction per section, plain multi-row INSERTs (SQLite and PostgreSQL).
// Transfers go through the transfers service (dated by a ctx.now on the letter's day) so their deadlines, member
// moves and events are exactly the module's; the bulk sections write the rows the services would write.

const SEED = 'dangvien-demo-activity-2026';
const BATCH = 500;
const REF = DEMO_REFERENCE_DATE;
/** The first month of the 24 months of party life. */
const FIRST_MONTH: YearMonth = '2024-12';
const LAST_MONTH: YearMonth = REF.slice(0, 7);

export interface ActivityReport {
  transfers: { internalCompleted: number; outgoingOverdue: number; temporaryInProgress: number };
  meetings: number;
  attendance: number;
  assignments: number;
  exemptions: number;
  residenceRegistrations: number;
  residenceOpinions: number;
  duesProfiles: number;
  duesPayments: number;
  duesBatches: number;
  duesRemittances: number;
  /** Members planted to be absent without reason in 3+ months of 2026 / unpaid 3+ months of 2026. */
  chronicAbsentees: number;
  chronicNonPayers: number;
  millis: Record<string, number>;
}

type Trx = Kysely<Database>;

async function insertBatches<T extends keyof Database & string>(trx: Trx, table: T, rows: Insertable<Database[T]>[]) {
  for (let i = 0; i < rows.length; i += BATCH) await trx.insertInto(table).values(rows.slice(i, i + BATCH) as never).execute();
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthsBetween = (from: YearMonth, to: YearMonth): YearMonth[] => {
  const out: YearMonth[] = [];
  let { y, m } = { y: Number(from.slice(0, 4)), m: Number(from.slice(5, 7)) };
  for (;;) {
    const ym = `${y}-${pad(m)}`;
    if (ym > to) return out;
    out.push(ym);
    m++;
    if (m > 12) { m = 1; y++; }
  }
};
/** The weekday (0 = Sunday) of a date. */
const weekday = (d: IsoDate) => (((toEpochDay(d) + 4) % 7) + 7) % 7;
/** d, or the next Monday when d falls on a weekend. */
const workday = (d: IsoDate) => (weekday(d) === 6 ? addDays(d, 2) : weekday(d) === 0 ? addDays(d, 1) : d);
const instant = (d: IsoDate, hour = 9) => `${d}T${pad(hour)}:00:00.000Z`;
const ageOn = (birth: IsoDate, on: IsoDate) => {
  const b = parseIsoDate(birth);
  const t = parseIsoDate(on);
  return t.y - b.y - (t.m < b.m || (t.m === b.m && t.d < b.d) ? 1 : 0);
};

interface Cell { id: number; code: string; name: string; parent_id: number | null; valid_from: string; valid_to: string | null; unit: string }
interface Member {
  id: number;
  person_id: number;
  status: string;
  organization_id: number;
  admission_decision_date: string | null;
  left_date: string | null;
  birth_date: string;
  occupation: string | null;
  full_name: string;
}
interface Move { member_id: number; event_date: string; from: number | null; to: number | null }

interface World {
  cells: Cell[];
  cellById: Map<number, Cell>;
  members: Member[];
  moves: Map<number, Move[]>;
  secretaryOf: Map<number, number>;
  officerUserId: number;
  officer: Actor;
}

async function loadWorld(db: Db): Promise<World> {
  const units = new Map(buildDemoTree().orgs.map((o) => [o.code, o.unit ?? 'village']));
  const orgs = await db.selectFrom('organizations').select(['id', 'code', 'name', 'kind', 'parent_id', 'valid_from', 'valid_to', 'path']).orderBy('id').execute();
  const cells = orgs
    .filter((o) => o.kind === 'cell' || o.kind === 'grassroots_cell')
    .filter((o) => o.valid_from <= REF && (o.valid_to === null || o.valid_to > `${FIRST_MONTH}-01`))
    .map((o) => ({ id: o.id, code: o.code, name: o.name, parent_id: o.parent_id, valid_from: o.valid_from, valid_to: o.valid_to, unit: units.get(o.code) ?? 'village' }));
  const members = await db
    .selectFrom('members')
    .innerJoin('persons', 'persons.id', 'members.person_id')
    .select([
      'members.id', 'members.person_id', 'members.status', 'members.organization_id', 'members.admission_decision_date', 'members.left_date',
      'persons.birth_date', 'persons.occupation', 'persons.full_name',
    ])
    .orderBy('members.id')
    .execute();
  const users = await db.selectFrom('users').select(['id', 'username', 'role', 'organization_id', 'person_id']).orderBy('id').execute();
  const officer = users.find((u) => u.username === 'tochuc') ?? users.find((u) => u.role === 'admin')!;
  const officerOrg = orgs.find((o) => o.id === officer.organization_id)!;
  const secretaryOf = new Map(users.filter((u) => u.role === 'cell_secretary').map((u) => [u.organization_id, u.id]));
  return {
    cells,
    cellById: new Map(cells.map((c) => [c.id, c])),
    members,
    moves: await loadMoves(db),
    secretaryOf,
    officerUserId: officer.id,
    officer: { userId: officer.id, username: officer.username, role: officer.role as Actor['role'], organizationId: officer.organization_id, orgPath: officerOrg.path, personId: officer.person_id, reach: 'subtree' },
  };
}

async function loadMoves(db: Db): Promise<Map<number, Move[]>> {
  const rows = await db
    .selectFrom('member_events')
    .select(['member_id', 'event_date', 'from_organization_id', 'to_organization_id'])
    .where('kind', 'in', ['moved', 'reorganized'])
    .orderBy('event_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const out = new Map<number, Move[]>();
  for (const r of rows) {
    const list = out.get(r.member_id) ?? [];
    list.push({ member_id: r.member_id, event_date: r.event_date, from: r.from_organization_id, to: r.to_organization_id });
    out.set(r.member_id, list);
  }
  return out;
}

/** The member's cell on `d` (the current one, walked back through moves), or null when not a member of a cell then. */
function cellOn(w: World, m: Member, d: IsoDate): number | null {
  if (m.admission_decision_date === null || m.admission_decision_date > d) return null;
  if (m.left_date !== null && m.left_date <= d) return null;
  let org: number | null = m.organization_id;
  for (const mv of w.moves.get(m.id) ?? []) if (d < mv.event_date) org = mv.from;
  return org;
}

const isActive = (m: Member) => m.status === 'official' || m.status === 'probationary';
const isRetired = (m: Member) => m.occupation === 'Hưu trí';
const isStudent = (m: Member) => (m.occupation ?? '').toLowerCase().includes('sinh viên') || (m.occupation ?? '').toLowerCase().includes('học sinh');

// ───────────────────────────────────────────────────────────────────────────── section 3: transfers

async function seedTransfers(db: Db, w: World, rng: Rng): Promise<ActivityReport['transfers']> {
  const report = { internalCompleted: 0, outgoingOverdue: 0, temporaryInProgress: 0 };
  const current = w.cells.filter((c) => c.valid_to === null);
  const used = new Set<number>();
  // Ordinary members of a current cell that have been in it since before the window, never moved.
  const pool = w.members.filter((m) => m.status === 'official' && !w.moves.has(m.id) && !w.secretaryOf.has(m.organization_id) && ageOn(m.birth_date, REF) < 58 && w.cellById.get(m.organization_id)?.valid_to === null);
  const take = () => {
    for (;;) {
      const m = rng.pick(pool);
      if (!used.has(m.id)) {
        used.add(m.id);
        return m;
      }
    }
  };
  const ctxOn = (d: IsoDate) => ({ requestId: 'demo-activity', actor: w.officer, now: new Date(`${d}T08:00:00.000Z`) });
  let seq = 0;
  const letter = (d: IsoDate) => `${++seq + 40}-GGT/ĐU (${d.slice(0, 4)})`;
  const signer = { signerName: 'Nguyễn Văn Hùng', signerTitle: 'Phó Bí thư Đảng ủy' };

  // Completed internal official transfers (member moved; the service writes the 'moved' member_event).
  const internalDates: IsoDate[] = ['2025-03-10', '2025-09-15', '2025-11-03', '2026-02-23', '2026-05-11', '2026-08-17'];
  for (const issuedOn of internalDates) {
    const m = take();
    let to = rng.pick(current);
    while (to.id === m.organization_id) to = rng.pick(current);
    const t = await issueTransfer(db, ctxOn(issuedOn), {
      memberId: m.id, kind: 'official', direction: 'internal', toOrganizationId: to.id, outsideOrganizationName: null,
      trigger: rng.pick(['job_change', 'long_term_move'] as const), triggeredOn: addDays(issuedOn, -rng.int(10, 30)),
      temporaryPurpose: null, temporaryFrom: null, temporaryTo: null, letterNumber: letter(issuedOn), issuedOn, ...signer, note: null,
    } as never);
    const receivedOn = workday(addDays(issuedOn, rng.int(5, 20)));
    await confirmReceipt(db, ctxOn(receivedOn), t.id, { receivedOn, receiptRef: `Sổ nhận ${rng.int(10, 99)}`, note: null, version: t.version });
    report.internalCompleted++;
  }

  // Outgoing letters never presented at the destination: overdue (marked by the sweep on the reference day).
  for (const [issuedOn, dest] of [['2026-07-06', 'Đảng ủy phường Phú Nhuận, TP. Hồ Chí Minh'], ['2026-09-14', 'Đảng ủy xã Hòa Phú, tỉnh Đắk Lắk']] as const) {
    const m = take();
    const t = await issueTransfer(db, ctxOn(issuedOn), {
      memberId: m.id, kind: 'official', direction: 'outgoing', toOrganizationId: null, outsideOrganizationName: dest,
      trigger: 'long_term_move', triggeredOn: addDays(issuedOn, -20), temporaryPurpose: null, temporaryFrom: null, temporaryTo: null,
      letterNumber: letter(issuedOn), issuedOn, ...signer, note: null,
    } as never);
    if (await markOverdue(db, ctxOn(REF), { id: t.id, version: t.version })) report.outgoingOverdue++;
  }

  // One temporary transfer in progress (work away from home for some months), received by the host cell.
  {
    const m = take();
    let to = rng.pick(current);
    while (to.id === m.organization_id) to = rng.pick(current);
    const issuedOn: IsoDate = '2026-08-24';
    const t = await issueTransfer(db, ctxOn(issuedOn), {
      memberId: m.id, kind: 'temporary', direction: 'internal', toOrganizationId: to.id, outsideOrganizationName: null, trigger: null, triggeredOn: null,
      temporaryPurpose: 'work', temporaryFrom: '2026-09-01', temporaryTo: '2027-02-28', letterNumber: letter(issuedOn), issuedOn, ...signer,
      note: 'Biệt phái công tác 6 tháng',
    } as never);
    await confirmReceipt(db, ctxOn('2026-08-31'), t.id, { receivedOn: '2026-08-31', receiptRef: 'Sổ nhận 17', note: null, version: t.version });
    report.temporaryInProgress++;
  }
  return report;
}

// ───────────────────────────────────────────────────────────────────────────── section 1: party life

const EXCUSES = ['Ốm, có đơn xin phép', 'Đi công tác', 'Việc gia đình, đã báo bí thư', 'Đi học tập trung', 'Trực cơ quan', 'Con ốm'];
const THEMES = [
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Nâng cao chất lượng sinh hoạt chi bộ',
  'Công tác phát triển đảng viên',
  'Phòng, chống suy thoái tư tưởng chính trị, "tự diễn biến", "tự chuyển hóa"',
  'Chuyển đổi số trong công tác đảng',
  'Giữ gìn bản sắc văn hóa dân tộc ở địa phương',
];
const TASKS = [
  'Phụ trách công tác dân vận khu dân cư',
  'Theo dõi, giúp đỡ quần chúng ưu tú',
  'Phụ trách công tác đoàn thanh niên',
  'Tham gia tổ hòa giải',
  'Phụ trách chuyên môn của tổ',
  'Tuyên truyền chủ trương, chính sách tại nơi cư trú',
  'Thu đảng phí và ghi sổ',
  'Phụ trách phong trào thi đua của đơn vị',
  'Tham gia ban thanh tra nhân dân',
];
const RESIDENCE_COMMENTS: Record<string, string[]> = {
  good: ['Gương mẫu, chấp hành tốt quy định nơi cư trú', 'Tích cực tham gia hoạt động khu dân cư', 'Gia đình văn hóa, quan hệ tốt với nhân dân'],
  average: ['Ít tham gia sinh hoạt khu dân cư', 'Chưa thường xuyên liên hệ với chi bộ nơi cư trú'],
  low: ['Không tham gia hoạt động khu dân cư, nhân dân có ý kiến', 'Chưa gương mẫu trong chấp hành quy định nơi cư trú'],
};

interface ExemptionFact { memberId: number; from: IsoDate; to: IsoDate | null }
interface TempFact { memberId: number; from: IsoDate; to: IsoDate; returnedOn: IsoDate | null }

async function seedPartyLife(db: Db, w: World, rng: Rng) {
  const at = instant(REF, 1);
  const out = { meetings: 0, attendance: 0, assignments: 0, exemptions: 0, residenceRegistrations: 0, residenceOpinions: 0, chronicAbsentees: 0 };
  const creatorOf = (cellId: number) => w.secretaryOf.get(cellId) ?? w.officerUserId;

  // Exemptions: some elderly members (70+) of the current cells, decided by the cell, the superior informed.
  const exemptions: Insertable<Database['exemptions']>[] = [];
  const exemptFacts: ExemptionFact[] = [];
  for (const m of w.members) {
    if (!isActive(m) || ageOn(m.birth_date, REF) < 70 || !rng.chance(0.45)) continue;
    const requestedOn = workday(rng.date('2024-06-01', '2026-08-31'));
    const decidedOn = workday(addDays(requestedOn, rng.int(5, 25)));
    const cell = cellOn(w, m, decidedOn) ?? m.organization_id;
    const informed = addDays(decidedOn, rng.int(2, 12));
    exemptions.push({
      member_id: m.id, organization_id: cell, reason: 'elderly_or_weak', note: rng.chance(0.5) ? 'Tuổi cao, sức khỏe yếu' : null,
      request_kind: rng.chance(0.7) ? 'written' : 'oral', requested_on: requestedOn, decided_on: decidedOn,
      decision_ref: `Biên bản họp chi bộ ngày ${decidedOn.slice(8, 10)}/${decidedOn.slice(5, 7)}/${decidedOn.slice(0, 4)}`,
      from_date: decidedOn, to_date: null, from_activities: 1, from_work: 1,
      superior_informed_on: informed <= REF ? informed : null,
      version: 1, created_by: creatorOf(cell), created_at: instant(decidedOn), updated_at: instant(decidedOn),
    });
    exemptFacts.push({ memberId: m.id, from: decidedOn, to: null });
  }
  const exemptOn = (id: number, d: IsoDate) => exemptFacts.some((e) => e.memberId === id && e.from <= d && (e.to === null || d <= e.to));
  const exemptIds = new Set(exemptFacts.map((e) => e.memberId));

  const temps: TempFact[] = (
    await db.selectFrom('transfers').select(['member_id', 'temporary_from', 'temporary_to', 'returned_on']).where('kind', '=', 'temporary').where('status', 'in', ['received', 'returned']).execute()
  ).map((t) => ({ memberId: t.member_id, from: t.temporary_from!, to: t.temporary_to!, returnedOn: t.returned_on }));
  const awayOn = (id: number, d: IsoDate) => temps.some((t) => t.memberId === id && t.from <= d && d < (t.returnedOn ?? addDays(t.to, 1)));

  // Members absent without reason from several regular meetings of 2026 (what screening R-RMV-01 looks for).
  const chronic = new Map<number, Set<string>>();
  const eligible = w.members.filter((m) => isActive(m) && !exemptIds.has(m.id) && (m.admission_decision_date ?? '9') < '2025-06-01' && !w.secretaryOf.has(m.organization_id));
  for (let i = 0; i < 14; i++) {
    const m = rng.pick(eligible);
    const months = new Set<string>();
    const n = rng.int(3, 5);
    while (months.size < n) months.add(`2026-${pad(rng.int(1, 10))}`);
    chronic.set(m.id, months);
  }
  out.chronicAbsentees = chronic.size;

  // Meetings: a regular one each month (a few months missed by some cells), a thematic one most quarters.
  const months = monthsBetween(FIRST_MONTH, LAST_MONTH);
  type PlannedMeeting = Insertable<Database['meetings']>;
  const meetings: PlannedMeeting[] = [];
  for (const cell of w.cells) {
    const regularDay = rng.int(3, 10);
    const missing = new Set<string>();
    if (rng.chance(0.18)) for (let k = rng.int(1, 3); k > 0; k--) missing.add(rng.pick(months.slice(0, -1)));
    for (const ym of months) {
      const lastDay = ym === LAST_MONTH ? REF : addDays(addMonths(`${ym}-01`, 1), -1);
      const inLife = (d: IsoDate) => d >= cell.valid_from && (cell.valid_to === null || d < cell.valid_to) && d <= REF;
      const regular = workday(`${ym}-${pad(regularDay)}`);
      if (!missing.has(ym) && inLife(regular) && regular <= lastDay) meetings.push(meetingRow(cell, 'regular', regular, null));
      const month = Number(ym.slice(5, 7));
      if (month % 3 === 2 && rng.chance(0.85)) {
        const thematic = workday(`${ym}-${pad(rng.int(15, 24))}`);
        if (inLife(thematic)) meetings.push(meetingRow(cell, 'thematic', thematic, rng.pick(THEMES)));
      }
    }
  }
  function meetingRow(cell: Cell, kind: 'regular' | 'thematic', date: IsoDate, topic: string | null): PlannedMeeting {
    const rec = instant(date, 11);
    return {
      organization_id: cell.id, kind, status: 'held', meeting_date: date, planned_on: date,
      topic: topic ?? `Sinh hoạt chi bộ thường kỳ tháng ${Number(date.slice(5, 7))}/${date.slice(0, 4)}`,
      chair: 'Bí thư chi bộ', minute_taker: 'Phó Bí thư chi bộ',
      minutes: kind === 'regular' ? 'Kiểm điểm việc thực hiện nghị quyết tháng trước; triển khai nhiệm vụ tháng tới.' : `Sinh hoạt chuyên đề: ${topic}`,
      resolutions: 'Chi bộ thống nhất nghị quyết tháng.', attendance_recorded_at: rec, version: 1,
      created_by: creatorOf(cell.id), created_at: rec, updated_at: rec,
    };
  }

  // Who is in each cell: members by their cell at each meeting date (moves honoured).
  const membersEver = w.members.filter((m) => m.admission_decision_date !== null && (m.left_date === null || m.left_date > `${FIRST_MONTH}-01`));

  await db.transaction().execute(async (trx) => {
    const ids = new Map<string, number>();
    for (let i = 0; i < meetings.length; i += BATCH) {
      const rows = await trx.insertInto('meetings').values(meetings.slice(i, i + BATCH)).returning(['id', 'organization_id', 'meeting_date', 'kind']).execute();
      for (const r of rows) ids.set(`${r.organization_id}|${r.meeting_date}|${r.kind}`, r.id);
    }
    out.meetings = meetings.length;
    const byCell = new Map<number, PlannedMeeting[]>();
    for (const m of meetings) byCell.set(m.organization_id, [...(byCell.get(m.organization_id) ?? []), m]);

    const attendance: Insertable<Database['attendance']>[] = [];
    for (const m of membersEver) {
      const absentMonths = chronic.get(m.id);
      for (const cellId of new Set([m.organization_id, ...(w.moves.get(m.id) ?? []).flatMap((mv) => [mv.from, mv.to])])) {
        if (cellId === null) continue;
        for (const mt of byCell.get(cellId) ?? []) {
          const d = mt.meeting_date;
          if (cellOn(w, m, d) !== cellId) continue;
          const exempt = exemptOn(m.id, d);
          const away = !exempt && awayOn(m.id, d);
          let status = 'present';
          let reason: string | null = null;
          if (exempt) [status, reason] = ['absent_with_reason', 'Được miễn sinh hoạt đảng'];
          else if (away) [status, reason] = ['absent_with_reason', 'Sinh hoạt tạm thời nơi khác'];
          else if (absentMonths?.has(d.slice(0, 7)) && mt.kind === 'regular') status = 'absent_without_reason';
          else {
            const x = rng.next();
            if (x < 0.06) [status, reason] = ['absent_with_reason', rng.pick(EXCUSES)];
            else if (x < 0.07) status = 'absent_without_reason';
          }
          attendance.push({
            meeting_id: ids.get(`${cellId}|${d}|${mt.kind}`)!, member_id: m.id, status, reason,
            expected: exempt || away ? 0 : 1, expectation: exempt ? 'exempted' : away ? 'temporary_transfer_out' : 'member',
            recorded_by: mt.created_by, recorded_at: mt.attendance_recorded_at!,
          });
        }
      }
    }
    await insertBatches(trx, 'attendance', attendance);
    out.attendance = attendance.length;

    await insertBatches(trx, 'exemptions', exemptions);
    out.exemptions = exemptions.length;

    // Work assignments: most active, non-exempted members; some without one (R-MGT-01 lists them).
    const assignments: Insertable<Database['assignments']>[] = [];
    for (const m of w.members) {
      if (!isActive(m) || exemptIds.has(m.id) || rng.chance(0.08)) continue;
      const from = [m.admission_decision_date ?? '2025-01-02', '2025-01-06'].sort()[1] as IsoDate;
      const cell = cellOn(w, m, from) ?? m.organization_id;
      const meetingId = ids.get(`${cell}|${from}|regular`) ?? null;
      assignments.push({
        member_id: m.id, organization_id: cell, description: rng.pick(TASKS), from_date: from, to_date: null, assigned_on: from, meeting_id: meetingId,
        version: 1, created_by: creatorOf(cell), created_at: instant(from), updated_at: instant(from),
      });
    }
    await insertBatches(trx, 'assignments', assignments);
    out.assignments = assignments.length;

    // Residence contact: working members of workplace cells, registered with a residential cell; yearly opinions.
    const villages = w.cells.filter((c) => c.valid_to === null && c.unit === 'village');
    const working = w.members.filter((m) => isActive(m) && !isRetired(m) && w.cellById.get(m.organization_id)?.unit !== 'village' && rng.chance(0.9));
    const regRows = working.map((m) => {
      const home = rng.pick(villages);
      const on = [m.admission_decision_date ?? '2024-01-02', rng.date('2023-06-01', '2025-03-31')].sort()[1];
      return {
        member_id: m.id, residence_organization_id: home.id, residence_cell_name: home.name, residence_address: `Tổ dân phố ${rng.int(1, 20)}`,
        registered_on: on, ended_on: null, version: 1, created_by: creatorOf(m.organization_id), created_at: instant(on), updated_at: instant(on),
      };
    });
    const regIds: number[] = [];
    for (let i = 0; i < regRows.length; i += BATCH) {
      const rows = await trx.insertInto('residence_registrations').values(regRows.slice(i, i + BATCH)).returning(['id', 'member_id']).execute();
      const byMember = new Map(rows.map((r) => [r.member_id, r.id]));
      for (const r of regRows.slice(i, i + BATCH)) regIds.push(byMember.get(r.member_id)!);
    }
    out.residenceRegistrations = regRows.length;
    const opinions: Insertable<Database['residence_opinions']>[] = [];
    regRows.forEach((r, i) => {
      for (const year of [2025, 2026]) {
        const givenOn = year === 2026 ? rng.date('2026-11-02', '2026-11-20') : rng.date('2025-11-03', '2025-12-19');
        if (r.registered_on > givenOn) continue;
        const rating = rng.weighted([['good', 88], ['average', 9], ['low', 3]] as const);
        opinions.push({
          registration_id: regIds[i], member_id: r.member_id, year, rating, comments: rng.pick(RESIDENCE_COMMENTS[rating]), given_on: givenOn,
          given_by: `Bí thư ${r.residence_cell_name}`, version: 1, created_by: w.officerUserId, created_at: instant(givenOn), updated_at: instant(givenOn),
        });
      }
    });
    await insertBatches(trx, 'residence_opinions', opinions);
    out.residenceOpinions = opinions.length;

    await appendAudit(trx, { requestId: 'demo-activity', actor: null, now: new Date(`${REF}T02:00:00.000Z`) }, {
      action: 'demo.seed_party_life', objectType: 'database', objectId: null,
      changedFields: ['meetings', 'attendance', 'exemptions', 'assignments', 'residence_registrations', 'residence_opinions'],
    });
  });
  void at;
  return out;
}

// ───────────────────────────────────────────────────────────────────────────── section 2: dues

function profileFor(m: Member, cell: Cell | undefined, rng: Rng): { group: DuesGroup; base: number | null; region: string | null; band: number | null; past: number } {
  const age = ageOn(m.birth_date, REF);
  const region = cell?.code.includes('DL') ? 'II' : 'III';
  if (isStudent(m)) return { group: 'student', base: null, region: null, band: 5_000, past: 0 };
  if (isRetired(m)) {
    if (cell?.unit === 'village' && rng.chance(0.4)) return { group: 'no_insurance_at_retirement', base: null, region, band: 10_000, past: 1 };
    return { group: 'pension', base: rng.int(35, 95) * 100_000, region: null, band: null, past: 0 };
  }
  if (cell?.unit === 'village' && !['Giáo viên', 'Công an viên', 'Trưởng thôn'].includes(m.occupation ?? '')) {
    return { group: age >= 60 ? 'no_insurance_at_retirement' : 'no_insurance_below_retirement', base: null, region, band: rng.pick([5_000, 10_000, 15_000]), past: age >= 60 ? 1 : 0 };
  }
  return { group: 'insured_salary', base: rng.int(48, 180) * 100_000, region: null, band: null, past: 0 };
}

async function seedDues(db: Db, w: World, rng: Rng) {
  const out = { duesProfiles: 0, duesPayments: 0, duesBatches: 0, duesRemittances: 0, chronicNonPayers: 0 };
  const rules: DuesRules = { ruleSets: DUES_RULE_SETS, wages: REGIONAL_MINIMUM_WAGES };
  const months = monthsBetween(FIRST_MONTH, LAST_MONTH);
  const creatorOf = (cellId: number) => w.secretaryOf.get(cellId) ?? w.officerUserId;
  const active = w.members.filter(isActive);

  const nonPayers = new Map<number, Set<string>>();
  for (let i = 0; i < 16; i++) {
    const m = rng.pick(active);
    const set = new Set<string>();
    const n = rng.int(3, 6);
    while (set.size < n) set.add(`2026-${pad(rng.int(1, 10))}`);
    nonPayers.set(m.id, set);
  }
  out.chronicNonPayers = nonPayers.size;

  const profiles: Insertable<Database['dues_profiles']>[] = [];
  // Payments grouped by (collecting cell, paid day): one collection batch each, as the collection screen records them.
  const lines = new Map<string, Omit<Insertable<Database['dues_payments']>, 'batch_id'>[]>();
  for (const m of active) {
    const admitted = (m.admission_decision_date ?? `${FIRST_MONTH}-01`).slice(0, 7);
    const startMonth = admitted > FIRST_MONTH ? admitted : FIRST_MONTH;
    const cell = w.cellById.get(m.organization_id);
    const p = profileFor(m, cell, rng);
    const validFrom = `${startMonth}-01`;
    profiles.push({
      member_id: m.id, dues_group: p.group, base_amount_vnd: p.base, region: p.region, on_sick_or_maternity_leave: 0, band_amount_vnd: p.band,
      past_working_age: p.past, valid_from: validFrom, valid_to: null, note: null, version: 1,
      created_by: creatorOf(m.organization_id), created_at: instant(validFrom < '2024-12-01' ? '2024-12-01' : validFrom), closed_by: null, closed_at: null,
    });
    const facts = {
      profiles: [{ validFrom, validTo: null, group: p.group, baseAmountVnd: p.base ?? undefined, region: (p.region ?? undefined) as never, onSickOrMaternityLeave: false, bandAmountVnd: p.band ?? undefined, pastWorkingAge: p.past === 1 } satisfies DuesProfile],
      exemptions: [], reductions: [],
      partyAge: m.admission_decision_date ? { admittedOn: m.admission_decision_date } : undefined,
    };
    const online = rng.chance(0.25);
    const advancer = rng.chance(0.04);
    const sloppy = rng.chance(0.08);
    const unpaid = nonPayers.get(m.id);
    let advanceUntil = '';
    for (const ym of months) {
      if (ym < startMonth || ym <= advanceUntil) continue;
      if (unpaid?.has(ym) || (sloppy && rng.chance(0.15)) || rng.chance(0.01)) continue;
      // Recent months: some still unpaid on the reference day.
      if (ym === LAST_MONTH && rng.chance(0.25)) continue;
      const first = `${ym}-01` as IsoDate;
      let paidOn = workday(addDays(first, rng.int(2, 15)));
      if (paidOn > REF) paidOn = REF;
      const forMonths = advancer && Number(ym.slice(5, 7)) % 3 === 1 ? months.filter((x) => x >= ym && x <= addYearMonths(ym, 2)) : [ym];
      advanceUntil = forMonths.at(-1)!;
      const cellId = cellOn(w, m, paidOn) ?? m.organization_id;
      for (const fm of forMonths) {
        const o = duesOfMonth(facts, fm, rules);
        if (o.kind !== 'due' || o.dues.amount <= 0) continue;
        const key = `${cellId}|${paidOn}`;
        const list = lines.get(key) ?? [];
        list.push({
          member_id: m.id, organization_id: cellId, for_month: fm, amount_vnd: o.dues.amount, paid_on: paidOn,
          method: online ? 'online' : 'cash_to_cell', reference: online ? `FT${paidOn.replaceAll('-', '')}${rng.digits(6)}` : null,
          expected_vnd: o.dues.amount, reverses_payment_id: null, note: fm > ym ? 'Đóng trước' : null, recorded_by: creatorOf(cellId),
        });
        lines.set(key, list);
      }
    }
  }

  await db.transaction().execute(async (trx) => {
    await insertBatches(trx, 'dues_profiles', profiles);
    out.duesProfiles = profiles.length;
    const keys = [...lines.keys()].sort();
    const batchRows = keys.map((k) => {
      const [cell, day] = k.split('|');
      return { idempotency_key: `demo-${cell}-${day}`, kind: 'collection', item_count: lines.get(k)!.length, recorded_by: creatorOf(Number(cell)), recorded_at: instant(day as IsoDate, 10) };
    });
    const batchIds = new Map<string, number>();
    for (let i = 0; i < batchRows.length; i += BATCH) {
      const rows = await trx.insertInto('dues_payment_batches').values(batchRows.slice(i, i + BATCH)).returning(['id', 'idempotency_key']).execute();
      for (const r of rows) batchIds.set(r.idempotency_key!, r.id);
    }
    out.duesBatches = batchRows.length;
    const payments = keys.flatMap((k) => {
      const [cell, day] = k.split('|');
      const batch = batchIds.get(`demo-${cell}-${day}`)!;
      return lines.get(k)!.map((l) => ({ ...l, batch_id: batch }));
    });
    await insertBatches(trx, 'dues_payments', payments);
    out.duesPayments = payments.length;

    // Remittances: each cell remits each month what it collected that month (by payment date) to the organization above.
    const collected = new Map<string, number>();
    for (const p of payments) {
      const key = `${p.organization_id}|${p.paid_on.slice(0, 7)}`;
      collected.set(key, (collected.get(key) ?? 0) + p.amount_vnd);
    }
    const remittances: Insertable<Database['dues_remittances']>[] = [];
    for (const [key, amount] of [...collected.entries()].sort()) {
      const [cellId, month] = key.split('|');
      const cell = w.cellById.get(Number(cellId));
      if (!cell?.parent_id || month >= LAST_MONTH || rng.chance(0.03)) continue;
      const remittedOn = workday(addDays(addMonths(`${month}-01`, 1), rng.int(2, 12)));
      if (remittedOn > REF) continue;
      const received = rng.chance(0.9) ? workday(addDays(remittedOn, rng.int(0, 5))) : null;
      remittances.push({
        organization_id: cell.id, to_organization_id: cell.parent_id, month, amount_vnd: amount, remitted_on: remittedOn,
        reference: `PC-${month.replace('-', '')}-${cellId}`, note: null,
        received_by: received && received <= REF ? 'Kế toán Đảng ủy' : null, received_on: received && received <= REF ? received : null,
        received_by_user: null, version: 1, created_by: creatorOf(cell.id), created_at: instant(remittedOn), updated_at: instant(remittedOn),
      });
    }
    await insertBatches(trx, 'dues_remittances', remittances);
    out.duesRemittances = remittances.length;
    await appendAudit(trx, { requestId: 'demo-activity', actor: null, now: new Date(`${REF}T02:10:00.000Z`) }, {
      action: 'demo.seed_dues', objectType: 'database', objectId: null, changedFields: ['dues_profiles', 'dues_payment_batches', 'dues_payments', 'dues_remittances'],
    });
  });
  return out;
}

// ───────────────────────────────────────────────────────────────────────────── entry point

/**
 * Adds the demo's party life to a database seeded by seedDemo. `now` is unused by the data (dated by the demo's
 * reference day) and kept for symmetry with seedDemo.
 */
export async function seedDemoActivity(db: Db, opts: { now: Date }): Promise<ActivityReport> {
  void opts;
  const millis: Record<string, number> = {};
  const timed = async <T>(name: string, f: () => Promise<T>) => {
    const t0 = performance.now();
    const r = await f();
    millis[name] = Math.round(performance.now() - t0);
    return r;
  };
  const rng = new Rng(SEED);
  // Transfers first: the party-life rows then follow the moves they made.
  let w = await loadWorld(db);
  const transfers = await timed('transfers', () => seedTransfers(db, w, new Rng(`${SEED}-transfers`)));
  w = await loadWorld(db);
  const life = await timed('partyLife', () => seedPartyLife(db, w, rng));
  const dues = await timed('dues', () => seedDues(db, w, new Rng(`${SEED}-dues`)));
  return { transfers, ...life, ...dues, millis };
}
