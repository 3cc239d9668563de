import type { Authority, OrganizationKind } from '../../common/contracts/organizations.contract.ts';
import type { IsoDate } from '../../common/rules/iso-date.ts';
import { ETHNICITY, type EthnicityCode, type UnitKind } from './name-pools.ts';

// The demo's organization tree, with its history: Đảng bộ tỉnh Lâm Đồng; until 30/06/2025 Đảng bộ huyện
// Lạc Dương with its commune committees, agencies and cells; from 01/07/2025 (the end of the district level,
// the 2025 merged province) six commune committees directly under the province. Fictional but shaped like
// the real reorganization: communes merged (predecessor → successor links), agencies and village cells moved,
// the district dissolved, the communes of the former Đam Rông district created anew.

/** First day the demo's records cover (the 2015–2020 term), and the first day of the two-level local government. */
export const RECORDS_START: IsoDate = '2015-01-01';
export const REORGANIZATION_DATE: IsoDate = '2025-07-01';

/** 'Thôn Đạ Tro' → 'thôn Đạ Tro', as a place is written inside an organization's name. */
const lowerFirst = (place: string) => place[0].toLowerCase() + place.slice(1);

const NONE: Authority = { admission: false, recognition: false, removal: false };
const ALL: Authority = { admission: true, recognition: true, removal: true };
/** R-ADM-14: a grassroots committee authorised to admit and recognize for its own cells. */
const ADMITS_ITSELF: Authority = { admission: true, recognition: true, removal: false };

export interface OrgVersionSpec {
  from: IsoDate;
  kind: OrganizationKind;
  name: string;
  parent: string | null;
  authority: Authority;
  /** Key of the event that started this version (null for the records' first version). */
  event: string | null;
}

/** Ethnic mix of a cell's members: [code, weight]. */
export type EthnicMix = readonly (readonly [EthnicityCode, number])[];

export interface OrgSpec {
  code: string;
  versions: OrgVersionSpec[];
  /** Exclusive end: the first day the organization no longer exists (null while active). */
  validTo: IsoDate | null;
  /** Member-holding organizations: how many active members today (before scaling), who they are, where they live. */
  size?: number;
  unit?: UnitKind;
  mix?: EthnicMix;
  /** Village or street for addresses ('Thôn Đạ Tro'); agencies use their commune. */
  place?: string;
  /** Members reorganized into this cell on `date` from the cells listed (a merger, or a cell created from others). */
  absorbs?: { date: IsoDate; from: string[] };
}

export interface OrgEventSpec {
  key: string;
  kind: 'created' | 'renamed' | 'moved' | 'merged' | 'split' | 'dissolved' | 'authority_changed';
  date: IsoDate;
  decisionRef: string;
  note: string;
  links: { code: string; role: 'subject' | 'predecessor' | 'successor' }[];
}

export interface DemoTree {
  orgs: OrgSpec[];
  events: OrgEventSpec[];
}

const HIGHLAND: EthnicMix = [[ETHNICITY.coho, 82], [ETHNICITY.kinh, 14], [ETHNICITY.mnong, 4]];
const TOWN_HIGHLAND: EthnicMix = [[ETHNICITY.coho, 55], [ETHNICITY.kinh, 42], [ETHNICITY.ede, 3]];
const URBAN: EthnicMix = [[ETHNICITY.kinh, 88], [ETHNICITY.coho, 7], [ETHNICITY.tay, 3], [ETHNICITY.nung, 2]];
const AGENCY: EthnicMix = [
  [ETHNICITY.kinh, 76], [ETHNICITY.coho, 10], [ETHNICITY.ede, 4], [ETHNICITY.giarai, 3], [ETHNICITY.tay, 3], [ETHNICITY.nung, 2], [ETHNICITY.mnong, 2],
];
const OFFICE: EthnicMix = [[ETHNICITY.kinh, 62], [ETHNICITY.coho, 30], [ETHNICITY.mnong, 4], [ETHNICITY.ede, 4]];
const DAM_RONG: EthnicMix = [
  [ETHNICITY.kinh, 34], [ETHNICITY.coho, 26], [ETHNICITY.mnong, 14], [ETHNICITY.hmong, 11], [ETHNICITY.tay, 9], [ETHNICITY.nung, 6],
];
const DAM_RONG_BON: EthnicMix = [[ETHNICITY.coho, 58], [ETHNICITY.mnong, 30], [ETHNICITY.kinh, 12]];
const HMONG_VILLAGE: EthnicMix = [[ETHNICITY.hmong, 70], [ETHNICITY.kinh, 15], [ETHNICITY.tay, 10], [ETHNICITY.nung, 5]];

