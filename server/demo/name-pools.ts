import type { Rng } from './prng.ts';

// Name pools for fictional people of Lâm Đồng (the 2025 province: Lâm Đồng, Đắk Nông, Bình Thuận).
// Kinh names follow the family–middle–given order; the Central Highlands groups follow their own
// patterns: Cơ-ho (K'Ho) men 'K'Bróh' or clan + name, women 'Ka Điều' or clan + 'Ha' + name
// ('Liêng Hót Ha Ngọc'); Ê-đê 'Y' / 'H'' + name + clan last ('Y Bhin Niê', 'H'Hen Niê'); Gia-rai clan
// first ('Ksor H'Bia', 'Rơ Mah Lan'); Mnông 'Điểu K'Ré', 'Y Kông Bon Niêng', 'Thị Hồng'.
// Shared by the demo (server/demo) and the benchmark generator (bench/).

export type Gender = 'male' | 'female';

/** Ethnicity codes used here (common/rules/ethnicities.ts, Quyết định 121-TCTK/PPCĐ). */
export const ETHNICITY = {
  kinh: '01',
  tay: '02',
  nung: '07',
  hmong: '08',
  giarai: '10',
  ede: '12',
  coho: '16',
  mnong: '20',
} as const;
export type EthnicityCode = (typeof ETHNICITY)[keyof typeof ETHNICITY];

// Frequencies roughly as in Vietnam (Nguyễn ≈ 38 %).
const KINH_FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 3], ['Huỳnh', 2], ['Phan', 4.5], ['Vũ', 2],
  ['Võ', 2], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5],
  ['Trương', 1], ['Đinh', 0.8], ['Lâm', 0.5], ['Mai', 0.5], ['Đoàn', 0.6], ['Cao', 0.5], ['Tạ', 0.3], ['Hà', 0.6],
  ['Lương', 0.5], ['Chu', 0.2], ['Kiều', 0.2], ['Quách', 0.2], ['Tô', 0.3], ['Châu', 0.3], ['Thái', 0.3], ['Văn', 0.2],
];
const MALE_MIDDLE = ['Hữu', 'Đức', 'Minh', 'Quang', 'Công', 'Thanh', 'Ngọc', 'Xuân', 'Anh', 'Quốc', 'Trọng', 'Đình', 'Tuấn', 'Hoàng', 'Gia', 'Bảo', 'Thành', 'Duy', 'Tiến', 'Văn'];
const FEMALE_MIDDLE = ['Ngọc', 'Thu', 'Thanh', 'Minh', 'Phương', 'Hồng', 'Kim', 'Thúy', 'Mai', 'Bích', 'Ánh', 'Hoài', 'Diệu', 'Khánh', 'Bảo', 'Quỳnh', 'Hải', 'Thị'];
const MALE_GIVEN = [
  'An', 'Anh', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Đức', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Kiên', 'Lâm',
  'Long', 'Lộc', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quang', 'Quân', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Thịnh', 'Toàn',
  'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Hưng', 'Hậu', 'Thái', 'Tâm', 'Trí', 'Tiến', 'Hòa', 'Lợi', 'Nhân', 'Thiện',
  'Bảo', 'Duy', 'Khải', 'Phát', 'Quý', 'Sang', 'Tín', 'Trọng', 'Tường', 'Vương', 'Định', 'Chiến', 'Hạnh',
];
const FEMALE_GIVEN = [
  'An', 'Anh', 'Bích', 'Chi', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hồng', 'Hương', 'Huyền', 'Lan',
  'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Quỳnh', 'Tâm', 'Thảo',
  'Thanh', 'Thủy', 'Thư', 'Trang', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến', 'Hân', 'Nhi', 'Diệp', 'Lệ', 'Nhàn',
  'Hậu', 'Thắm', 'Thơ',
];

const COHO_CLANS = ['Cil', 'Liêng Hót', 'Rơ Ông', 'Bon Đing', 'Đa Gout', 'Lơ Mu', 'Kơ Să', 'Păng Ting', 'Kră Jăn', 'Bon Niêng', 'Cơ Liêng', 'Đa Cát'];
const COHO_MALE = ['Bróh', 'Múp', 'Pút', 'Sớ', 'Đin', 'Tiếu', 'Brơi', 'Duẩn', 'Kré', 'Sỹ', 'Ngoan', 'Hưởng', 'Lơng', 'Dơng', 'Tơng', 'Bin', 'Jú', 'Krai', 'Wơng', 'Yũ', 'Bảo', 'Hoàng', 'Thanh', 'Huy', 'Dũng', 'Tuấn'];
const COHO_FEMALE = ['Điều', 'Sương', 'Sin', 'Ngọc', 'Thanh', 'Thuyên', 'Hoa', 'Dúi', 'Phương', 'Hằng', 'Nhàn', 'Jen', 'Blao', 'Ly', 'Huê', 'Lan', 'Thủy', 'Mơ', 'Brê', 'Hiên'];

