// Code lists of the personal history (lý lịch): ethnicity, religion, gender.
import { normalizeVi } from './normalize-vi.ts';

/** Danh mục các dân tộc Việt Nam, Quyết định 121-TCTK/PPCĐ (2/3/1979) of the General Statistics Office: 54 groups, in code order. */
export const ETHNICITIES = [
  { code: '01', name: 'Kinh' },
  { code: '02', name: 'Tày' },
  { code: '03', name: 'Thái' },
  { code: '04', name: 'Hoa' },
  { code: '05', name: 'Khơ-me' },
  { code: '06', name: 'Mường' },
  { code: '07', name: 'Nùng' },
  { code: '08', name: 'HMông' },
  { code: '09', name: 'Dao' },
  { code: '10', name: 'Gia-rai' },
  { code: '11', name: 'Ngái' },
  { code: '12', name: 'Ê-đê' },
  { code: '13', name: 'Ba na' },
  { code: '14', name: 'Xơ-Đăng' },
  { code: '15', name: 'Sán Chay' },
  { code: '16', name: 'Cơ-ho' },
  { code: '17', name: 'Chăm' },
  { code: '18', name: 'Sán Dìu' },
  { code: '19', name: 'Hrê' },
  { code: '20', name: 'Mnông' },
  { code: '21', name: 'Ra-glai' },
  { code: '22', name: 'Xtiêng' },
  { code: '23', name: 'Bru-Vân Kiều' },
  { code: '24', name: 'Thổ' },
  { code: '25', name: 'Giáy' },
  { code: '26', name: 'Cơ-tu' },
  { code: '27', name: 'Gié-Triêng' },
  { code: '28', name: 'Mạ' },
  { code: '29', name: 'Khơ-mú' },
  { code: '30', name: 'Co' },
  { code: '31', name: 'Tà-ôi' },
  { code: '32', name: 'Chơ-ro' },
  { code: '33', name: 'Kháng' },
  { code: '34', name: 'Xinh-mun' },
  { code: '35', name: 'Hà Nhì' },
  { code: '36', name: 'Chu ru' },
  { code: '37', name: 'Lào' },
  { code: '38', name: 'La Chí' },
  { code: '39', name: 'La Ha' },
  { code: '40', name: 'Phù Lá' },
  { code: '41', name: 'La Hủ' },
  { code: '42', name: 'Lự' },
  { code: '43', name: 'Lô Lô' },
  { code: '44', name: 'Chứt' },
  { code: '45', name: 'Mảng' },
  { code: '46', name: 'Pà Thẻn' },
  { code: '47', name: 'Co Lao' },
  { code: '48', name: 'Cống' },
  { code: '49', name: 'Bố Y' },
  { code: '50', name: 'Si La' },
  { code: '51', name: 'Pu Péo' },
  { code: '52', name: 'Brâu' },
  { code: '53', name: 'Ơ Đu' },
  { code: '54', name: 'Rơ-măm' },
] as const;

export type EthnicityCode = (typeof ETHNICITIES)[number]['code'];

const KINH: EthnicityCode = '01';
const ETHNICITY_BY_CODE = new Map<string, (typeof ETHNICITIES)[number]>(ETHNICITIES.map((e) => [e.code, e]));

export function isEthnicityCode(code: string): code is EthnicityCode {
  return ETHNICITY_BY_CODE.has(code);
}

/** Every listed group but Kinh; it drives the ethnic-minority exceptions, e.g. R-ADM-03 (Quy định 294-QĐ/TW §1.2.1). Unknown codes are not minorities. */
export function isEthnicMinority(code: string): boolean {
  return isEthnicityCode(code) && code !== KINH;
}

// Spelling in imported files varies ('Ba Na', 'Ba-na', 'ê đê'): compare without marks, case, spaces or hyphens.
const nameKey = (name: string) => normalizeVi(name).replace(/[^a-z0-9]/g, '');
const ETHNICITY_BY_NAME_KEY = new Map<string, (typeof ETHNICITIES)[number]>(ETHNICITIES.map((e) => [nameKey(e.name), e]));

/** The listed group whose official name matches, ignoring marks, case, spaces and hyphens; null otherwise. */
export function findEthnicityByName(name: string): (typeof ETHNICITIES)[number] | null {
  return ETHNICITY_BY_NAME_KEY.get(nameKey(name)) ?? null;
}

/** The main religions recognised by the State (Luật Tín ngưỡng, tôn giáo 2016); every other recognised religion is 'other'. */
export const RELIGIONS = [
  { code: 'none', label: 'Không' },
  { code: 'buddhism', label: 'Phật giáo' },
  { code: 'catholicism', label: 'Công giáo' },
  { code: 'protestantism', label: 'Tin lành' },
  { code: 'caodaism', label: 'Cao Đài' },
  { code: 'hoa_hao', label: 'Phật giáo Hòa Hảo' },
  { code: 'islam', label: 'Hồi giáo' },
  { code: 'other', label: 'Khác' },
] as const;

export type ReligionCode = (typeof RELIGIONS)[number]['code'];

export const GENDERS = [
  { code: 'male', label: 'Nam' },
  { code: 'female', label: 'Nữ' },
] as const;

export type Gender = (typeof GENDERS)[number]['code'];
