import type { Role } from '../../common/contracts/auth.contract.ts';
import { buildDemoTree } from './demo-tree.ts';

/**
 * The demo's accounts, one per role (architecture "Operations": `npm run demo`). The password is public and
 * exists only in demo mode (security.md: no default accounts outside demo mode).
 */
export const DEMO_PASSWORD = 'thu-nghiem-2026';

/** Codes of the cells the two cell secretaries lead: in different grassroots organizations (a health centre, a high school). */
export const BITHU1_CELL_CODE = 'LD.HLD.TTYT.KB';
export const BITHU2_CELL_CODE = 'LD.HLD.THPTLB.XH';
export const FRONT_OFFICER_COMMUNE_CODE = 'LD.LBDL';

/** Members planted at fixed places so tests can search for them (no other demo member has these names). */
export const PLANTED_MEMBERS = {
  /** In bithu1's cell. */
  bithu1Member: 'Nguyễn Văn An',
  /** In bithu1's cell; the person of the `dangvien1` account. */
  dangvien1: 'Trần Thị Bích Ngọc',
  /** In bithu2's cell (a Cơ-ho teacher). */
  bithu2Member: 'Liêng Hót Ha Ngọc',
} as const;

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  /** Code of the account's organization in the demo tree. */
  organizationCode: string;
  /** What the account is for, printed by `npm run demo`. */
  description: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', role: 'admin', displayName: 'Quản trị hệ thống', organizationCode: 'LD', description: 'quản trị hệ thống, cả tỉnh' },
  { username: 'tochuc', role: 'organization_officer', displayName: 'Cán bộ Ban Tổ chức Tỉnh ủy', organizationCode: 'LD', description: 'cán bộ ban tổ chức, cả tỉnh' },
  { username: 'bithu1', role: 'cell_secretary', displayName: 'Bí thư Chi bộ Khoa Khám bệnh – Cấp cứu', organizationCode: BITHU1_CELL_CODE, description: 'bí thư chi bộ (Trung tâm Y tế Lạc Dương)' },
  { username: 'bithu2', role: 'cell_secretary', displayName: 'Bí thư Chi bộ Tổ Xã hội', organizationCode: BITHU2_CELL_CODE, description: 'bí thư chi bộ (Trường THPT Lang Biang)' },
  { username: 'kiemtra', role: 'inspection_officer', displayName: 'Cán bộ Ủy ban Kiểm tra Tỉnh ủy', organizationCode: 'LD', description: 'cán bộ ủy ban kiểm tra, cả tỉnh' },
  { username: 'tuyengiao', role: 'training_officer', displayName: 'Cán bộ Ban Tuyên giáo và Dân vận Tỉnh ủy', organizationCode: 'LD', description: 'cán bộ tuyên giáo, cả tỉnh' },
  { username: 'mttq', role: 'front_officer', displayName: 'Cán bộ Ủy ban MTTQ phường Lang Biang – Đà Lạt', organizationCode: FRONT_OFFICER_COMMUNE_CODE, description: 'cán bộ Mặt trận, phường Lang Biang – Đà Lạt' },
  { username: 'dangvien1', role: 'member', displayName: PLANTED_MEMBERS.dangvien1, organizationCode: BITHU1_CELL_CODE, description: 'đảng viên (hồ sơ của chính mình)' },
];

/** Names of the cells bithu1 and bithu2 lead (as the app shows them today), for tests and the demo banner. */
export function demoCellNames(): { bithu1: string; bithu2: string } {
  const { orgs } = buildDemoTree();
  const nameOf = (code: string) => orgs.find((o) => o.code === code)!.versions.at(-1)!.name;
  return { bithu1: nameOf(BITHU1_CELL_CODE), bithu2: nameOf(BITHU2_CELL_CODE) };
}