class TreeBuilder {
  readonly orgs: OrgSpec[] = [];
  readonly events: OrgEventSpec[] = [];
  private byCode = new Map<string, OrgSpec>();
  private eventSeq = 0;

  org(
    code: string,
    v: { kind: OrganizationKind; name: string; parent: string | null; from?: IsoDate; authority?: Authority; event?: string | null },
    extra: Omit<OrgSpec, 'code' | 'versions' | 'validTo'> = {},
  ): string {
    const spec: OrgSpec = {
      code,
      versions: [{ from: v.from ?? RECORDS_START, kind: v.kind, name: v.name, parent: v.parent, authority: v.authority ?? NONE, event: v.event ?? null }],
      validTo: null,
      ...extra,
    };
    this.orgs.push(spec);
    this.byCode.set(code, spec);
    return code;
  }

  get(code: string): OrgSpec {
    const o = this.byCode.get(code);
    if (!o) throw new Error(`unknown organization ${code}`);
    return o;
  }

  /** A new version from `from` that changes some fields. */
  change(code: string, from: IsoDate, event: string, fields: Partial<Pick<OrgVersionSpec, 'kind' | 'name' | 'parent' | 'authority'>>) {
    const o = this.get(code);
    const last = o.versions[o.versions.length - 1];
    o.versions.push({ ...last, ...fields, from, event });
  }

  end(code: string, date: IsoDate) {
    this.get(code).validTo = date;
  }

  event(kind: OrgEventSpec['kind'], date: IsoDate, decisionRef: string, note: string, links: OrgEventSpec['links']): string {
    const key = `E${++this.eventSeq}`;
    this.events.push({ key, kind, date, decisionRef, note, links });
    return key;
  }
}

