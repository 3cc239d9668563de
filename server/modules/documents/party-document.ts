import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
} from 'docx';
import { parseIsoDate, type IsoDate } from '../../../common/rules/iso-date.ts';

/**
 * A party document laid out as Hướng dẫn 36-HD/VPTW (2018) asks (domain.md "How a party document looks"):
 * issuer block top left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date top right, the kind and subject as
 * the title, legal grounds then numbered content, recipients bottom left and the signature block bottom right.
 */
export interface PartyDocumentSpec {
  /** The superior organization, e.g. 'ĐẢNG BỘ XÃ LẠC DƯƠNG'. */
  superior: string;
  /** The issuing body, bold, e.g. 'CHI BỘ THÔN BON ĐƯNG'. */
  issuer: string;
  /** 'Số 05-NQ/CB' (sequence – kind / issuer). */
  number: string;
  place: string;
  date: IsoDate;
  /** 'NGHỊ QUYẾT', 'QUYẾT ĐỊNH', 'GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG' … */
  kind: string;
  subject: string;
  /** 'Căn cứ …' lines, italic. */
  grounds?: string[];
  /** A lead sentence after the grounds, e.g. 'BAN THƯỜNG VỤ ĐẢNG ỦY QUYẾT ĐỊNH:' (bold, centred). */
  lead?: string;
  sections: { heading?: string; paragraphs: string[] }[];
  recipients: string[];
  signature: { onBehalfOf?: string; title: string; name: string };
}

const FONT = 'Times New Roman';
const SIZE = 28; // 14 pt, in half-points
const MM = 56.7; // twips per millimetre

const run = (text: string, o: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? SIZE, bold: o.bold, italics: o.italics, underline: o.underline ? { type: UnderlineType.SINGLE } : undefined });

const centred = (...runs: TextRun[]) => new Paragraph({ alignment: AlignmentType.CENTER, children: runs });

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

function twoColumns(left: Paragraph[], right: Paragraph[], leftPercent = 45): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: leftPercent, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: 100 - leftPercent, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: right }),
        ],
      }),
    ],
  });
}

/** 'Lạc Dương, ngày 30 tháng 9 năm 2019' — days and months below 10 are written with a leading zero for 1–2 (36-HD/VPTW §). */
export function vietnameseDateLine(place: string, date: IsoDate): string {
  const { y, m, d } = parseIsoDate(date);
  const day = d < 10 ? `0${d}` : String(d);
  const month = m < 3 ? `0${m}` : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

export function buildPartyDocument(spec: PartyDocumentSpec): Document {
  const header = twoColumns(
    [centred(run(spec.superior.toUpperCase())), centred(run(spec.issuer.toUpperCase(), { bold: true })), centred(run('*')), centred(run(spec.number))],
    [centred(run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true })), centred(run('')), centred(run(vietnameseDateLine(spec.place, spec.date), { italics: true }))],
  );
  const body: Paragraph[] = [
    new Paragraph({ children: [] }),
    centred(run(spec.kind.toUpperCase(), { bold: true, size: 32 })),
    centred(run(spec.subject, { bold: true })),
    centred(run('-----')),
    ...(spec.grounds ?? []).map((g) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 10 * MM }, children: [run(g, { italics: true })] })),
    ...(spec.lead ? [centred(run(spec.lead, { bold: true }))] : []),
    ...spec.sections.flatMap((s) => [
      ...(s.heading ? [new Paragraph({ spacing: { before: 120 }, indent: { firstLine: 10 * MM }, children: [run(s.heading, { bold: true })] })] : []),
      ...s.paragraphs.map((p) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 10 * MM }, spacing: { after: 60 }, children: [run(p)] })),
    ]),
    new Paragraph({ children: [] }),
  ];
  const footer = twoColumns(
    [
      new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, underline: true, size: 24 })] }),
      ...spec.recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: 22 })] })),
    ],
    [
      ...(spec.signature.onBehalfOf ? [centred(run(spec.signature.onBehalfOf.toUpperCase(), { bold: true }))] : []),
      centred(run(spec.signature.title.toUpperCase(), { bold: true })),
      centred(run('')),
      centred(run('')),
      centred(run('')),
      centred(run(spec.signature.name, { bold: true })),
    ],
    50,
  );
  return new Document({
    creator: 'dangvien',
    title: `${spec.kind} ${spec.number}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 210 * MM, height: 297 * MM },
            margin: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM },
          },
        },
        children: [header, ...body, footer],
      },
    ],
  });
}

export function renderPartyDocument(spec: PartyDocumentSpec): Promise<Buffer> {
  return Packer.toBuffer(buildPartyDocument(spec));
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266), for Vietnamese file names. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
