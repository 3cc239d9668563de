import type { Role } from '../../common/contracts/auth.contract.ts';
import type { MemberStatus } from '../../common/contracts/members.contract.ts';
import type { Authority, OrganizationKind } from '../../common/contracts/organizations.contract.ts';
import { CITIZEN_ID_PROVINCE_CODES, centuryGenderDigit } from '../../common/rules/citizen-id.ts';
import { addDays, addMonths, ageInFullYears, parseIsoDate, type IsoDate } from '../../common/rules/iso-date.ts';
import {
  BITHU1_CELL_CODE,
  BITHU2_CELL_CODE,
  DEMO_ACCOUNTS,
  PLANTED_MEMBERS,
} from './demo-accounts.ts';
import { buildDemoTree, type DemoTree, type OrgSpec, RECORDS_START, REORGANIZATION_DATE, versionOn } from './demo-tree.ts';
import {
  ETHNICITY,
  type EthnicityCode,
  type Gender,
  generateFullName,
  LAM_DONG_PLACES,
  pickBirthProvinceCode,
  pickGeneralEducation,
  pickOccupation,
  pickProfessionalQualification,
  pickReligion,
  type UnitKind,
} from './name-pools.ts';
import { Rng } from './prng.ts';

// The demo's people and their histories, generated from a fixed seed and a fixed reference date, so every
// run (and every engine) gets the same names, numbers and ids. Pure: no clock, no database.

/** "Today" of the demo data; the data never depends on the real clock. */
export const DEMO_REFERENCE_DATE: IsoDate = '2026-11-27';
/** created_at/updated_at of the seeded rows. */
export const DEMO_CREATED_AT = `${DEMO_REFERENCE_DATE}T00:00:00.000Z`;
const SEED = 'dangvien-demo-lam-dong-2026';

/** Active members wanted in all (the cell sizes of demo-tree.ts are scaled to it), and members who left over the years. */
const TARGET_ACTIVE = 1_715;
const LEFT_COUNT = 95;
/** Members still on probation (ceremony within the last 12 months). */
const PROBATIONARY_SHARE = 0.1; // of those young enough (≤ 45): about 5 % of all active members
/** Share of members who moved once between cells of the province. */
const MOVED_SHARE = 0.05;

export interface PlannedPerson {
  full_name: string;
  gender: Gender;
  birth_date: IsoDate;
  birthplace: string;
  hometown: string;
  permanent_address: string;
  temporary_address: string | null;
  ethnicity_code: EthnicityCode;
  religion_code: string;
  citizen_id: string;
  phone: string | null;
  general_education: string;
  professional_qualification: string | null;
  political_theory: string | null;
  occupation: string;
}

export interface PlannedEvent {
  kind: 'registered' | 'admitted' | 'recognized' | 'moved' | 'reorganized' | 'struck_off' | 'released' | 'deceased' | 'transferred_out';
  event_date: IsoDate;
  from_status: MemberStatus | null;
  to_status: MemberStatus | null;
  from_org: string | null;
  to_org: string | null;
  decision_ref: string | null;
  note: string | null;
}

export interface PlannedMember {
  person: PlannedPerson;
  status: MemberStatus;
  /** Code of the member's cell (the projection of the events). */
  org: string;
  history_number: string;
  card_number: string | null;
  admission_decision_date: IsoDate;
  ceremony_date: IsoDate;
  official_date: IsoDate | null;
  left_date: IsoDate | null;
  posts: { title: string; since: IsoDate | null }[];
  events: PlannedEvent[];
}

export interface PlannedUser {
  username: string;
  display_name: string;
  role: Role;
  org: string;
  /** Index into members (its person), or null. */
  member: number | null;
}

export interface DemoPlan {
  tree: DemoTree;
  members: PlannedMember[];
  users: PlannedUser[];
}

const isMemberHolding = (kind: OrganizationKind) => kind === 'cell' || kind === 'grassroots_cell';
const ORDER: Record<PlannedEvent['kind'], number> = {
  registered: 0, admitted: 0, moved: 1, reorganized: 1, recognized: 2, struck_off: 3, released: 3, deceased: 3, transferred_out: 3,
};

/** The whole demo, deterministic. */
export function buildDemoPlan(): DemoPlan {
  return new Planner().run();
}

