import { DomainError } from '../../../common/errors.ts';
import { formatDateVi } from '../../../common/rules/iso-date.ts';
import type { Db } from '../../db/create-db.ts';
import { appendAuditAlone } from '../audit/audit.repo.ts';
import { type PartyDocumentSpec, renderPartyDocument } from '../documents/party-document.ts';
import { ancestorChainAsOf, type ChainLink } from '../organizations/organizations.repo.ts';
import * as repo from './transfers.repo.ts';
import type { Ctx } from './transfers.service.ts';

// The transfer letter (giấy giới thiệu sinh hoạt đảng) as a Word document in the party layout (domain.md "How a party
// document looks"): the letter the member carries to the destination so that it takes the member in (Kế hoạch 99
// II.3), with the R-MGT-05 presentation deadline printed as its validity.

const TRIGGER_TEXT: Record<string, string> = {
  job_change: 'chuyển công tác',
  retirement: 'nghỉ hưu',
  demobilisation: 'xuất ngũ, phục viên',
  long_term_move: 'chuyển nơi cư trú lâu dài',
};

const PURPOSE_TEXT: Record<string, string> = {
  full_time_study: 'đi học tập trung',
  work: 'đi công tác, làm việc',
  other: 'việc riêng',
};

const PLACE_PREFIX = /^(đảng bộ|đảng ủy|đảng uỷ)\s+(xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\s+/i;

/** The committee of a party organization as it signs ('Đảng bộ xã Lạc Dương' → 'Đảng ủy xã Lạc Dương'). */
export function committeeName(kind: string, name: string): string {
  const m = /^đảng bộ\s+(.*)$/i.exec(name.trim());
  if (!m) return name;
  const rest = m[1];
  if (kind === 'provincial_committee' && /^tỉnh\s+/i.test(rest)) return `Tỉnh ủy ${rest.replace(/^tỉnh\s+/i, '')}`;
  if (kind === 'district_committee' && /^huyện\s+/i.test(rest)) return `Huyện ủy ${rest.replace(/^huyện\s+/i, '')}`;
  return `Đảng ủy ${rest}`;
}

/**
 * Who issues the letter for a cell: a grassroots cell (chi bộ cơ sở) issues its own; a cell under a grassroots
 * committee goes through that committee. The superior is the line above the issuer in the header.
 */
export function issuerOf(chain: readonly ChainLink[]): { issuer: string; superior: string; onBehalfOf: string; locality: string } {
  const cell = chain[0];
  const parent = chain[1];
  const grand = chain[2];
  const localOrg = chain.find((o) => ['commune_committee', 'district_committee', 'provincial_committee'].includes(o.kind));
  const localName = localOrg?.name ?? cell?.name ?? '';
  const locality = localName.replace(PLACE_PREFIX, '').trim() || localName;
  if (!cell || cell.kind === 'grassroots_cell' || !parent) {
    return { issuer: cell?.name ?? '', superior: parent?.name ?? '', onBehalfOf: 'T/M Chi ủy', locality };
  }
  return { issuer: committeeName(parent.kind, parent.name), superior: grand?.name ?? '', onBehalfOf: 'T/M Đảng ủy', locality };
}

export function letterFileName(fullName: string, letterNumber: string): string {
  return `Giấy giới thiệu sinh hoạt đảng - ${fullName} - ${letterNumber.replace(/[\\/:*?"<>|]/g, '-')}.docx`;
}

export async function generateLetter(db: Db, ctx: Ctx, id: number): Promise<{ fileName: string; buffer: Buffer }> {
  const t = await repo.findTransferInScope(db, ctx.actor, id);
  // Letters from outside the system were not made here: there is nothing to generate.
  if (!t || t.direction === 'incoming' || t.from_organization_id === null) throw new DomainError('NOT_FOUND');
  const person = await db
    .selectFrom('members as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['p.hometown', 'p.gender', 'm.admission_decision_date', 'm.official_date'])
    .where('m.id', '=', t.member_id)
    .executeTakeFirstOrThrow();
  const on = t.letter_issued_on;
  const from = await ancestorChainAsOf(db, t.from_organization_id, on);
  const fromName = from[0]?.name ?? t.from_name ?? '';
  // A cell under a grassroots committee is named with that committee, as the receiving side files it.
  const toChain = t.direction === 'internal' && t.to_organization_id ? await ancestorChainAsOf(db, t.to_organization_id, on) : [];
  const toName =
    t.direction === 'internal'
      ? toChain[0]
        ? toChain[0].kind === 'cell' && toChain[1]
          ? `${toChain[0].name}, ${toChain[1].name}`
          : toChain[0].name
        : (t.to_name ?? '')
      : (t.outside_organization_name ?? '');
  const { issuer, superior, onBehalfOf, locality } = issuerOf(from);
  const official = t.kind === 'official';
  const standing = person.official_date !== null && person.official_date <= on ? 'đảng viên chính thức' : 'đảng viên dự bị';
  const name = t.full_name;
  const date = (d: string | null) => (d ? formatDateVi(d) : '…');

  const reason = official
    ? `Lý do chuyển: ${TRIGGER_TEXT[t.trigger ?? ''] ?? '…'}${t.triggered_on ? ` (từ ngày ${date(t.triggered_on)})` : ''}.`
    : `Thời gian sinh hoạt đảng tạm thời: từ ngày ${date(t.temporary_from)} đến hết ngày ${date(t.temporary_to)}; lý do: ${PURPOSE_TEXT[t.temporary_purpose ?? ''] ?? '…'}.`;

  const spec: PartyDocumentSpec = {
    superior,
    issuer,
    number: `Số ${t.letter_number}`,
    place: locality,
    date: on,
    kind: 'Giấy giới thiệu sinh hoạt đảng',
    subject: official ? '(Chuyển sinh hoạt đảng chính thức)' : '(Chuyển sinh hoạt đảng tạm thời)',
    grounds: [
      'Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
      'Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng và Hướng dẫn số 06-HD/TW ngày 09/6/2025 của Ban Bí thư về một số vấn đề cụ thể thi hành Điều lệ Đảng,',
    ],
    sections: [
      {
        paragraphs: [
          `${issuer} trân trọng giới thiệu đồng chí: ${name}`,
          `Sinh ngày: ${date(t.birth_date)}${person.hometown ? `; quê quán: ${person.hometown}` : ''}.`,
          `Là ${standing}; kết nạp vào Đảng ngày ${date(person.admission_decision_date)}${person.official_date && person.official_date <= on ? `; công nhận chính thức ngày ${date(person.official_date)}` : ''}.`,
          `Số thẻ đảng viên: ${t.card_number ?? '…'}${t.history_number ? `; số lý lịch đảng viên: ${t.history_number}` : ''}.`,
          `Hiện sinh hoạt tại: ${fromName}.`,
          `Được chuyển sinh hoạt đảng ${official ? 'chính thức' : 'tạm thời'} đến: ${toName}.`,
          reason,
          `Đề nghị ${toName} tiếp nhận và quản lý sinh hoạt đảng đối với đồng chí ${name} theo quy định.`,
          `Giấy giới thiệu có giá trị đến hết ngày ${date(t.presentation_due)}. Đồng chí ${name} có trách nhiệm xuất trình giấy này cho tổ chức đảng nơi đến trong thời hạn 30 ngày làm việc kể từ ngày ký; quá thời hạn trên phải báo cáo cấp ủy có thẩm quyền.`,
        ],
      },
    ],
    recipients: [toName, `Đồng chí ${name}`, `Lưu hồ sơ đảng viên (${fromName})`],
    signature: { onBehalfOf, title: t.signer_title ?? 'Bí thư', name: t.signer_name ?? '' },
  };
  const buffer = await renderPartyDocument(spec);
  await appendAuditAlone(db, ctx, { action: 'transfer.letter_generated', objectType: 'transfer', objectId: id });
  return { fileName: letterFileName(name, t.letter_number), buffer };
}