/** The demo tree; a pure function of nothing (the same on every call). */
export function buildDemoTree(): DemoTree {
  const b = new TreeBuilder();
  const R = REORGANIZATION_DATE;

  const P = b.org('LD', { kind: 'provincial_committee', name: 'Đảng bộ tỉnh Lâm Đồng', parent: null, authority: ALL });
  const provinceMerged = b.event(
    'merged',
    R,
    '12-QĐ/TW',
    'Hợp nhất Đảng bộ tỉnh Lâm Đồng, Đảng bộ tỉnh Đắk Nông và Đảng bộ tỉnh Bình Thuận thành Đảng bộ tỉnh Lâm Đồng (tỉnh mới), từ ngày 01/07/2025.',
    [{ code: P, role: 'successor' }],
  );
  b.change(P, R, provinceMerged, {});

  // ── Before 1/7/2025: the district and its communes ────────────────────────────────────────────────
  const D = b.org('LD.HLD', { kind: 'district_committee', name: 'Đảng bộ huyện Lạc Dương', parent: P, authority: ALL });

  const hospital = b.org('LD.HLD.TTYT', { kind: 'grassroots_committee', name: 'Đảng bộ Trung tâm Y tế huyện Lạc Dương', parent: D });
  const hospitalCells: [string, string, number][] = [
    ['KB', 'Chi bộ Khoa Khám bệnh – Cấp cứu', 26],
    ['NN', 'Chi bộ Khoa Nội – Nhi', 28],
    ['NS', 'Chi bộ Khoa Ngoại – Sản', 24],
    ['YTDP', 'Chi bộ Y tế dự phòng', 22],
    ['HCD', 'Chi bộ Hành chính – Dược', 20],
  ];
  for (const [c, name, size] of hospitalCells) b.org(`${hospital}.${c}`, { kind: 'cell', name, parent: hospital }, { size, unit: 'hospital', mix: AGENCY });

  const thpt = b.org('LD.HLD.THPTLB', { kind: 'grassroots_committee', name: 'Đảng bộ Trường THPT Lang Biang', parent: D });
  b.org(`${thpt}.TN`, { kind: 'cell', name: 'Chi bộ Tổ Tự nhiên', parent: thpt }, { size: 22, unit: 'school', mix: AGENCY });
  b.org(`${thpt}.XH`, { kind: 'cell', name: 'Chi bộ Tổ Xã hội', parent: thpt }, { size: 18, unit: 'school', mix: AGENCY });
  b.org(`${thpt}.HC`, { kind: 'cell', name: 'Chi bộ Hành chính – Đoàn thể', parent: thpt }, { size: 9, unit: 'school', mix: AGENCY });

  const vqg = b.org('LD.HLD.VQG', { kind: 'grassroots_committee', name: 'Đảng bộ Vườn quốc gia Bidoup – Núi Bà', parent: D });
  b.org(`${vqg}.KL`, { kind: 'cell', name: 'Chi bộ Hạt Kiểm lâm', parent: vqg }, { size: 30, unit: 'forest', mix: OFFICE });
  b.org(`${vqg}.KH`, { kind: 'cell', name: 'Chi bộ Khoa học và Hợp tác quốc tế', parent: vqg }, { size: 12, unit: 'forest', mix: AGENCY });
  b.org(`${vqg}.VP`, { kind: 'cell', name: 'Chi bộ Văn phòng', parent: vqg }, { size: 10, unit: 'forest', mix: AGENCY });

  const company = b.org('LD.HLD.CPLB', { kind: 'grassroots_committee', name: 'Đảng bộ Công ty Cổ phần Cà phê Lang Biang', parent: D });
  b.org(`${company}.VP`, { kind: 'cell', name: 'Chi bộ Văn phòng Công ty', parent: company }, { size: 14, unit: 'company', mix: AGENCY });
  b.org(`${company}.NT`, { kind: 'cell', name: 'Chi bộ Nông trường Đạ Sar', parent: company }, { size: 24, unit: 'company', mix: TOWN_HIGHLAND });
  b.org(`${company}.CB`, { kind: 'cell', name: 'Chi bộ Xưởng chế biến', parent: company }, { size: 18, unit: 'company', mix: AGENCY });

  const ptdtnt = b.org(
    'LD.HLD.PTDTNT',
    { kind: 'grassroots_cell', name: 'Chi bộ Trường Phổ thông Dân tộc nội trú THCS Lạc Dương', parent: D },
    { size: 20, unit: 'school', mix: OFFICE, place: 'Tổ dân phố Đăng Gia Rít' },
  );

  // Old commune committees (under the district until 30/06/2025) and their cells.
  type Village = [code: string, name: string, size: number, mix: EthnicMix];
  const oldCommunes: { code: string; name: string; label: string; villages: Village[]; extra?: [string, string, number, UnitKind, EthnicMix][] }[] = [
    {
      code: 'TTLD',
      name: 'Đảng bộ thị trấn Lạc Dương',
      label: 'thị trấn Lạc Dương',
      villages: [
        ['BD1', 'Tổ dân phố Bon Đưng 1', 35, HIGHLAND],
        ['BD2', 'Tổ dân phố Bon Đưng 2', 30, HIGHLAND],
        ['DGR', 'Tổ dân phố Đăng Gia Rít', 28, TOWN_HIGHLAND],
        ['BNA', "Tổ dân phố B'nơ A", 25, TOWN_HIGHLAND],
        ['BNC', "Tổ dân phố B'nơ C", 22, TOWN_HIGHLAND],
      ],
    },
    {
      code: 'LAT',
      name: 'Đảng bộ xã Lát',
      label: 'xã Lát',
      villages: [
        ['DNG', 'Thôn Đạ Nghịch', 24, HIGHLAND],
        ['DSA', 'Thôn Đạ Sa', 20, HIGHLAND],
        ['PTG', 'Thôn Păng Tiêng', 18, HIGHLAND],
      ],
    },
    {
      code: 'DCH',
      name: 'Đảng bộ xã Đạ Chais',
      label: 'xã Đạ Chais',
      villages: [
        ['KLK', 'Thôn Klong Klanh', 26, HIGHLAND],
        ['DBL', 'Thôn Đạ Blah', 22, HIGHLAND],
      ],
    },
    {
      code: 'DNH',
      name: 'Đảng bộ xã Đạ Nhim',
      label: 'xã Đạ Nhim',
      villages: [
        ['DTR', 'Thôn Đạ Tro', 36, HIGHLAND],
        ['DRH', 'Thôn Đạ Ra Hoa', 0, HIGHLAND],
        ['DKS', "Thôn Đưng K'Si", 20, HIGHLAND],
      ],
    },
    {
      code: 'DSR',
      name: 'Đảng bộ xã Đạ Sar',
      label: 'xã Đạ Sar',
      villages: [
        ['DDM', 'Thôn Đạ Đum', 24, HIGHLAND],
        ['LTR', 'Thôn Lán Tranh', 22, TOWN_HIGHLAND],
      ],
      extra: [['THCS', 'Chi bộ Trường THCS Đạ Sar', 14, 'school', OFFICE]],
    },
    {
      code: 'DKN',
      name: "Đảng bộ xã Đưng K'Nớ",
      label: "xã Đưng K'Nớ",
      villages: [
        ['KN1', "Thôn Đưng K'Nớ 1", 18, HIGHLAND],
        ['KN2', "Thôn Đưng K'Nớ 2", 16, HIGHLAND],
      ],
    },
  ];
  const oldOffices = new Map<string, string>();
  const movedCellsOf = new Map<string, string[]>();
  for (const c of oldCommunes) {
    const code = b.org(`LD.HLD.${c.code}`, { kind: 'commune_committee', name: c.name, parent: D });
    oldOffices.set(c.code, b.org(`${code}.CQ`, { kind: 'cell', name: `Chi bộ Cơ quan ${c.label}`, parent: code }, { size: 0, unit: 'office', mix: OFFICE }));
    const moved: string[] = [];
    for (const [v, place, size, mix] of c.villages) {
      moved.push(b.org(`${code}.${v}`, { kind: 'cell', name: `Chi bộ ${lowerFirst(place)}`, parent: code }, { size, unit: 'village', mix, place }));
    }
    for (const [v, name, size, unit, mix] of c.extra ?? []) moved.push(b.org(`${code}.${v}`, { kind: 'cell', name, parent: code }, { size, unit, mix }));
    movedCellsOf.set(c.code, moved);
  }

  // ── 1/7/2025: two-level local government ───────────────────────────────────────────────────────────
  const dissolved = b.event(
    'dissolved',
    R,
    '1570-QĐ/TU',
    'Kết thúc hoạt động của Đảng bộ huyện Lạc Dương (hoạt động đến hết ngày 30/06/2025) khi kết thúc hoạt động của đơn vị hành chính cấp huyện.',
    [{ code: D, role: 'subject' }],
  );
  b.end(D, R);

  const newCommune = (code: string, name: string, label: string, mergedFrom: string[] | null) => {
    let event: string;
    if (mergedFrom) {
      const subjects = mergedFrom.flatMap((c) => movedCellsOf.get(c) ?? []).filter((c) => !c.endsWith('.DRH'));
      event = b.event(
        'merged',
        R,
        `${1571 + b.events.length}-QĐ/TU`,
        `Thành lập ${name} trên cơ sở hợp nhất ${mergedFrom.map((c) => oldCommunes.find((o) => o.code === c)!.name).join(', ')}; các chi bộ thôn, tổ dân phố trở thành chi bộ cơ sở trực thuộc.`,
        [
          ...mergedFrom.map((c) => ({ code: `LD.HLD.${c}`, role: 'predecessor' as const })),
          { code, role: 'successor' },
          ...subjects.map((s) => ({ code: s, role: 'subject' as const })),
        ],
      );
      for (const c of mergedFrom) b.end(`LD.HLD.${c}`, R);
      for (const s of subjects) b.change(s, R, event, { kind: 'grassroots_cell', parent: code });
    } else {
      event = b.event('created', R, `${1571 + b.events.length}-QĐ/TU`, `Thành lập ${name} trực thuộc Đảng bộ tỉnh.`, [{ code, role: 'subject' }]);
    }
    b.org(code, { kind: 'commune_committee', name, parent: P, from: R, authority: ALL, event });
    // Every new commune has the two office cells of its Party–Front bodies and its People's Committee.
    const offices = mergedFrom?.map((c) => oldOffices.get(c)!) ?? [];
    let officeEvent: string | null = null;
    if (offices.length) {
      officeEvent = b.event(
        'merged',
        R,
        `${1571 + b.events.length}-QĐ/TU`,
        `Hợp nhất các chi bộ cơ quan của ${mergedFrom!.map((c) => oldCommunes.find((o) => o.code === c)!.label).join(', ')} và tổ chức lại thành hai chi bộ cơ quan của ${label}.`,
        [...offices.map((o) => ({ code: o, role: 'predecessor' as const })), { code: `${code}.DMT`, role: 'successor' }, { code: `${code}.UB`, role: 'successor' }],
      );
      for (const o of offices) b.end(o, R);
    }
    const officeCell = (suffix: string, name: string, size: number) => {
      const ev = officeEvent ?? b.event('created', R, `${1571 + b.events.length}-QĐ/TU`, `Thành lập ${name}.`, [{ code: `${code}.${suffix}`, role: 'subject' }]);
      b.org(
        `${code}.${suffix}`,
        { kind: 'grassroots_cell', name, parent: code, from: R, event: ev },
        { size, unit: 'office', mix: mergedFrom ? OFFICE : DAM_RONG, ...(offices.length ? { absorbs: { date: R, from: offices } } : {}) },
      );
    };
    officeCell('DMT', `Chi bộ Cơ quan Đảng – Mặt trận ${label}`, mergedFrom ? 30 : 22);
    officeCell('UB', `Chi bộ Cơ quan Ủy ban nhân dân ${label}`, mergedFrom ? 34 : 26);
    return code;
  };

  const LBDL = newCommune('LD.LBDL', 'Đảng bộ phường Lang Biang – Đà Lạt', 'phường Lang Biang – Đà Lạt', ['TTLD', 'LAT']);
  const XLD = newCommune('LD.XLD', 'Đảng bộ xã Lạc Dương', 'xã Lạc Dương', ['DCH', 'DNH', 'DSR', 'DKN']);

  // Thôn Đạ Ra Hoa's cell joins Thôn Đạ Tro's (a merger into an existing organization).
  const daTro = 'LD.HLD.DNH.DTR';
  const daRaHoa = 'LD.HLD.DNH.DRH';
  const daTroMerged = b.event('merged', R, '25-QĐ/ĐU', 'Sáp nhập Chi bộ thôn Đạ Ra Hoa vào Chi bộ thôn Đạ Tro (sáp nhập thôn).', [
    { code: daRaHoa, role: 'predecessor' },
    { code: daTro, role: 'successor' },
  ]);
  b.get(daTro).versions.at(-1)!.event = daTroMerged;
  b.get(daTro).absorbs = { date: R, from: [daRaHoa] };
  b.end(daRaHoa, R);

  // Agencies of the former district move under the new communes; the health centre is renamed and authorised
  // to admit and recognize its own members (R-ADM-14).
  const move = (code: string, to: string, fields: Partial<Pick<OrgVersionSpec, 'name' | 'authority' | 'kind'>> = {}, note?: string) => {
    const ev = b.event('moved', R, `${1571 + b.events.length}-QĐ/TU`, note ?? `Chuyển về trực thuộc ${b.get(to).versions[0].name}.`, [{ code, role: 'subject' }]);
    b.change(code, R, ev, { parent: to, ...fields });
  };
  move(hospital, LBDL, { name: 'Đảng bộ Trung tâm Y tế Lạc Dương', authority: ADMITS_ITSELF },
    'Chuyển về trực thuộc Đảng bộ phường Lang Biang – Đà Lạt, đổi tên thành Đảng bộ Trung tâm Y tế Lạc Dương; giao quyền kết nạp đảng viên và công nhận đảng viên chính thức.');
  move(thpt, LBDL);
  move(vqg, LBDL);
  move(company, XLD);
  move(ptdtnt, XLD);

  // Streets of the former Đà Lạt wards that joined the new ward: created with it (their earlier history is not recorded here).
  for (const [c, place, size] of [['ML', 'Tổ dân phố Măng Lin', 30], ['TP', 'Tổ dân phố Thái Phiên', 34]] as const) {
    const code = `${LBDL}.${c}`;
    const ev = b.event('created', R, `${1571 + b.events.length}-QĐ/TU`, `Thành lập Chi bộ ${lowerFirst(place)} trực thuộc Đảng bộ phường Lang Biang – Đà Lạt.`, [{ code, role: 'subject' }]);
    b.org(code, { kind: 'grassroots_cell', name: `Chi bộ ${lowerFirst(place)}`, parent: LBDL, from: R, event: ev }, { size, unit: 'village', mix: URBAN, place });
  }

  // The communes of the former Đam Rông district: created on 1/7/2025 with their cells.
  const damRong: [string, Village[], [string, string, number, UnitKind, EthnicMix][]][] = [
    ['1', [['LTG', 'Bon Liêng Trang', 26, DAM_RONG_BON], ['PLG', 'Thôn Phi Liêng', 24, DAM_RONG], ['DKA', 'Thôn Đạ Kao', 22, DAM_RONG], ['RMN', 'Bon Rô Men', 24, DAM_RONG_BON]],
      [['THPT', 'Chi bộ Trường THPT Đam Rông', 18, 'school', AGENCY]]],
    ['2', [['DTG', 'Thôn Đạ Tông', 26, HMONG_VILLAGE], ['DLG', 'Thôn Đạ Long', 22, HMONG_VILLAGE], ['DMR', "Thôn Đạ M'Rông", 20, DAM_RONG_BON], ['CLM', 'Bon Cil Múp', 18, DAM_RONG_BON]],
      [['THCS', 'Chi bộ Trường THCS Đạ Tông', 14, 'school', AGENCY]]],
    ['3', [['DRS', 'Thôn Đạ Rsal', 28, DAM_RONG], ['LBN', 'Thôn Liêng Bông', 22, DAM_RONG_BON], ['TNG', 'Thôn Tân Nghĩa', 26, DAM_RONG], ['NST', 'Thôn Ninh Thuận', 20, DAM_RONG]],
      [['TDDD', 'Chi bộ Công ty TNHH Thủy điện Đạ Dâng', 16, 'company', AGENCY]]],
    ['4', [['PLO', 'Bon Pang Dung', 22, DAM_RONG_BON], ['DSO', 'Thôn Đạ Sị', 20, DAM_RONG], ['TLA', 'Thôn Tu La', 22, DAM_RONG], ['DKN', "Bon Đạ K'Nàng", 24, DAM_RONG_BON]],
      [['THCS', "Chi bộ Trường THCS Đạ K'Nàng", 14, 'school', AGENCY]]],
  ];
  for (const [n, villages, extras] of damRong) {
    const code = newCommune(`LD.DR${n}`, `Đảng bộ xã Đam Rông ${n}`, `xã Đam Rông ${n}`, null);
    for (const [v, place, size, mix] of villages) {
      const c = `${code}.${v}`;
      const ev = b.event('created', R, `${1571 + b.events.length}-QĐ/TU`, `Thành lập Chi bộ ${lowerFirst(place)} trực thuộc Đảng bộ xã Đam Rông ${n}.`, [{ code: c, role: 'subject' }]);
      b.org(c, { kind: 'grassroots_cell', name: `Chi bộ ${lowerFirst(place)}`, parent: code, from: R, event: ev }, { size, unit: 'village', mix, place });
    }
    for (const [v, name, size, unit, mix] of extras) {
      const c = `${code}.${v}`;
      const ev = b.event('created', R, `${1571 + b.events.length}-QĐ/TU`, `Thành lập ${name} trực thuộc Đảng bộ xã Đam Rông ${n}.`, [{ code: c, role: 'subject' }]);
      b.org(c, { kind: 'grassroots_cell', name, parent: code, from: R, event: ev }, { size, unit, mix });
    }
  }

  return { orgs: b.orgs, events: b.events };
}

/** The version of an organization valid on `date` (valid_from <= date < next valid_from / valid_to), or null. */
export function versionOn(org: OrgSpec, date: IsoDate): OrgVersionSpec | null {
  if (org.validTo !== null && date >= org.validTo) return null;
  let found: OrgVersionSpec | null = null;
  for (const v of org.versions) if (v.from <= date) found = v;
  return found;
}

/** Exclusive end of version i: the next version's start, else the organization's end. */
export function versionEnd(org: OrgSpec, i: number): IsoDate | null {
  return i + 1 < org.versions.length ? org.versions[i + 1].from : org.validTo;
}