class Planner {
  private rng = new Rng(SEED);
  private tree = buildDemoTree();
  private byCode = new Map(this.tree.orgs.map((o) => [o.code, o]));
  private citizenIds = new Set<string>();
  private cardNumbers = new Set<string>();
  private historySeq = 0;
  private decisionSeq = new Map<string, number>();
  private reserved = new Set<string>(Object.values(PLANTED_MEMBERS));
  private members: PlannedMember[] = [];

  run(): DemoPlan {
    const today = DEMO_REFERENCE_DATE;
    const current = this.tree.orgs.filter((o) => o.validTo === null && isMemberHolding(o.versions.at(-1)!.kind) && (o.size ?? 0) > 0);
    const total = current.reduce((s, o) => s + (o.size ?? 0), 0);
    const factor = TARGET_ACTIVE / total;

    for (const cell of current) {
      const n = Math.max(3, Math.round((cell.size ?? 0) * factor));
      const first = this.members.length;
      for (let i = 0; i < n; i++) this.members.push(this.activeMember(cell, today, plantedFor(cell.code, i)));
      this.assignCellPosts(cell, this.members.slice(first));
    }
    for (let i = 0; i < LEFT_COUNT; i++) this.members.push(this.leftMember(today));
    this.assignCommitteePosts();
    const users = this.users();
    return { tree: this.tree, members: this.members, users };
  }

  // ── people ───────────────────────────────────────────────────────────────────────────────────────

  private person(cell: OrgSpec, opts: { age: number; today: IsoDate; gender?: Gender; ethnicity?: EthnicityCode; fullName?: string; occupation?: string }): PlannedPerson {
    const rng = this.rng;
    const unit: UnitKind = cell.unit ?? 'village';
    const ethnicity = opts.ethnicity ?? rng.weighted(cell.mix ?? [[ETHNICITY.kinh, 1]]);
    const maleShare = unit === 'hospital' || unit === 'school' ? 0.35 : unit === 'village' ? 0.68 : 0.6;
    const gender = opts.gender ?? (rng.chance(maleShare) ? 'male' : 'female');
    const birthDate = addDays(addMonths(opts.today, -12 * opts.age), -rng.int(1, 364));
    const birthYear = parseIsoDate(birthDate).y;
    let fullName = opts.fullName ?? generateFullName(rng, ethnicity, gender, birthYear);
    while (!opts.fullName && this.reserved.has(fullName)) fullName = generateFullName(rng, ethnicity, gender, birthYear);
    const province = pickBirthProvinceCode(rng, ethnicity, birthYear);
    const provinceName = CITIZEN_ID_PROVINCE_CODES[province];
    const birthplace = province === '068' ? `${rng.pick(LAM_DONG_PLACES)}, Lâm Đồng` : provinceName;
    const hometown =
      ethnicity === ETHNICITY.kinh && province === '068' && rng.chance(0.6)
        ? rng.pick(['Nam Định', 'Thái Bình', 'Hà Tĩnh', 'Nghệ An', 'Thanh Hóa', 'Quảng Nam', 'Quảng Ngãi', 'Thừa Thiên Huế', 'Hà Nội'])
        : birthplace;
    const occupation = opts.occupation ?? pickOccupation(rng, unit, opts.age, gender);
    const qualification = pickProfessionalQualification(rng, occupation);
    return {
      full_name: fullName,
      gender,
      birth_date: birthDate,
      birthplace,
      hometown,
      permanent_address: this.address(cell),
      temporary_address: null,
      ethnicity_code: ethnicity,
      religion_code: pickReligion(rng, ethnicity),
      citizen_id: this.citizenId(province, birthYear, gender),
      phone: rng.chance(0.75) ? `0${rng.pick(['9', '3', '8', '7'])}${rng.digits(8)}` : null,
      general_education: pickGeneralEducation(rng, ethnicity, birthYear, occupation, qualification !== null),
      professional_qualification: qualification,
      political_theory: rng.weighted([[null, 55], ['Sơ cấp', 35], ['Trung cấp', 10]]),
      occupation,
    };
  }

  /** Thông tư 07/2016/TT-BCA: province of birth registration, century-and-gender digit, two birth-year digits, six serial digits. */
  private citizenId(province: string, birthYear: number, gender: Gender): string {
    const digit = centuryGenderDigit(birthYear, gender);
    for (;;) {
      const id = `${province}${digit}${String(birthYear % 100).padStart(2, '0')}${this.rng.digits(6)}`;
      if (!this.citizenIds.has(id)) {
        this.citizenIds.add(id);
        return id;
      }
    }
  }