const EDE_CLANS = ['Niê', 'Mlô', 'Êban', 'Byă', 'Ktla', 'Ayun', 'Buôn Yă', 'Hwing', 'Knul', 'Adrơng', 'Mdrang', 'Kbuôr', 'Ênuôl', 'Êmô'];
const EDE_MALE = ['Bhin', 'Moan', 'Jut', 'Khoa', 'Dhăm', 'Bil', 'Blin', 'Kôn', 'Nguôn', 'Hăm', 'Dlei', 'Thông', 'Siêr', 'Wai'];
const EDE_FEMALE = ['Hen', 'Xíu', 'Bia', 'Juôn', 'Linh', 'Nga', 'Yâo', 'Wen', 'Dim', 'Jen', 'Ly', 'Mai', 'Phi'];

const GIARAI_CLANS = ['Ksor', 'Rơ Mah', 'Siu', 'Rơ Lan', 'Nay', 'Kpă', 'Rơ Châm', 'Puih', 'Rah Lan', 'Rơ Ô'];
const GIARAI_MALE = ['Tuân', 'Blơ', 'Phin', 'Phước', 'Kim', 'Thuy', 'Đôn', 'Hyưk', 'Jứ', 'Kép', 'Nglơng'];
const GIARAI_FEMALE = ['Bia', 'Lan', 'Mai', 'Bliu', 'Plưm', 'Nhi', 'Nguyên', 'Yun', 'Khuyên', 'Hiao'];

const MNONG_CLANS = ['Bon Niêng', 'Ndu', 'Ênuôl', 'Bing', 'Mlô', 'Krông', 'Liêng', 'Nơ Ring'];
const MNONG_MALE = ["K'Ré", 'Mão', 'Đơ', 'Kông', 'Khiêm', 'Tuấn', 'Sơn', 'Lơ', 'Bri', 'Jon', "K'Lâm", 'Tiêng'];
const MNONG_FEMALE = ['Hồng', 'Lim', 'Nga', 'Ngơn', 'Mai', 'Wen', 'Điêu', 'Blông', 'Hoa', 'Thanh'];

const TAY_FAMILY = ['Hoàng', 'Nông', 'Lương', 'Hà', 'Ma', 'Bế', 'Lục', 'Đàm', 'Nguyễn', 'Triệu'];
const NUNG_FAMILY = ['Hoàng', 'Vi', 'Lục', 'Nông', 'Chu', 'Mã', 'Triệu', 'Lý', 'Lăng'];
const HMONG_FAMILY = ['Giàng', 'Sùng', 'Vừ', 'Lý', 'Thào', 'Hờ', 'Mùa', 'Lầu'];
const HMONG_MALE = ['Páo', 'Dế', 'Tủa', 'Sử', 'Chứ', 'Pó', 'Lềnh', 'Chống', 'Dình', 'Tếnh', 'Sình', 'Vàng'];
const HMONG_FEMALE = ['Mai', 'Dợ', 'Chở', 'Ly', 'Dua', 'Súa', 'Mỷ', 'Pà', 'Lan', 'Hoa'];

function kinhName(rng: Rng, gender: Gender, birthYear: number, family: string): string {
  // 'Văn' and 'Thị' as the middle name grow rarer with each generation.
  const plain = birthYear < 1970 ? 0.65 : birthYear < 1990 ? 0.45 : 0.2;
  const male = gender === 'male';
  let middle = rng.chance(plain) ? (male ? 'Văn' : 'Thị') : rng.pick(male ? MALE_MIDDLE : FEMALE_MIDDLE);
  // Two middle names ('Nguyễn Thị Thu Hà') are common for women born after 1970.
  if (!male && middle === 'Thị' && birthYear >= 1970 && rng.chance(0.35)) middle += ` ${rng.pick(FEMALE_MIDDLE.filter((m) => m !== 'Thị'))}`;
  const given = rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN);
  return `${family} ${middle} ${given}`;
}

