// The 12-digit personal identification number printed on the citizen identity card (số định danh cá nhân,
// CCCD), Luật Căn cước 2023 Art. 12; its structure is set by Nghị định 137/2015/NĐ-CP Art. 7 and the code
// tables of Thông tư 07/2016/TT-BCA (replaced by Thông tư 59/2021/TT-BCA with the same codes):
// digits 1–3 the province of birth registration, digit 4 gender and century of birth,
// digits 5–6 the last two digits of the birth year, digits 7–12 a random serial.
import type { Gender } from './ethnicities.ts';
import { parseIsoDate, type IsoDate } from './iso-date.ts';

/**
 * Province codes of the place of birth registration (Thông tư 07/2016/TT-BCA, Phụ lục 1; Thông tư
 * 59/2021/TT-BCA): the 63 provinces before the 2025 merger. Numbers already issued keep these codes.
 */
export const CITIZEN_ID_PROVINCE_CODES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

export type CitizenIdErrorCode =
  | 'CITIZEN_ID_FORMAT'
  | 'CITIZEN_ID_PROVINCE'
  | 'CITIZEN_ID_CENTURY_GENDER'
  | 'CITIZEN_ID_BIRTH_YEAR';

export type CitizenIdResult = { ok: true } | { ok: false; code: CitizenIdErrorCode };

const TWELVE_DIGITS = /^[0-9]{12}$/;
const FIRST_CENTURY = 1900; // digit 4: 0/1 = 1900–1999, 2/3 = 2000–2099 … 8/9 = 2300–2399

/** Digit 4 of the number: century of birth (from the 20th) × 2, plus 1 for a woman (Thông tư 07/2016/TT-BCA, Phụ lục 2). */
export function centuryGenderDigit(birthYear: number, gender: Gender): number | null {
  const century = Math.floor((birthYear - FIRST_CENTURY) / 100);
  if (!Number.isInteger(birthYear) || century < 0 || century > 4) return null;
  return century * 2 + (gender === 'female' ? 1 : 0);
}

export function validateCitizenId(
  id: string,
  opts: { birthDate?: IsoDate; gender?: Gender } = {},
): CitizenIdResult {
  if (!TWELVE_DIGITS.test(id)) return { ok: false, code: 'CITIZEN_ID_FORMAT' };
  if (!Object.hasOwn(CITIZEN_ID_PROVINCE_CODES, id.slice(0, 3))) return { ok: false, code: 'CITIZEN_ID_PROVINCE' };
  const digit = Number(id[3]);
  const idGender: Gender = digit % 2 === 0 ? 'male' : 'female';
  if (opts.gender !== undefined && opts.gender !== idGender) return { ok: false, code: 'CITIZEN_ID_CENTURY_GENDER' };
  if (opts.birthDate !== undefined) {
    const { y } = parseIsoDate(opts.birthDate);
    if (centuryGenderDigit(y, idGender) !== digit) return { ok: false, code: 'CITIZEN_ID_CENTURY_GENDER' };
    if (Number(id.slice(4, 6)) !== y % 100) return { ok: false, code: 'CITIZEN_ID_BIRTH_YEAR' };
  }
  return { ok: true };
}

/** Only the last 4 digits stay readable, for lists and logs where the full number is not needed. */
export function maskCitizenId(id: string): string {
  const visible = id.length > 4 ? id.slice(-4) : '';
  return '•'.repeat(id.length - visible.length) + visible;
}