  private cardNumber(): string {
    for (;;) {
      const card = `68${this.rng.digits(6)}`;
      if (!this.cardNumbers.has(card)) {
        this.cardNumbers.add(card);
        return card;
      }
    }
  }

  private address(cell: OrgSpec): string {
    const commune = this.communeOf(cell);
    const place = cell.place ?? this.rng.pick(this.placesIn(commune));
    return `${place}, ${commune ? labelOf(commune.versions.at(-1)!.name) : 'huyện Lạc Dương'}, tỉnh Lâm Đồng`;
  }

  /** The commune committee above a cell on its last version's tree. */
  private communeOf(org: OrgSpec): OrgSpec | null {
    let o: OrgSpec | undefined = org;
    while (o) {
      const v: OrgSpec['versions'][number] = o.versions.at(-1)!;
      if (v.kind === 'commune_committee') return o;
      o = v.parent ? this.byCode.get(v.parent) : undefined;
    }
    return null;
  }

  private placeCache = new Map<string, string[]>();
  private placesIn(commune: OrgSpec | null): string[] {
    const key = commune?.code ?? '';
    let places = this.placeCache.get(key);
    if (!places) {
      places = this.tree.orgs.filter((o) => o.place && (commune === null || this.communeOf(o) === commune)).map((o) => o.place!);
      if (places.length === 0) places = ['Tổ dân phố Đăng Gia Rít'];
      this.placeCache.set(key, places);
    }
    return places;
  }

  // ── members ──────────────────────────────────────────────────────────────────────────────────────

  private activeMember(cell: OrgSpec, today: IsoDate, planted: PlantedSpec | null): PlannedMember {
    const rng = this.rng;
    const unit = cell.unit ?? 'village';
    const age = planted?.age ?? pickAge(rng, unit);
    const person = this.person(cell, { age, today, ...planted });
    const birth = person.birth_date;
    const eighteen = addMonths(birth, 12 * 18);
    const sixty = addMonths(birth, 12 * 60);
    const recentFrom = addDays(addMonths(today, -12), 10);
    const recentTo = addDays(today, -45);
    // R-ADM-01: 18 to 60 on the admission; R-REC-01: 12 months of probation from the ceremony.
    // Most people are admitted young; a recent admission past 45 would be rare.
    const canBeRecent = !planted && eighteen <= recentTo && sixty >= recentFrom && age <= 45;
    const mustBeRecent = addMonths(eighteen, 14) > today;
    let admission: IsoDate;
    if (canBeRecent && (mustBeRecent || rng.chance(PROBATIONARY_SHARE))) {
      admission = rng.date(eighteen > recentFrom ? eighteen : recentFrom, recentTo);
    } else {
      const latest = addDays(addMonths(today, -13), -20);
      const atAge = rng.weighted([[[18, 22], 25], [[23, 30], 45], [[31, 40], 25], [[41, 55], 5]] as const);
      admission = addDays(addMonths(birth, 12 * rng.int(atAge[0], atAge[1])), rng.int(0, 360));
      if (admission < eighteen) admission = eighteen;
      if (admission > latest) admission = latest < eighteen ? eighteen : rng.date(eighteen, latest);
      if (admission > sixty) admission = rng.date(eighteen, sixty);
    }
    return this.member(cell, person, admission, today, null, planted !== null);
  }

  private leftMember(today: IsoDate): PlannedMember {
    const rng = this.rng;
    const status = rng.weighted<MemberStatus>([['deceased', 45], ['struck_off', 20], ['released', 15], ['transferred_out', 20]]);
    const left = rng.date('2016-03-01', addDays(today, -30));
    const cells = this.tree.orgs.filter((o) => {
      const v = versionOn(o, left);
      return v !== null && isMemberHolding(v.kind) && o.versions[0].from < addDays(left, -30);
    });
    const cell = rng.weighted(cells.map((c) => [c, c.size || 18] as const));
    const ageAtLeft = status === 'deceased' ? rng.int(58, 88) : rng.int(28, 58);
    const age = ageInFullYears(addMonths(left, -12 * ageAtLeft), today);
    const person = this.person(cell, { age, today });
    const birth = person.birth_date;
    const eighteen = addMonths(birth, 12 * 18);
    const latest = addMonths(left, -14);
    let admission = addDays(addMonths(birth, 12 * rng.int(19, 35)), rng.int(0, 360));
    if (admission > latest) admission = rng.date(eighteen, latest);
    return this.member(cell, person, admission, today, { status, date: left }, false);
  }