/** A fictional full name with correct diacritics for the person's ethnicity, gender and generation. */
export function generateFullName(rng: Rng, ethnicity: EthnicityCode, gender: Gender, birthYear: number): string {
  const male = gender === 'male';
  switch (ethnicity) {
    case ETHNICITY.coho: {
      if (male) return rng.chance(0.45) ? `K'${rng.pick(COHO_MALE)}` : `${rng.pick(COHO_CLANS)} ${rng.pick(COHO_MALE)}`;
      const r = rng.next();
      if (r < 0.35) return `Ka ${rng.pick(COHO_FEMALE)}`;
      if (r < 0.85) return `${rng.pick(COHO_CLANS)} Ha ${rng.pick(COHO_FEMALE)}`;
      return `${rng.pick(COHO_CLANS)} ${rng.pick(COHO_FEMALE)}`;
    }
    case ETHNICITY.ede:
      return male ? `Y ${rng.pick(EDE_MALE)} ${rng.pick(EDE_CLANS)}` : `H'${rng.pick(EDE_FEMALE)} ${rng.pick(EDE_CLANS)}`;
    case ETHNICITY.giarai:
      return male
        ? `${rng.pick(GIARAI_CLANS)} ${rng.pick(GIARAI_MALE)}`
        : `${rng.pick(GIARAI_CLANS)} ${rng.chance(0.6) ? "H'" : ''}${rng.pick(GIARAI_FEMALE)}`;
    case ETHNICITY.mnong:
      if (male) return rng.chance(0.5) ? `Điểu ${rng.pick(MNONG_MALE)}` : `Y ${rng.pick(MNONG_MALE.filter((n) => !n.startsWith("K'")))} ${rng.pick(MNONG_CLANS)}`;
      return rng.chance(0.5) ? `Thị ${rng.pick(MNONG_FEMALE)}` : `H'${rng.pick(MNONG_FEMALE)} ${rng.pick(MNONG_CLANS)}`;
    case ETHNICITY.hmong:
      return male
        ? `${rng.pick(HMONG_FAMILY)} ${rng.pick(['A', 'Seo', 'Văn'])} ${rng.pick(HMONG_MALE)}`
        : `${rng.pick(HMONG_FAMILY)} Thị ${rng.pick(HMONG_FEMALE)}`;
    case ETHNICITY.tay:
      return kinhName(rng, gender, Math.min(birthYear, 1969), rng.pick(TAY_FAMILY));
    case ETHNICITY.nung:
      return kinhName(rng, gender, Math.min(birthYear, 1969), rng.pick(NUNG_FAMILY));
    default:
      return kinhName(rng, gender, birthYear, rng.weighted(KINH_FAMILY));
  }
}

/** Religions by group, as personal histories of this area record them (many Cơ-ho are Protestant or Catholic). */
export function pickReligion(rng: Rng, ethnicity: EthnicityCode): string {
  switch (ethnicity) {
    case ETHNICITY.coho:
      return rng.weighted([['protestantism', 45], ['catholicism', 35], ['none', 20]]);
    case ETHNICITY.ede:
      return rng.weighted([['protestantism', 50], ['none', 35], ['catholicism', 15]]);
    case ETHNICITY.giarai:
    case ETHNICITY.mnong:
      return rng.weighted([['protestantism', 38], ['none', 47], ['catholicism', 15]]);
    case ETHNICITY.hmong:
      return rng.weighted([['none', 70], ['protestantism', 30]]);
    case ETHNICITY.tay:
    case ETHNICITY.nung:
      return rng.weighted([['none', 90], ['buddhism', 10]]);
    default:
      return rng.weighted([['none', 62], ['buddhism', 19], ['catholicism', 14], ['protestantism', 3], ['caodaism', 2]]);
  }
}

/** Province of birth registration (citizen-id code, common/rules/citizen-id.ts) by group and birth year. */
export function pickBirthProvinceCode(rng: Rng, ethnicity: EthnicityCode, birthYear: number): string {
  switch (ethnicity) {
    case ETHNICITY.coho:
      return rng.chance(0.95) ? '068' : '058';
    case ETHNICITY.ede:
      return rng.chance(0.8) ? '066' : '068';
    case ETHNICITY.giarai:
      return rng.chance(0.8) ? '064' : '062';
    case ETHNICITY.mnong:
      // Đắk Nông was split from Đắk Lắk in 2004.
      return rng.chance(0.5) ? '068' : birthYear >= 2004 ? '067' : '066';
    case ETHNICITY.hmong:
      return birthYear >= 1995 && rng.chance(0.6) ? '068' : rng.pick(['002', '010', '011']);
    case ETHNICITY.tay:
    case ETHNICITY.nung:
      return birthYear >= 1990 && rng.chance(0.6) ? '068' : rng.pick(['004', '020', '006', '008']);
    default:
      return rng.weighted([
        ['068', 55], ['036', 6], ['034', 5], ['040', 5], ['042', 4], ['038', 4], ['049', 4], ['051', 3], ['046', 3],
        ['001', 3], ['079', 2], ['052', 2], ['056', 2], ['060', 2],
      ]);
  }
}

/** Old district-level places of Lâm Đồng, for birthplaces of people born in the province. */
export const LAM_DONG_PLACES = ['Lạc Dương', 'Đà Lạt', 'Đam Rông', 'Lâm Hà', 'Đơn Dương', 'Đức Trọng', 'Di Linh', 'Bảo Lộc'];

