import type { Role } from '../../../common/contracts/auth.contract.ts';
import { buildMember, buildTestApp, buildTree, buildUser, loginAs, type TestApp } from '../../test/factories.ts';

// Shared set-up of the party-life route tests (meetings, assignments, exemptions, residence): a tree with two cells
// under one grassroots committee and a sibling cell in another branch, a few members, and one account per role asked.
// The app's clock is fixed at 2026-06-15T03:00Z: today is 2026-06-15.

export type Method = 'GET' | 'POST' | 'PUT';

export interface PartyLifeKit {
  t: TestApp;
  tree: Awaited<ReturnType<typeof buildTree>>;
  /** Members of cell A, in creation order. */
  cellA: { id: number; personId: number; name: string }[];
  cellB: { id: number; personId: number; name: string }[];
  other: { id: number; personId: number; name: string }[];
  as(role: Role, organizationId: number, personId?: number | null): Promise<string>;
  call<T = any>(cookie: string, method: Method, url: string, payload?: unknown): Promise<{ status: number; body: T }>;
  lastAuditId(): Promise<number>;
  auditSince(id: number): Promise<{ action: string; object_id: string | null; outcome: string; changed_fields: string | null }[]>;
  close(): Promise<void>;
}

const NAMES_A = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'];
const NAMES_B = ['Vũ Thị Giang', 'Đặng Văn Hải', 'Bùi Thị Hoa'];
const NAMES_OTHER = ['K’ Bróh', 'Ka Nhung', 'Liêng Hót Ha Đen'];

export async function buildPartyLifeKit(engine: 'sqlite' | 'postgres'): Promise<PartyLifeKit> {
  const t = await buildTestApp(engine);
  const tree = await buildTree(t.db);
  let n = 0;
  const make = async (organizationId: number, names: string[]) => {
    const out = [];
    for (const name of names) {
      const { member, person } = await buildMember(t.db, { organizationId, person: { full_name: name } });
      out.push({ id: member.id, personId: person.id, name });
    }
    return out;
  };
  const cellA = await make(tree.cellA.id, NAMES_A);
  const cellB = await make(tree.cellB.id, NAMES_B);
  const other = await make(tree.otherCell.id, NAMES_OTHER);
  return {
    t,
    tree,
    cellA,
    cellB,
    other,
    async as(role, organizationId, personId = null) {
      const username = `${role}-${engine}-${++n}`;
      await buildUser(t.db, { role, organizationId, username, personId });
      return loginAs(t.app, username);
    },
    async call(cookie, method, url, payload) {
      const res = await t.app.inject({ method, url, payload: payload as never, headers: { cookie } });
      const type = String(res.headers['content-type'] ?? '');
      return { status: res.statusCode, body: type.includes('json') ? res.json() : res.body } as never;
    },
    async lastAuditId() {
      const row = await t.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row?.id ?? 0;
    },
    auditSince(id) {
      return t.db.selectFrom('audit_log').select(['action', 'object_id', 'outcome', 'changed_fields']).where('id', '>', id).orderBy('id').execute();
    },
    close: () => t.close(),
  };
}

/** A complete, valid exemption body (R-MGT-02) for the cell to decide. */
export function exemptionBody(memberId: number, o: Record<string, unknown> = {}) {
  return {
    memberId,
    reason: 'elderly_or_weak',
    note: null,
    requestKind: 'written',
    requestedOn: '2026-01-05',
    decidedOn: '2026-01-10',
    decisionRef: 'Biên bản họp chi bộ ngày 10/01/2026',
    from: '2026-01-10',
    to: null,
    fromActivities: true,
    fromWork: true,
    superiorInformedOn: '2026-01-15',
    ...o,
  };
}