  private member(cell: OrgSpec, person: PlannedPerson, admission: IsoDate, today: IsoDate, leaving: { status: MemberStatus; date: IsoDate } | null, fixed: boolean): PlannedMember {
    const rng = this.rng;
    const ceremony = rng.daysAfter(admission, 7, 40); // R-ADM-12: within 30 working days of the decision
    const official = addMonths(ceremony, 12); // R-REC-01, R-REC-06: the day probation ends
    const end = leaving?.date ?? today;
    const isOfficial = official <= end;

    // Where the member sat: the cell today (or on leaving), and how they got there.
    const steps = this.moveHistory(cell, admission, leaving ? addDays(leaving.date, 1) : addDays(today, 1), fixed);
    const raw: { kind: PlannedEvent['kind']; date: IsoDate; org: string | null; ref: string | null; note: string | null }[] = [];
    const first = steps[0];
    if (first.date === admission) {
      raw.push({ kind: 'admitted', date: admission, org: first.org, ref: this.decision(first.org, admission, 'admission'), note: null });
    } else {
      raw.push({
        kind: 'registered',
        date: first.date,
        org: first.org,
        ref: null,
        note: first.date === RECORDS_START ? 'Nhập hồ sơ đảng viên đang sinh hoạt khi bắt đầu quản lý trên phần mềm' : 'Tiếp nhận hồ sơ đảng viên khi thành lập chi bộ (01/07/2025)',
      });
    }
    for (const s of steps.slice(1)) {
      raw.push({
        kind: s.kind,
        date: s.date,
        org: s.org,
        ref: s.kind === 'moved' ? `${rng.int(10, 480)}-GGT/BTCTU` : null,
        note: s.kind === 'moved' ? 'Chuyển sinh hoạt đảng chính thức trong Đảng bộ tỉnh' : 'Tổ chức lại chi bộ (01/07/2025)',
      });
    }
    const orgAt = (date: IsoDate) => [...steps].reverse().find((s) => s.date <= date)!.org;
    if (isOfficial && official > first.date) {
      raw.push({ kind: 'recognized', date: official, org: null, ref: this.decision(orgAt(official), official, 'recognition'), note: null });
    }
    if (leaving) {
      const ref =
        leaving.status === 'struck_off' || leaving.status === 'released' ? this.decision(orgAt(leaving.date), leaving.date, 'removal')
        : leaving.status === 'transferred_out' ? `${rng.int(10, 480)}-GGT/BTCTU`
        : null;
      const note = {
        deceased: 'Từ trần',
        struck_off: 'Xóa tên: bỏ sinh hoạt đảng 3 tháng trong năm không có lý do chính đáng',
        released: 'Cho ra khỏi Đảng: không đủ tiêu chuẩn đảng viên (rà soát, sàng lọc)',
        transferred_out: `Chuyển sinh hoạt đảng chính thức đến Đảng bộ tỉnh ${rng.pick(['Khánh Hòa', 'Đắk Lắk', 'Gia Lai', 'Đồng Nai', 'Thành phố Hồ Chí Minh'])}`,
      }[leaving.status as 'deceased' | 'struck_off' | 'released' | 'transferred_out'];
      raw.push({ kind: leaving.status as PlannedEvent['kind'], date: leaving.date, org: null, ref, note });
    }
    raw.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : ORDER[a.kind] - ORDER[b.kind]));

    // Replay to fill from/to: the projection on `members` is, by construction, the end of this timeline.
    let status: MemberStatus | null = null;
    let org: string | null = null;
    const events: PlannedEvent[] = [];
    for (const r of raw) {
      const fromStatus = status;
      const fromOrg = org;
      switch (r.kind) {
        case 'admitted':
          status = 'probationary';
          org = r.org;
          break;
        case 'registered':
          status = official <= r.date ? 'official' : 'probationary';
          org = r.org;
          break;
        case 'moved':
        case 'reorganized':
          org = r.org;
          break;
        case 'recognized':
          status = 'official';
          break;
        default:
          status = r.kind;
      }
      events.push({ kind: r.kind, event_date: r.date, from_status: fromStatus, to_status: status, from_org: fromOrg, to_org: org, decision_ref: r.ref, note: r.note });
    }
    return {
      person,
      status: status!,
      org: org!,
      history_number: `LD${String(++this.historySeq).padStart(6, '0')}`,
      card_number: isOfficial ? this.cardNumber() : null,
      admission_decision_date: admission,
      ceremony_date: ceremony,
      official_date: isOfficial ? official : null,
      left_date: leaving?.date ?? null,
      posts: [],
      events,
    };
  }

  /**
   * How a member came to sit in `cell` on the day before `until`, starting from `from` (the admission): cells
   * created by reorganization bring members from their predecessors, cells younger than the admission record a
   * 'registered' event on their first day, and a few members moved once between cells.
   */
  private moveHistory(cell: OrgSpec, from: IsoDate, until: IsoDate, fixed: boolean): Step[] {
    const rng = this.rng;
    const start = cell.versions[0].from;
    const earliestMove = addDays(from > RECORDS_START ? from : RECORDS_START, 90);
    const latestMove = addDays(until, -31);
    if (!fixed && earliestMove < latestMove && rng.chance(MOVED_SHARE)) {
      const move = rng.date(earliestMove > start ? earliestMove : start, latestMove > start ? latestMove : start);
      const dayBefore = addDays(move, -1);
      const sources = this.tree.orgs.filter((o) => {
        const v = versionOn(o, dayBefore);
        return v !== null && isMemberHolding(v.kind) && o !== cell && !(cell.absorbs?.from.includes(o.code) ?? false);
      });
      if (versionOn(cell, move) && sources.length && move < until) {
        const source = rng.pick(sources);
        return [...this.lineage(source, from, move), { kind: 'moved', date: move, org: cell.code }];
      }
    }
    return this.lineage(cell, from, until);
  }

  private lineage(cell: OrgSpec, from: IsoDate, until: IsoDate): Step[] {
    const start = cell.versions[0].from;
    const a = cell.absorbs;
    if (a && from < a.date && a.date < until) {
      const createdByIt = start >= a.date;
      if (createdByIt || this.rng.chance(0.3)) {
        const source = this.byCode.get(this.rng.pick(a.from))!;
        return [...this.lineage(source, from, a.date), { kind: 'reorganized', date: a.date, org: cell.code }];
      }
    }
    return [{ kind: 'registered', date: from >= start ? from : start, org: cell.code }];
  }

  /** A decision number of the body competent on that date (R-ADM-14: the nearest organization up the tree with the authority). */
  private decision(cellCode: string, date: IsoDate, matter: keyof Authority): string {
    let code: string | null = cellCode;
    while (code) {
      const v = versionOn(this.byCode.get(code)!, date);
      if (!v) break;
      if (v.authority[matter]) {
        const issuer = v.kind === 'provincial_committee' ? 'TU' : v.kind === 'district_committee' ? 'HU' : 'ĐU';
        const key = `${code}/${date.slice(0, 4)}`;
        const n = (this.decisionSeq.get(key) ?? 0) + 1;
        this.decisionSeq.set(key, n);
        return `${n}-QĐ/${issuer}`;
      }
      code = v.parent;
    }
    return `${this.rng.int(1, 400)}-QĐ/TU`;
  }

  // ── posts and accounts ───────────────────────────────────────────────────────────────────────────

  private assignCellPosts(cell: OrgSpec, members: PlannedMember[]) {
    const rng = this.rng;
    const since = cell.versions[0].from >= REORGANIZATION_DATE ? REORGANIZATION_DATE : rng.date('2025-03-10', '2025-05-20');
    const eligible = members
      .filter((m) => m.status === 'official' && !this.reserved.has(m.person.full_name))
      .filter((m) => ageInFullYears(m.person.birth_date, DEMO_REFERENCE_DATE) <= 62)
      .sort((a, b) => (a.admission_decision_date < b.admission_decision_date ? -1 : 1));
    const secretary = eligible[Math.min(eligible.length - 1, rng.int(0, Math.min(4, eligible.length - 1)))];
    if (!secretary) return;
    secretary.posts.push({ title: 'Bí thư Chi bộ', since });
    secretary.person.political_theory = rng.chance(0.6) ? 'Trung cấp' : 'Sơ cấp';
    if (members.length >= 15) {
      const deputy = eligible.find((m) => m !== secretary);
      if (deputy) {
        deputy.posts.push({ title: 'Phó Bí thư Chi bộ', since });
        deputy.person.political_theory ??= 'Sơ cấp';
      }
    }
  }

  private assignCommitteePosts() {
    const rng = this.rng;
    const active = this.members.filter((m) => m.status === 'official' && m.posts.length === 0 && !this.reserved.has(m.person.full_name));
    for (const org of this.tree.orgs) {
      const v = org.versions.at(-1)!;
      if (org.validTo !== null || (v.kind !== 'grassroots_committee' && v.kind !== 'commune_committee')) continue;
      const inside = active.filter((m) => m.posts.length === 0 && this.isUnder(m.org, org.code) && ageInFullYears(m.person.birth_date, DEMO_REFERENCE_DATE) < 60);
      if (inside.length === 0) continue;
      // Commune secretaries sit in the office cell of the Party and Front bodies.
      const pool = v.kind === 'commune_committee' ? inside.filter((m) => m.org.endsWith('.DMT')) : inside;
      const holder = rng.pick(pool.length ? pool : inside);
      const since = v.kind === 'commune_committee' ? REORGANIZATION_DATE : rng.date('2025-04-01', '2025-06-20');
      holder.posts.push({ title: v.kind === 'commune_committee' ? `Bí thư ${v.name}` : `Bí thư ${v.name.replace(/^Đảng bộ/, 'Đảng ủy')}`, since });
      holder.person.political_theory = 'Cao cấp';
    }
  }

  private isUnder(code: string, ancestor: string): boolean {
    let c: string | null = code;
    while (c) {
      if (c === ancestor) return true;
      c = this.byCode.get(c)!.versions.at(-1)!.parent;
    }
    return false;
  }

  private users(): PlannedUser[] {
    const secretaryOf = (cellCode: string) => {
      const i = this.members.findIndex((m) => m.org === cellCode && m.posts.some((p) => p.title === 'Bí thư Chi bộ'));
      if (i < 0) throw new Error(`no secretary in ${cellCode}`);
      return i;
    };
    const named = (name: string) => this.members.findIndex((m) => m.person.full_name === name);
    return DEMO_ACCOUNTS.map((a) => ({
      username: a.username,
      display_name: a.displayName,
      role: a.role,
      org: a.organizationCode,
      member:
        a.username === 'bithu1' ? secretaryOf(BITHU1_CELL_CODE)
        : a.username === 'bithu2' ? secretaryOf(BITHU2_CELL_CODE)
        : a.username === 'dangvien1' ? named(PLANTED_MEMBERS.dangvien1)
        : null,
    }));
  }
}

