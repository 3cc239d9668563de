import ExcelJS from 'exceljs';
import type { GradingCycleStatus, GradingReport } from '../../../common/contracts/grading.contract.ts';
import { formatDateVi } from '../../../common/rules/iso-date.ts';
import { neutraliseCell } from '../training/training.export.ts';

// The yearly grading figures as an .xlsx file (exceljs; never the npm `xlsx` package — architecture.md, Stack): the
// table of the yearly report on Kế hoạch 99 (members graded at each level per grassroots organization). Every text
// taken from the database passes neutraliseCell (formula injection, security.md item 13).

const STATUS_VI: Record<GradingCycleStatus, string> = {
  open: 'Đang chuẩn bị',
  self_assessment: 'Đảng viên tự đánh giá',
  cell_proposal: 'Chi bộ đề xuất',
  committee_decision: 'Cấp ủy quyết định',
  closed: 'Đã tổng hợp',
};

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };

export async function buildReportWorkbook(report: GradingReport, today: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dangvien';
  const ws = wb.addWorksheet('Xếp loại đảng viên', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const text = (v: string) => neutraliseCell(v);
  const COLS = 14;

  ws.columns = [
    { key: 'no', width: 6 },
    { key: 'org', width: 40 },
    { key: 'status', width: 20 },
    { key: 'graded', width: 11 },
    { key: 'ex', width: 9 },
    { key: 'exp', width: 8 },
    { key: 'good', width: 9 },
    { key: 'goodp', width: 8 },
    { key: 'done', width: 9 },
    { key: 'donep', width: 8 },
    { key: 'nc', width: 9 },
    { key: 'ncp', width: 8 },
    { key: 'pending', width: 11 },
    { key: 'exempt', width: 13 },
  ];

  const title = ws.addRow([`KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM ${report.year}`]);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  ws.mergeCells(title.number, 1, title.number, COLS);
  const unit = ws.addRow([text(`Đơn vị: ${report.organization.name}`)]);
  ws.mergeCells(unit.number, 1, unit.number, COLS);
  ws.addRow([`Theo Quy định 366-QĐ/TW; lập ngày ${formatDateVi(today)}. Tỷ lệ tính trên số đảng viên được xếp loại; đảng viên được miễn đánh giá không tính (R-GRD-02).`]);
  ws.addRow([]);

  const head1 = ws.addRow(['STT', 'Tổ chức cơ sở đảng', 'Tiến độ', 'Số được xếp loại', 'Hoàn thành xuất sắc nhiệm vụ', '', 'Hoàn thành tốt nhiệm vụ', '', 'Hoàn thành nhiệm vụ', '', 'Không hoàn thành nhiệm vụ', '', 'Chưa quyết định', 'Miễn đánh giá (R-GRD-02)']);
  const head2 = ws.addRow(['', '', '', '', 'Số', '%', 'Số', '%', 'Số', '%', 'Số', '%', '', '']);
  for (const c of [1, 2, 3, 4, 13, 14]) ws.mergeCells(head1.number, c, head2.number, c);
  for (const c of [5, 7, 9, 11]) ws.mergeCells(head1.number, c, head1.number, c + 1);
  for (const row of [head1, head2]) {
    row.font = { bold: true };
    row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    row.eachCell({ includeEmpty: true }, (c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      c.border = BORDER;
    });
  }
  head1.height = 32;

  const share = (n: number, of: number) => (of > 0 ? n / of : null);
  const line = (no: number | string, name: string, status: string, r: GradingReport['totals']) => {
    const row = ws.addRow([
      no,
      name,
      status,
      r.graded,
      r.excellent,
      share(r.excellent, r.graded),
      r.good,
      share(r.good, r.graded),
      r.completed,
      share(r.completed, r.graded),
      r.notCompleted,
      share(r.notCompleted, r.graded),
      r.pending,
      r.exempted,
    ]);
    for (const c of [6, 8, 10, 12]) row.getCell(c).numFmt = '0.0%';
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = BORDER;
    });
    return row;
  };
  report.rows.forEach((r, i) => line(i + 1, text(r.organization.name), STATUS_VI[r.status], r));
  const total = line('', 'Tổng cộng', '', report.totals);
  total.font = { bold: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
