import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DOCUMENT_KINDS, type GENERATED_DOCUMENTS } from '../../../common/contracts/admission.contract.ts';
import { DomainError, fieldError } from '../../../common/errors.ts';
import type { AdmissionDecision, Ceremony, RecognitionDecision } from '../../../common/rules/admission-workflow.ts';
import { formatDateVi, todayInVietnam, type IsoDate } from '../../../common/rules/iso-date.ts';
import { ETHNICITIES, RELIGIONS } from '../../../common/rules/ethnicities.ts';
import type { Db } from '../../db/create-db.ts';
import { lockAuditChain } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { appendAudit, appendAuditAlone } from '../audit/audit.repo.ts';
import { renderPartyDocument, type PartyDocumentSpec } from '../documents/party-document.ts';
import { ancestorChainAsOf } from '../organizations/organizations.repo.ts';
import { docOf, loadFacts, parseAction } from './admission.facts.ts';
import * as repo from './admission.repo.ts';

// Scans uploaded for a case (security.md "Files": size cap, magic bytes) and the Word documents generated from the
// case's data (domain.md "How a party document looks"; renderPartyDocument lays them out).

type Ctx = RequestContext & { actor: Actor };

/** The cap of security.md (the multipart plugin enforces the same limit while streaming). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** What a file is, from its first bytes; the name and the client's Content-Type are never trusted. */
export function sniffMime(buf: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (buf.length >= 5 && buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

const EXTENSION: Record<string, string> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png' };

/** A file name safe to store and send back: no path, no control characters, at most 120 characters, the real extension. */
export function safeFileName(name: string, mime: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim()
    .slice(0, 110);
  return `${base || 'tai-lieu'}${EXTENSION[mime] ?? ''}`;
}

/** Checked before an upload is read, so a caller outside scope never gets to send 10 MB for a 404. */
export async function assertCaseInScope(db: Db, ctx: Ctx, id: number): Promise<void> {
  if (!(await repo.findCaseInScope(db, ctx.actor, id))) throw new DomainError('NOT_FOUND');
}

export async function uploadDocument(
  db: Db,
  ctx: Ctx,
  id: number,
  q: { step: string; kind: (typeof DOCUMENT_KINDS)[number] },
  file: { filename: string; buffer: Buffer },
): Promise<{ id: number; mime: string; size: number; sha256: string; fileName: string }> {
  if (file.buffer.length > MAX_UPLOAD_BYTES) throw fieldError('file', 'file_too_large', { maxBytes: MAX_UPLOAD_BYTES });
  const mime = sniffMime(file.buffer);
  if (!mime) throw fieldError('file', 'file_type_not_allowed', { allowed: 'PDF, JPEG, PNG' });
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  const fileName = safeFileName(file.filename, mime);
  return db.transaction().execute(async (trx) => {
    await lockAuditChain(trx);
    const kase = await repo.findCaseInScope(trx, ctx.actor, id);
    if (!kase) throw new DomainError('NOT_FOUND');
    const row = await repo.insertDocument(trx, {
      case_id: id,
      step: q.step,
      kind: q.kind,
      file_name: fileName,
      mime,
      size: file.buffer.length,
      sha256,
      content_base64: file.buffer.toString('base64'),
      uploaded_by_user_id: ctx.actor.userId,
      uploaded_at: ctx.now.toISOString(),
    });
    await appendAudit(trx, ctx, { action: 'admission.upload', objectType: 'admission_document', objectId: row.id, changedFields: ['file'] });
    return { id: row.id, mime, size: file.buffer.length, sha256, fileName };
  });
}

export async function downloadDocument(db: Db, ctx: Ctx, id: number, documentId: number) {
  const kase = await repo.findCaseInScope(db, ctx.actor, id);
  if (!kase) throw new DomainError('NOT_FOUND');
  const doc = await repo.findDocument(db, id, documentId);
  if (!doc) throw new DomainError('NOT_FOUND');
  await appendAuditAlone(db, ctx, { action: 'admission.document_read', objectType: 'admission_document', objectId: documentId });
  return { fileName: doc.file_name, mime: doc.mime, buffer: Buffer.from(doc.content_base64, 'base64') };
}

// ---------------------------------------------------------------- Word documents

type Q = Kysely<Database>;

/** The committee of a party organization as it signs ('Đảng bộ xã Lạc Dương' → 'Đảng ủy xã Lạc Dương'; 'Đảng bộ tỉnh X' → 'Tỉnh ủy X'). */
export function committeeName(kind: string, name: string): string {
  const m = /^đảng bộ\s+(.*)$/i.exec(name.trim());
  if (!m) return name;
  const rest = m[1];
  if (kind === 'provincial_committee' && /^tỉnh\s+/i.test(rest)) return `Tỉnh ủy ${rest.replace(/^tỉnh\s+/i, '')}`;
  if (kind === 'district_committee' && /^huyện\s+/i.test(rest)) return `Huyện ủy ${rest.replace(/^huyện\s+/i, '')}`;
  return `Đảng ủy ${rest}`;
}

/** The issuer code of a document number (Số 05-NQ/CB, 12-QĐ/ĐU …). */
function issuerCode(kind: string): string {
  if (kind === 'provincial_committee') return 'TU';
  if (kind === 'district_committee') return 'HU';
  if (kind === 'cell' || kind === 'grassroots_cell') return 'CB';
  return 'ĐU';
}

const numberLine = (number: string | null | undefined, kind: 'NQ' | 'QĐ', issuer: string) => (number ? `Số ${number}` : `Số        -${kind}/${issuer}`);

async function organizationsOn(db: Q, organizationId: number, date: IsoDate) {
  const chain = await ancestorChainAsOf(db, organizationId, date);
  const self = chain[0] ?? null;
  const parent = chain[1] ?? null;
  return { self, parent };
}

const ethnicityName = (code: string) => ETHNICITIES.find((e) => e.code === code)?.name ?? code;
const religionName = (code: string) => RELIGIONS.find((r) => r.code === code)?.label ?? code;
const percent = (a: number, b: number) => (b > 0 ? `${((a * 100) / b).toFixed(1).replace('.', ',')}%` : '—');

type Signer = { title: string; name: string } | null;

export async function generateDocument(db: Db, ctx: Ctx, id: number, which: (typeof GENERATED_DOCUMENTS)[number]): Promise<{ fileName: string; buffer: Buffer }> {
  const kase = await repo.findCaseInScope(db, ctx.actor, id);
  if (!kase) throw new DomainError('NOT_FOUND');
  const today = todayInVietnam(ctx.now);
  const { facts, decisions, admissionTree } = await loadFacts(db, kase, { today });
  const votes = await repo.listVotes(db, id);
  const person = kase.full_name;
  const personLine = `quần chúng ${person}, sinh ngày ${formatDateVi(kase.birth_date)}; quê quán: ${kase.hometown ?? '…'}; dân tộc: ${ethnicityName(kase.ethnicity_code)}; tôn giáo: ${religionName(kase.religion_code)}; nghề nghiệp: ${kase.occupation ?? '…'}`;
  const metaOf = (type: string) => {
    for (let i = decisions.length - 1; i >= 0; i--) if (decisions[i].action_type === type) return (parseAction(decisions[i].action).meta ?? {}) as { signer?: Signer };
    return {};
  };
  let spec: PartyDocumentSpec;
  let fileName: string;

  if (which === 'cell-resolution') {
    const vote = [...votes].reverse().find((v) => v.kind === 'cell_admission');
    if (!vote || !facts.cellResolution) throw new DomainError('NOT_FOUND');
    const { self, parent } = await organizationsOn(db, kase.cell_id, vote.meeting_date);
    const doc = docOf(vote.document);
    const signer = (metaOf('cell_resolution').signer ?? null) as Signer;
    const roll = (vote.roll ? JSON.parse(vote.roll) : []) as { standing: string; temporarilyTransferredOut: boolean; exempted: boolean; attended: boolean }[];
    const probationary = roll.filter((r) => r.standing === 'probationary').length;
    spec = {
      superior: parent?.name ?? '',
      issuer: self?.name ?? kase.cell_name,
      number: numberLine(doc?.number, 'NQ', 'CB'),
      place: kase.place,
      date: vote.meeting_date,
      kind: 'Nghị quyết',
      subject: `Đề nghị kết nạp đảng viên`,
      grounds: [
        'Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
        'Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng và Hướng dẫn số 06-HD/TW ngày 09/6/2025 của Ban Bí thư về một số vấn đề cụ thể thi hành Điều lệ Đảng;',
        `Căn cứ đơn xin vào Đảng${facts.applicationDate ? ` ngày ${formatDateVi(facts.applicationDate)}` : ''}, lý lịch của người xin vào Đảng, ý kiến nhận xét của các tổ chức đoàn thể và chi ủy nơi cư trú, kết quả thẩm tra lý lịch và giấy giới thiệu của đảng viên chính thức;`,
      ],
      sections: [
        { paragraphs: [`Ngày ${formatDateVi(vote.meeting_date)}, ${self?.name ?? kase.cell_name} họp xét đề nghị kết nạp ${personLine}, vào Đảng.`] },
        {
          heading: 'I. KẾT QUẢ BIỂU QUYẾT',
          paragraphs: [
            `Tổng số đảng viên của chi bộ: ${vote.official_count + probationary} đồng chí, trong đó đảng viên chính thức: ${vote.official_count} đồng chí, đảng viên dự bị: ${probationary} đồng chí.`,
            `Số đảng viên chính thức được tính để biểu quyết (không tính đảng viên chuyển sinh hoạt tạm thời và đảng viên được miễn sinh hoạt vắng mặt): ${vote.base} đồng chí; có mặt: ${vote.present_count} đồng chí.`,
            `Số đảng viên chính thức tán thành việc kết nạp: ${vote.approve}/${vote.base} đồng chí, đạt ${percent(vote.approve, vote.base)}; không tán thành: ${vote.reject} đồng chí${vote.abstain ? `; không biểu quyết: ${vote.abstain} đồng chí` : ''}.`,
          ],
        },
        {
          heading: 'II. CHI BỘ QUYẾT NGHỊ',
          paragraphs: [
            vote.threshold_met === 1
              ? `Đề nghị ${admissionTree.admissionBody ? `Ban Thường vụ ${committeeName(admissionTree.admissionBody.kind, admissionTree.admissionBody.name)}` : 'cấp ủy có thẩm quyền'} xem xét, quyết định kết nạp ${personLine}, vào Đảng Cộng sản Việt Nam.`
              : `Số đảng viên chính thức tán thành chưa đạt hai phần ba (2/3); chi bộ chưa đề nghị kết nạp quần chúng ${person}.`,
          ],
        },
      ],
      recipients: [`${parent ? committeeName(parent.kind, parent.name) : 'Cấp ủy cấp trên'} (để báo cáo)`, 'Lưu chi bộ'],
      signature: { onBehalfOf: 'T/M Chi bộ', title: signer?.title ?? 'Bí thư', name: signer?.name ?? '' },
    };
    fileName = `Nghị quyết đề nghị kết nạp - ${person}.docx`;
  } else if (which === 'admission-decision') {
    const d = facts.decision as AdmissionDecision | null;
    if (!d?.admitted) throw new DomainError('NOT_FOUND');
    const { self, parent } = await organizationsOn(db, d.decidingOrganizationId, d.date);
    const signer = (metaOf('decision').signer ?? null) as Signer;
    const cellVote = facts.cellResolution;
    const cellDoc = cellVote?.document;
    const body = self ? committeeName(self.kind, self.name) : '';
    const cellName = kase.cell_name;
    spec = {
      superior: parent?.name ?? '',
      issuer: body,
      number: numberLine(d.document?.number, 'QĐ', issuerCode(self?.kind ?? '')),
      place: kase.place,
      date: d.date,
      kind: 'Quyết định',
      subject: 'Kết nạp đảng viên',
      grounds: [
        'Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
        'Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;',
        'Căn cứ Hướng dẫn số 06-HD/TW ngày 09/6/2025 của Ban Bí thư về một số vấn đề cụ thể thi hành Điều lệ Đảng;',
        `Xét Nghị quyết${cellDoc?.number ? ` số ${cellDoc.number}` : ''}${cellVote ? ` ngày ${formatDateVi(cellVote.meetingDate)}` : ''} của ${cellName} đề nghị kết nạp đảng viên${facts.grassrootsResolution ? ` và Nghị quyết${facts.grassrootsResolution.document?.number ? ` số ${facts.grassrootsResolution.document.number}` : ''} ngày ${formatDateVi(facts.grassrootsResolution.date)} của đảng ủy cơ sở` : ''};`,
        'Xét đề nghị của Ban Tổ chức,',
      ],
      lead: `BAN THƯỜNG VỤ ${body.toUpperCase()} QUYẾT ĐỊNH:`,
      sections: [
        {
          paragraphs: [
            `Điều 1. Kết nạp ${personLine}, vào Đảng Cộng sản Việt Nam. Tuổi đảng của đồng chí ${person} được tính từ ngày ${formatDateVi(d.date)}, ngày ký quyết định này.`,
            `Điều 2. ${cellName} tổ chức lễ kết nạp cho đồng chí ${person} trong thời hạn 30 ngày làm việc kể từ ngày nhận được quyết định; thời gian dự bị của đồng chí là 12 tháng kể từ ngày tổ chức lễ kết nạp.`,
            `Điều 3. Ban Tổ chức, ${cellName} và đồng chí ${person} chịu trách nhiệm thi hành Quyết định này.`,
          ],
        },
      ],
      recipients: [cellName, 'Như Điều 3', `Lưu Văn phòng ${body}`],
      signature: { onBehalfOf: 'T/M Ban Thường vụ', title: signer?.title ?? 'Bí thư', name: signer?.name ?? '' },
    };
    fileName = `Quyết định kết nạp đảng viên - ${person}.docx`;
  } else {
    const d = facts.recognitionDecision as RecognitionDecision | null;
    const ceremony = facts.ceremony as Ceremony | null;
    if (!d?.recognized || !ceremony || !facts.decision) throw new DomainError('NOT_FOUND');
    const { self, parent } = await organizationsOn(db, d.decidingOrganizationId, d.date);
    const signer = (metaOf('recognition_decision').signer ?? null) as Signer;
    const dueDates = JSON.parse(kase.due_dates || '{}') as { officialOn?: string; probationEnd?: string };
    const officialOn = kase.official_date ?? dueDates.officialOn ?? '';
    const vote = facts.recognitionVote;
    const body = self ? committeeName(self.kind, self.name) : '';
    spec = {
      superior: parent?.name ?? '',
      issuer: body,
      number: numberLine(d.document?.number, 'QĐ', issuerCode(self?.kind ?? '')),
      place: kase.place,
      date: d.date,
      kind: 'Quyết định',
      subject: 'Công nhận đảng viên chính thức',
      grounds: [
        'Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
        'Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;',
        `Xét Nghị quyết${vote?.document?.number ? ` số ${vote.document.number}` : ''}${vote ? ` ngày ${formatDateVi(vote.meetingDate)}` : ''} của ${kase.cell_name} đề nghị công nhận đảng viên chính thức,`,
      ],
      lead: `BAN THƯỜNG VỤ ${body.toUpperCase()} QUYẾT ĐỊNH:`,
      sections: [
        {
          paragraphs: [
            `Điều 1. Công nhận đồng chí ${person}, sinh ngày ${formatDateVi(kase.birth_date)}, kết nạp vào Đảng ngày ${formatDateVi(ceremony.date)}, là đảng viên chính thức kể từ ngày ${officialOn ? formatDateVi(officialOn) : '…'}. Tuổi đảng của đồng chí được tính từ ngày ${formatDateVi(facts.decision.date)}.`,
            `Điều 2. Ban Tổ chức, ${kase.cell_name} và đồng chí ${person} chịu trách nhiệm thi hành Quyết định này.`,
          ],
        },
      ],
      recipients: [kase.cell_name, 'Như Điều 2', `Lưu Văn phòng ${body}`],
      signature: { onBehalfOf: 'T/M Ban Thường vụ', title: signer?.title ?? 'Bí thư', name: signer?.name ?? '' },
    };
    fileName = `Quyết định công nhận đảng viên chính thức - ${person}.docx`;
  }
  const buffer = await renderPartyDocument(spec);
  await appendAuditAlone(db, ctx, { action: 'admission.generate_document', objectType: 'admission_case', objectId: id, changedFields: [which] });
  return { fileName, buffer };
}