interface Step {
  kind: 'registered' | 'moved' | 'reorganized';
  date: IsoDate;
  org: string;
}

interface PlantedSpec {
  fullName: string;
  gender: Gender;
  ethnicity: EthnicityCode;
  age: number;
  occupation: string;
}

/** The members tests search for, at fixed positions of their cells. */
function plantedFor(cellCode: string, index: number): PlantedSpec | null {
  if (cellCode === BITHU1_CELL_CODE && index === 0) {
    return { fullName: PLANTED_MEMBERS.bithu1Member, gender: 'male', ethnicity: ETHNICITY.kinh, age: 40, occupation: 'Bác sĩ' };
  }
  if (cellCode === BITHU1_CELL_CODE && index === 1) {
    return { fullName: PLANTED_MEMBERS.dangvien1, gender: 'female', ethnicity: ETHNICITY.kinh, age: 34, occupation: 'Điều dưỡng' };
  }
  if (cellCode === BITHU2_CELL_CODE && index === 0) {
    return { fullName: PLANTED_MEMBERS.bithu2Member, gender: 'female', ethnicity: ETHNICITY.coho, age: 37, occupation: 'Giáo viên' };
  }
  return null;
}

function pickAge(rng: Rng, unit: UnitKind): number {
  const band =
    unit === 'village'
      ? rng.weighted([[[19, 30], 12], [[31, 45], 30], [[46, 60], 28], [[61, 85], 30]] as const)
      : rng.weighted([[[22, 30], 20], [[31, 45], 45], [[46, 60], 35]] as const);
  return rng.int(band[0], band[1]);
}

/** 'Đảng bộ xã Lát' → 'xã Lát'. */
function labelOf(committeeName: string): string {
  return committeeName.replace(/^Đảng bộ /, '');
}
