import ExcelJS from 'exceljs';
import type { ScreeningReport } from '../../../common/contracts/screening.contract.ts';
import { formatDateVi } from '../../../common/rules/iso-date.ts';
import type { FlagKind } from '../../../common/rules/screening-engine.ts';
import { neutraliseCell } from '../training/training.export.ts';

// The figures of the yearly report on Kế hoạch 99 (II.4) as an .xlsx file (exceljs; never the npm `xlsx` package):
// members graded at each level, flags by rule and their outcomes, removals by form and cause, per organization.
// Every text from the database passes neutraliseCell (formula injection, security.md item 13).

export const KIND_VI: Record<FlagKind, string> = {
  missed_activities: 'Bỏ sinh hoạt đảng 3 tháng trong năm không có lý do',
  unpaid_dues: 'Không đóng đảng phí 3 tháng trong năm không có lý do',
  not_completed_two_years: 'Không hoàn thành nhiệm vụ 2 năm liên tiếp',
  transfer_overdue: 'Chuyển sinh hoạt đảng không đúng hạn',
  probation_overdue: 'Quá hạn xét công nhận đảng viên chính thức',
  discipline_or_violation: 'Vi phạm kỷ luật Đảng, pháp luật Nhà nước',
  low_prestige: 'Uy tín thấp nơi cư trú, theo ý kiến chi bộ nơi cư trú hoặc Mặt trận',
  no_assignment: 'Chưa được phân công nhiệm vụ',
};

const FORM_VI = { struck_off: 'Xóa tên', released: 'Cho ra khỏi Đảng', expelled: 'Khai trừ' } as const;

const GROUND_VI: Record<string, string> = {
  missed_activities: 'bỏ sinh hoạt đảng',
  unpaid_dues: 'không đóng đảng phí',
  card_returned_or_destroyed: 'tự ý trả thẻ, hủy thẻ đảng viên',
  no_progress_after_education: 'không tiến bộ sau 12 tháng giáo dục',
  not_completed_two_years: 'không hoàn thành nhiệm vụ 2 năm liền',
  political_standard_failed: 'không đủ tiêu chuẩn chính trị',
  probation_not_qualified: 'không đủ tư cách khi xét công nhận chính thức',
  own_request: 'theo nguyện vọng của đảng viên',
  discipline: 'kỷ luật khai trừ',
  unspecified: 'chưa ghi căn cứ',
};

export function causeVi(cause: string): string {
  return cause
    .split('+')
    .map((g) => GROUND_VI[g] ?? g)
    .join('; ');
}

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };

function header(ws: ExcelJS.Worksheet, cells: string[]) {
  const row = ws.addRow(cells);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.height = 32;
  row.eachCell({ includeEmpty: true }, (c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    c.border = BORDER;
  });
}

function body(ws: ExcelJS.Worksheet, cells: (string | number)[], bold = false) {
  const row = ws.addRow(cells.map((c) => (typeof c === 'string' ? neutraliseCell(c) : c)));
  row.eachCell({ includeEmpty: true }, (c) => {
    c.border = BORDER;
  });
  if (bold) row.font = { bold: true };
  return row;
}

function titled(wb: ExcelJS.Workbook, name: string, title: string, report: ScreeningReport, today: string, widths: number[]) {
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = widths.map((width) => ({ width }));
  const t = ws.addRow([title]);
  t.font = { bold: true, size: 14 };
  ws.mergeCells(t.number, 1, t.number, widths.length);
  const unit = ws.addRow([neutraliseCell(`Đơn vị: ${report.organization.name} — năm ${report.year}`)]);
  ws.mergeCells(unit.number, 1, unit.number, widths.length);
  ws.addRow([`Theo Kế hoạch 99-KH/HU mục II.4 (rà soát, sàng lọc đảng viên); lập ngày ${formatDateVi(today)}.`]);
  ws.addRow([]);
  return ws;
}

export async function buildScreeningWorkbook(report: ScreeningReport, today: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dangvien';

  const grading = titled(wb, 'Xếp loại', 'KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN (QUY ĐỊNH 366-QĐ/TW)', report, today, [6, 44, 14, 14, 14, 14, 12, 12, 12]);
  header(grading, ['STT', 'Tổ chức cơ sở đảng', 'Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ', 'Chưa có kết quả', 'Miễn đánh giá', 'Số được đánh giá']);
  report.grading.rows.forEach((r, i) =>
    body(grading, [i + 1, r.organization.name, r.excellent, r.good, r.completed, r.notCompleted, r.pending, r.exempted, r.graded]),
  );
  const g = report.grading.totals;
  body(grading, ['', 'Cộng', g.excellent, g.good, g.completed, g.notCompleted, g.pending, g.exempted, g.graded], true);

  const byRule = titled(wb, 'Theo quy định', 'KẾT QUẢ RÀ SOÁT ĐẢNG VIÊN THEO QUY ĐỊNH', report, today, [6, 12, 52, 10, 10, 10, 12, 12, 12, 12]);
  header(byRule, ['STT', 'Quy định', 'Nội dung', 'Số phát hiện', 'Chưa xem xét', 'Quá hạn', 'Lập hồ sơ đưa ra khỏi Đảng', 'Đề nghị kỷ luật', 'Giáo dục 12 tháng', 'Không xử lý (có lý do)']);
  report.flagsByRule.forEach((r, i) =>
    body(byRule, [i + 1, r.ruleId, KIND_VI[r.kind], r.raised, r.open, r.overdue, r.removalCase, r.disciplineReferral, r.educationPlan, r.noAction]),
  );
  const s = (k: 'raised' | 'open' | 'overdue' | 'removalCase' | 'disciplineReferral' | 'educationPlan' | 'noAction') => report.flagsByRule.reduce((a, r) => a + r[k], 0);
  body(byRule, ['', '', 'Cộng', s('raised'), s('open'), s('overdue'), s('removalCase'), s('disciplineReferral'), s('educationPlan'), s('noAction')], true);

  const removals = titled(wb, 'Đưa ra khỏi Đảng', 'ĐẢNG VIÊN ĐƯA RA KHỎI ĐẢNG THEO HÌNH THỨC VÀ NGUYÊN NHÂN', report, today, [6, 20, 50, 10, 12, 12, 14, 10]);
  header(removals, ['STT', 'Hình thức', 'Nguyên nhân', 'Số hồ sơ', 'Đã quyết định', 'Đang xem xét', 'Không đưa ra', 'Rút hồ sơ']);
  report.removalsByForm.forEach((r, i) => body(removals, [i + 1, FORM_VI[r.form], causeVi(r.cause), r.opened, r.removed, r.pending, r.notRemoved, r.withdrawn]));

  const orgs = titled(wb, 'Theo tổ chức', 'KẾT QUẢ RÀ SOÁT, SÀNG LỌC THEO TỔ CHỨC ĐẢNG', report, today, [6, 44, 12, 12, 14, 10, 14, 10, 12]);
  header(orgs, ['STT', 'Tổ chức đảng', 'Số phát hiện', 'Chưa xem xét', 'Không xử lý (có lý do)', 'Xóa tên', 'Cho ra khỏi Đảng', 'Khai trừ', 'Đang xem xét']);
  report.byOrganization.forEach((r, i) =>
    body(orgs, [i + 1, r.organization.name, r.flagsRaised, r.flagsOpen, r.flagsNoAction, r.struckOff, r.released, r.expelled, r.removalsPending]),
  );

  return Buffer.from(await wb.xlsx.writeBuffer());
}