const FARMING = ['Làm nông nghiệp', 'Trồng cà phê', 'Trồng rau, hoa', 'Chăn nuôi', 'Buôn bán nhỏ', 'Làm vườn'];

/** What kind of unit a cell belongs to; occupations and age profiles follow from it. */
export type UnitKind = 'village' | 'school' | 'hospital' | 'company' | 'forest' | 'office';

export function pickOccupation(rng: Rng, unit: UnitKind, age: number, gender: Gender): string {
  if (age >= 62 || (age >= 60 && gender === 'male') || (age >= 58 && unit === 'village' && rng.chance(0.5))) return 'Hưu trí';
  switch (unit) {
    case 'school':
      return rng.weighted([['Giáo viên', 80], ['Nhân viên văn phòng', 8], ['Kế toán', 4], ['Phó Hiệu trưởng', 5], ['Nhân viên thư viện', 3]]);
    case 'hospital':
      return rng.weighted([['Bác sĩ', 30], ['Điều dưỡng', 35], ['Hộ sinh', 8], ['Dược sĩ', 8], ['Kỹ thuật viên xét nghiệm', 8], ['Nhân viên hành chính', 11]]);
    case 'company':
      return rng.weighted([['Công nhân', 45], ['Kỹ sư nông nghiệp', 15], ['Kế toán', 10], ['Nhân viên kinh doanh', 15], ['Quản đốc', 5], ['Lái xe', 10]]);
    case 'forest':
      return rng.weighted([['Kiểm lâm viên', 55], ['Kỹ sư lâm nghiệp', 20], ['Nhân viên hướng dẫn du lịch sinh thái', 10], ['Nhân viên văn phòng', 15]]);
    case 'office':
      return rng.weighted([['Công chức', 60], ['Viên chức', 15], ['Cán bộ chuyên trách', 25]]);
    default:
      return rng.weighted([[rng.pick(FARMING), 78], ['Trưởng thôn', 4], ['Công an viên', 4], ['Giáo viên', 4], ['Y tá thôn bản', 3], ['Công nhân', 7]]);
  }
}

export function pickProfessionalQualification(rng: Rng, occupation: string): string | null {
  switch (occupation) {
    case 'Giáo viên':
    case 'Phó Hiệu trưởng':
      return rng.weighted([['Cử nhân Sư phạm', 75], ['Thạc sĩ Quản lý giáo dục', 15], ['Cao đẳng Sư phạm', 10]]);
    case 'Bác sĩ':
      return rng.weighted([['Bác sĩ đa khoa', 55], ['Bác sĩ chuyên khoa I', 30], ['Thạc sĩ Y học', 15]]);
    case 'Điều dưỡng':
    case 'Hộ sinh':
      return rng.weighted([['Cao đẳng Điều dưỡng', 50], ['Cử nhân Điều dưỡng', 40], ['Trung cấp Y', 10]]);
    case 'Dược sĩ':
      return 'Dược sĩ đại học';
    case 'Kỹ thuật viên xét nghiệm':
      return 'Cử nhân Kỹ thuật xét nghiệm y học';
    case 'Kiểm lâm viên':
    case 'Kỹ sư lâm nghiệp':
      return rng.weighted([['Kỹ sư Lâm nghiệp', 70], ['Trung cấp Lâm nghiệp', 30]]);
    case 'Kỹ sư nông nghiệp':
      return 'Kỹ sư Nông học';
    case 'Kế toán':
      return 'Cử nhân Kế toán';
    case 'Công chức':
    case 'Viên chức':
    case 'Cán bộ chuyên trách':
    case 'Nhân viên văn phòng':
    case 'Nhân viên hành chính':
      return rng.weighted([['Cử nhân Luật', 30], ['Cử nhân Quản lý nhà nước', 30], ['Cử nhân Kinh tế', 25], ['Trung cấp Hành chính', 15]]);
    default:
      return rng.chance(0.15) ? rng.pick(['Trung cấp Nông nghiệp', 'Sơ cấp nghề', 'Trung cấp Kỹ thuật']) : null;
  }
}

/** General education as written on the personal history: '12/12', older northerners '10/10', some older villagers lower. */
export function pickGeneralEducation(rng: Rng, ethnicity: EthnicityCode, birthYear: number, occupation: string, hasDegree: boolean): string {
  if (hasDegree) return birthYear < 1962 && rng.chance(0.5) ? '10/10' : '12/12';
  if (birthYear < 1962) return rng.weighted([['10/10', 40], ['7/10', 25], ['12/12', 35]]);
  const minority = ethnicity !== ETHNICITY.kinh;
  if (minority && birthYear < 1985 && occupation !== 'Công chức') return rng.weighted([['12/12', 45], ['9/12', 35], ['5/12', 20]]);
  return rng.weighted([['12/12', 85], ['9/12', 15]]);
}
