import ExcelJS from 'exceljs';
import type { CollectionSheet } from '../../../common/contracts/dues.contract.ts';
import { formatDateVi } from '../../../common/rules/iso-date.ts';

// A cell's monthly collection sheet as .xlsx (exceljs; never the npm `xlsx` package — architecture.md, Stack), laid out
// like the paper sheet a cell's treasurer keeps: members in name order, the amount owed, paid, balance and a signature.

/**
 * Formula injection (security.md item 13; ASVS 1.2.10): a text cell starting with = + - @ tab, CR or NUL would be read
 * as a formula by spreadsheet programs once edited or saved as CSV; a leading apostrophe keeps it text.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value;
}

/** Money cells: integer VND shown as 1.234.567 (the format code's comma is the thousands separator of the reader's locale). */
const VND_FORMAT = '#,##0';
const THIN = { style: 'thin' } as const;
const BOX = { top: THIN, bottom: THIN, left: THIN, right: THIN };

export async function buildCollectionWorkbook(sheet: CollectionSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dangvien';
  const [y, m] = [sheet.month.slice(0, 4), sheet.month.slice(5, 7)];
  const ws = wb.addWorksheet(`Tháng ${m}-${y}`, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  });
  const text = (v: string | null | undefined) => (v == null ? '' : neutraliseCell(v));
  ws.columns = [
    { key: 'no', width: 6 },
    { key: 'name', width: 30 },
    { key: 'birth', width: 12 },
    { key: 'expected', width: 14 },
    { key: 'paid', width: 14 },
    { key: 'balance', width: 14 },
    { key: 'note', width: 22 },
    { key: 'sign', width: 16 },
  ];

  const head = ws.addRow([text(sheet.parent ? sheet.parent.name.toUpperCase() : ''), '', '', '', 'ĐẢNG CỘNG SẢN VIỆT NAM']);
  head.font = { bold: true };
  ws.mergeCells(head.number, 1, head.number, 4);
  ws.mergeCells(head.number, 5, head.number, 8);
  head.getCell(5).alignment = { horizontal: 'center' };
  const cellRow = ws.addRow([text(sheet.organization.name.toUpperCase())]);
  cellRow.font = { bold: true };
  ws.mergeCells(cellRow.number, 1, cellRow.number, 4);
  ws.addRow([]);
  const title = ws.addRow([`DANH SÁCH THU ĐẢNG PHÍ THÁNG ${m}/${y}`]);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  ws.mergeCells(title.number, 1, title.number, 8);
  if (sheet.ruleSetSource) {
    const src = ws.addRow([text(`Mức đóng tính theo ${sheet.ruleSetSource}`)]);
    src.font = { italic: true, size: 10 };
    src.alignment = { horizontal: 'center' };
    ws.mergeCells(src.number, 1, src.number, 8);
  }
  ws.addRow([]);

  const header = ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Mức đóng (đồng)', 'Đã đóng (đồng)', 'Còn thiếu (đồng)', 'Ghi chú', 'Ký nhận']);
  header.font = { bold: true };
  header.height = 32;
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    c.border = BOX;
  });

  sheet.rows.forEach((r, i) => {
    const note =
      r.exempt !== null
        ? 'Miễn đóng'
        : r.reductionPercent !== null
          ? `Giảm ${r.reductionPercent}%`
          : r.expectedVnd === null
            ? 'Chưa có mức đóng'
            : r.monthsInArrearsBefore > 0
              ? `Nợ ${r.monthsInArrearsBefore} tháng trước`
              : '';
    const row = ws.addRow([i + 1, text(r.fullName), formatDateVi(r.birthDate), r.expectedVnd, r.paidVnd, r.balanceVnd === null ? null : Math.max(0, r.balanceVnd), note, '']);
    row.height = 22;
    for (const col of [4, 5, 6]) row.getCell(col).numFmt = VND_FORMAT;
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = BOX;
      c.alignment = { vertical: 'middle', ...(Number(c.col) === 1 ? { horizontal: 'center' } : {}) };
    });
  });

  const total = ws.addRow(['', 'Cộng', '', sheet.totals.expectedVnd, sheet.totals.paidVnd, sheet.totals.outstandingVnd, `${sheet.totals.paidInFull}/${sheet.totals.owing} đóng đủ`, '']);
  total.font = { bold: true };
  for (const col of [4, 5, 6]) total.getCell(col).numFmt = VND_FORMAT;
  total.eachCell({ includeEmpty: true }, (c) => {
    c.border = BOX;
  });

  ws.addRow([]);
  const signs = ws.addRow(['', 'NGƯỜI THU', '', '', '', 'T/M CHI ỦY']);
  signs.font = { bold: true };
  signs.alignment = { horizontal: 'center' };
  ws.mergeCells(signs.number, 2, signs.number, 3);
  ws.mergeCells(signs.number, 6, signs.number, 8);
  const hint = ws.addRow(['', '(Ký, ghi rõ họ tên)', '', '', '', 'BÍ THƯ']);
  hint.alignment = { horizontal: 'center' };
  hint.font = { italic: true };
  ws.mergeCells(hint.number, 2, hint.number, 3);
  ws.mergeCells(hint.number, 6, hint.number, 8);
  ws.addRow([`Lập ngày ${formatDateVi(sheet.asOf)}`]).font = { italic: true, size: 9 };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
