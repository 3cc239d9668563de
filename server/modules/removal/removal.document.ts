import { z } from 'zod';
import { DomainError } from '../../../common/errors.ts';
import { formatDateVi, todayInVietnam } from '../../../common/rules/iso-date.ts';
import type { Db } from '../../db/create-db.ts';
import { appendAuditAlone } from '../audit/audit.repo.ts';
import { committeeName } from '../admission/admission.documents.ts';
import { renderPartyDocument, type PartyDocumentSpec } from '../documents/party-document.ts';
import * as repo from './removal.repo.ts';
import { type Ctx, competentBodyOn } from './removal.service.ts';

// The decision of the competent body as a Word document in the party layout (domain.md "How a party document looks";
// Hướng dẫn 36-HD/VPTW): QUYẾT ĐỊNH xóa tên / cho ra khỏi Đảng / khai trừ. Before the decision is recorded it is a
// draft for signing, with the number left blank; after, it carries the recorded number, date and signer.

const SUBJECT = {
  struck_off: 'về việc xóa tên đảng viên',
  released: 'về việc cho ra khỏi Đảng',
  expelled: 'về việc thi hành kỷ luật khai trừ ra khỏi Đảng',
} as const;

const GROUND_TEXT: Record<string, string> = {
  missed_activities: 'tự ý bỏ sinh hoạt đảng 3 tháng trong năm không có lý do chính đáng',
  unpaid_dues: 'không đóng đảng phí 3 tháng trong năm không có lý do chính đáng',
  card_returned_or_destroyed: 'tự ý trả thẻ đảng viên hoặc hủy thẻ đảng viên',
  no_progress_after_education: 'không tiến bộ sau 12 tháng chi bộ giáo dục',
  not_completed_two_years: 'vi phạm tư cách đảng viên, 2 năm liền không hoàn thành nhiệm vụ',
  political_standard_failed: 'không bảo đảm tiêu chuẩn chính trị',
  probation_not_qualified: 'không đủ tư cách đảng viên khi xét công nhận đảng viên chính thức',
};

function issuerCode(kind: string): string {
  if (kind === 'provincial_committee') return 'TU';
  if (kind === 'district_committee') return 'HU';
  if (kind === 'cell' || kind === 'grassroots_cell') return 'CB';
  return 'ĐU';
}

const ZVote = z.object({ meetingDate: z.string(), approve: z.number(), base: z.object({ base: z.number() }) });

export async function generateDecisionDocument(db: Db, ctx: Ctx, id: number): Promise<{ fileName: string; buffer: Buffer }> {
  const k = await repo.findCaseInScope(db, ctx.actor, id);
  if (!k) throw new DomainError('NOT_FOUND');
  if (!['decision', 'card_collection', 'removed'].includes(k.status)) throw new DomainError('INVALID_STATUS_TRANSITION', { status: k.status, action: 'download_decision' });
  const date = k.decided_on ?? todayInVietnam(ctx.now);
  const { body, parent, chain } = await competentBodyOn(db, k.organization_id, date);
  const cell = chain[0];
  const issuerName = body ? committeeName(body.kind, body.name) : 'Cấp ủy có thẩm quyền';
  const superior = parent ? parent.name : body?.name ?? '';
  const form = k.form as keyof typeof SUBJECT;
  const vote = (() => {
    try {
      const r = ZVote.safeParse(JSON.parse(k.vote ?? 'null'));
      return r.success ? r.data : null;
    } catch {
      return null;
    }
  })();
  let grounds: string[] = [];
  try {
    grounds = (JSON.parse(k.grounds) as string[]).map((g) => GROUND_TEXT[g] ?? g);
  } catch {
    grounds = [];
  }
  const who = `đồng chí ${k.full_name}, sinh ngày ${formatDateVi(k.birth_date)}, đảng viên ${cell?.name ?? k.organization_name}`;
  const legal = [
    'Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
    'Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;',
  ];
  if (form === 'expelled') legal.push('Căn cứ Quy định của Ban Chấp hành Trung ương về xử lý kỷ luật tổ chức đảng, đảng viên vi phạm;');
  if (form === 'released' && k.requested_on) legal.push(`Xét đơn xin ra khỏi Đảng của ${who} ngày ${formatDateVi(k.requested_on)}${k.request_ref ? ` (${k.request_ref})` : ''};`);
  if (vote) {
    legal.push(`Xét đề nghị của ${cell?.name ?? k.organization_name} tại cuộc họp ngày ${formatDateVi(vote.meetingDate)} (${vote.approve}/${vote.base.base} đảng viên chính thức tán thành);`);
  }
  if (form === 'expelled' && k.discipline_decision_ref) legal.push(`Xét ${k.discipline_decision_ref};`);
  const article1 =
    form === 'struck_off'
      ? `Điều 1. Xóa tên trong danh sách đảng viên đối với ${who}${grounds.length ? `, vì ${grounds.join('; ')}` : ''}.`
      : form === 'released'
        ? `Điều 1. Cho ${who} ra khỏi Đảng theo nguyện vọng của đảng viên.`
        : `Điều 1. Thi hành kỷ luật khai trừ ra khỏi Đảng đối với ${who}.`;
  const articles = [article1];
  // R-MGT-08 (06-QĐ/TW 2026): the card is collected on expulsion or name removal.
  if (form !== 'released') articles.push(`Điều 2. ${cell?.name ?? k.organization_name} có trách nhiệm thu hồi thẻ đảng viên và chuyển hồ sơ đảng viên về cơ quan tổ chức cấp ủy theo quy định.`);
  articles.push(`Điều ${articles.length + 1}. Các cơ quan tham mưu, giúp việc của cấp ủy, ${cell?.name ?? k.organization_name} và đồng chí có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.`);
  const code = issuerCode(body?.kind ?? 'grassroots_committee');
  const spec: PartyDocumentSpec = {
    superior,
    issuer: issuerName,
    number: k.decision_number ? `Số ${k.decision_number}` : `Số        -QĐ/${code}`,
    place: (body?.name ?? '').replace(/^(Đảng bộ|Chi bộ)\s+(xã|phường|thị trấn|huyện|tỉnh|thành phố)?\s*/i, '') || '…',
    date,
    kind: 'QUYẾT ĐỊNH',
    subject: SUBJECT[form],
    grounds: legal,
    lead: `BAN THƯỜNG VỤ ${issuerName.toUpperCase()} QUYẾT ĐỊNH:`,
    sections: [{ paragraphs: articles }],
    recipients: [`Như Điều ${articles.length}`, 'Ban Tổ chức cấp ủy cấp trên', `${cell?.name ?? k.organization_name}`, `Lưu Văn phòng ${issuerName}`],
    signature: { onBehalfOf: 'T/M BAN THƯỜNG VỤ', title: k.decision_signer_title ?? 'BÍ THƯ', name: k.decision_signer_name ?? '' },
  };
  const buffer = await renderPartyDocument(spec);
  await appendAuditAlone(db, ctx, { action: 'removal.decision_document', objectType: 'removal_case', objectId: k.id });
  const formName = { struck_off: 'Xóa tên', released: 'Cho ra khỏi Đảng', expelled: 'Khai trừ' }[form];
  return { fileName: `QĐ ${formName} - ${k.full_name}.docx`, buffer };
}
