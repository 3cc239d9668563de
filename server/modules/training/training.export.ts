import ExcelJS from 'exceljs';
import type { ClassDetail } from '../../../common/contracts/training.contract.ts';
import { formatDateVi } from '../../../common/rules/iso-date.ts';

// The results of a class as an .xlsx file (exceljs; never the npm `xlsx` package — architecture.md, Stack).

/**
 * Formula injection (security.md item 13; ASVS 1.2.10): a text cell starting with = + - @ tab, CR or NUL would be
 * read as a formula by spreadsheet programs once edited or saved as CSV; a leading apostrophe keeps it text.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value;
}

const COURSE_KIND_VI: Record<ClassDetail['courseKind'], string> = {
  party_awareness: 'Bồi dưỡng nhận thức về Đảng',
  new_member: 'Bồi dưỡng đảng viên mới',
  political_theory: 'Lý luận chính trị',
  resolution_study: 'Học tập, quán triệt nghị quyết',
  other: 'Khác',
};

const RESULT_VI = { pass: 'Đạt', fail: 'Không đạt' } as const;

export async function buildClassResultsWorkbook(k: ClassDetail): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dangvien';
  const ws = wb.addWorksheet('Kết quả', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const text = (v: string | null | undefined) => (v == null ? '' : neutraliseCell(v));

  ws.columns = [
    { key: 'no', width: 6 },
    { key: 'name', width: 30 },
    { key: 'birth', width: 13 },
    { key: 'unit', width: 30 },
    { key: 'attended', width: 12 },
    { key: 'rate', width: 10 },
    { key: 'score', width: 8 },
    { key: 'result', width: 12 },
    { key: 'number', width: 18 },
    { key: 'issued', width: 13 },
    { key: 'valid', width: 13 },
  ];

  const title = ws.addRow([text(`KẾT QUẢ HỌC TẬP: ${k.name}`)]);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(title.number, 1, title.number, 11);
  ws.addRow([text(`Loại lớp: ${COURSE_KIND_VI[k.courseKind]}`)]);
  ws.addRow([text(`Cơ sở đào tạo: ${k.institution}`)]);
  ws.addRow([text(`Đơn vị tổ chức: ${k.organization.name}`)]);
  ws.addRow([`Thời gian: ${formatDateVi(k.startDate)} – ${formatDateVi(k.endDate)}; số buổi học: ${k.sessionCount}`]);
  ws.addRow([
    `Điều kiện đạt (${k.passRule.ruleId}, chưa được xác minh, có thể cấu hình): điểm từ ${k.passRule.minScore} và dự ít nhất ${k.passRule.minAttendancePercent}% số buổi`,
  ]);
  ws.addRow([]);

  const header = ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Số buổi dự', 'Tỷ lệ', 'Điểm', 'Kết quả', 'Số giấy chứng nhận', 'Ngày cấp', 'Giá trị đến']);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });

  k.enrolments.forEach((e, i) => {
    const rate = e.attendedSessions === null ? null : e.attendedSessions / k.sessionCount;
    const row = ws.addRow([
      i + 1,
      text(e.fullName),
      formatDateVi(e.birthDate),
      text(e.organizationName),
      e.attendedSessions === null ? '' : `${e.attendedSessions}/${k.sessionCount}`,
      rate,
      e.score,
      e.result === null ? '' : RESULT_VI[e.result],
      text(e.certificate?.number),
      e.certificate ? formatDateVi(e.certificate.issuedOn) : '',
      e.certificate?.validUntil ? formatDateVi(e.certificate.validUntil) : '',
    ]);
    row.getCell(6).numFmt = '0%';
    row.getCell(7).numFmt = '0.0';
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
  });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
