import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberStatus } from '../../../common/contracts/members.contract.ts';
import { buildSearchText, normalizeVi } from '../../../common/rules/normalize-vi.ts';
import { vietnameseSortKey } from '../../../common/rules/vi-name-sort.ts';
import type { Db } from '../../db/create-db.ts';
import type { Actor } from '../../http/actor.ts';
import { buildMember, buildPerson, buildTree } from '../../test/factories.ts';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../test/test-db.ts';
import { type MemberSearch, SEARCH_LIMITS, type SearchLimits, searchMemberIds } from './member-search.repo.ts';
import { storedTermsOf } from './member-terms.ts';

// The planner may take any access path; whichever it takes, the page must be exactly the brute-force
// answer. Tiny limits force each path (small driver, posting-list walk, prefix range, name-order walk)
// on a small data set.

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Đặng', 'Ksor', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Thị Thu', 'Ngọc', 'Văn Minh', "H'"];
const GIVEN = ['An', 'Anh', 'Ánh', 'Bình', 'Bích', 'Thu', 'Thủy', 'Thư', 'Hùng', 'Hưng', "H'Bia", 'Đào'];
const STATUSES: MemberStatus[] = ['probationary', 'official', 'official', 'official', 'struck_off', 'deceased'];

const LIMIT_VARIANTS: Record<string, SearchLimits> = {
  default: SEARCH_LIMITS,
  'posting walk, tiny count cap': { countCap: 3, subtreeDriverMax: 0, lookupDriverMax: 0, termProbeCap: 10_000, maxPrefixTerms: 24 },
  'prefix range read whole': { countCap: 3, subtreeDriverMax: 0, lookupDriverMax: 10_000, termProbeCap: 10_000, maxPrefixTerms: 0 },
  'name-order walk': { countCap: 4, subtreeDriverMax: 0, lookupDriverMax: 0, termProbeCap: 10_000, maxPrefixTerms: 0 },
};

interface Row {
  id: number;
  person_id: number;
  status: string;
  org_path: string;
  search_text: string;
  sort_key: string;
  gender: string;
  ethnicity_code: string;
  birth_date: string;
}

describe.each(ENGINES)('member search planner on %s', (engine) => {
  let t: TestDatabase;
  let db: Db;
  let tree: Awaited<ReturnType<typeof buildTree>>;
  let rows: Row[];

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    db = t.db;
    tree = await buildTree(db);
    const cells = [tree.cellA, tree.cellB, tree.otherCell];
    let n = 0;
    for (const family of FAMILY) {
      for (const given of GIVEN) {
        n++;
        const middle = MIDDLE[n % MIDDLE.length];
        await buildMember(db, {
          organizationId: cells[n % cells.length].id,
          status: STATUSES[n % STATUSES.length],
          cardNumber: String(40_000_000 + n * 7),
          person: {
            full_name: `${family} ${middle} ${given}`,
            gender: n % 3 === 0 ? 'female' : 'male',
            ethnicity_code: n % 5 === 0 ? '16' : '01',
            birth_date: `${1950 + (n % 50)}-0${1 + (n % 9)}-1${n % 10}`,
            citizen_id: `0680${String(n % 100).padStart(2, '0')}${String(n).padStart(6, '0')}`,
          },
        });
      }
    }
    rows = await db
      .selectFrom('members as m')
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .select(['m.id', 'm.person_id', 'm.status', 'm.org_path', 'm.search_text', 'm.sort_key', 'p.gender', 'p.ethnicity_code', 'p.birth_date'])
      .execute();
  });

  afterAll(async () => {
    await t?.drop();
  });

  const officer: Actor = { userId: 1, username: 'o', role: 'organization_officer', organizationId: 1, orgPath: '/', personId: null, reach: 'subtree' };

  function oracle(s: MemberSearch) {
    const scopePath = s.actor.orgPath;
    const text = s.text;
    const matches = rows
      .filter((r) => (s.actor.reach === 'self' ? r.person_id === s.actor.personId : r.org_path.startsWith(scopePath)))
      .filter((r) => !s.subtreePath || r.org_path.startsWith(s.subtreePath))
      .filter((r) => !s.statuses || s.statuses.includes(r.status as MemberStatus))
      .filter((r) => !s.gender || r.gender === s.gender)
      .filter((r) => !s.ethnicityCode || r.ethnicity_code === s.ethnicityCode)
      .filter((r) => (!s.birthFrom || r.birth_date >= s.birthFrom) && (!s.birthTo || r.birth_date <= s.birthTo))
      .filter((r) => !text || r.search_text.startsWith(text) || r.search_text.includes(` ${text}`))
      .sort((a, b) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : a.id - b.id));
    return { ids: matches.slice(s.offset, s.offset + s.limit).map((r) => r.id), total: matches.length };
  }

  async function expectSameAsOracle(s: MemberSearch, limits: SearchLimits) {
    const got = await searchMemberIds(db, s, limits);
    const want = oracle(s);
    expect(got.ids).toEqual(want.ids);
    if (got.totalIsLowerBound) {
      expect(want.total).toBeGreaterThanOrEqual(got.total);
      expect(got.total).toBeGreaterThan(Math.max(limits.countCap, s.offset + s.limit));
    } else {
      expect(got.total).toBe(want.total);
    }
  }

  const base = (over: Partial<MemberSearch> = {}): MemberSearch => ({
    actor: officer,
    subtreePath: null,
    statuses: ['probationary', 'official'],
    gender: null,
    ethnicityCode: null,
    birthFrom: null,
    birthTo: null,
    text: null,
    offset: 0,
    limit: 5,
    ...over,
  });

  const CASES: [string, Partial<MemberSearch>][] = [
    ['no text', {}],
    ['second page', { offset: 5 }],
    ['all statuses, deep page', { statuses: null, offset: 20, limit: 7 }],
    ['one status', { statuses: ['struck_off'] }],
    ['full name', { text: normalizeVi('Nguyễn Văn An') }],
    ['full name prefix', { text: 'nguyen thi thu t' }],
    ['four words', { text: 'tran thi thu thu' }],
    ['given name', { text: 'an' }],
    ['given name with prefix siblings', { text: 'thu' }],
    ['apostrophe names', { text: "h'bia" }],
    ['one letter', { text: 'h' }],
    ['citizen id', { text: '068012000012' }],
    ['citizen id prefix', { text: '0680' }],
    ['card number', { text: String(40_000_000 + 14 * 7) }],
    ['name and digits', { text: 'anh 068' }],
    ['no such name', { text: 'zzz' }],
    ['punctuation only', { text: "'" }],
    ['LIKE metacharacters', { text: '%_' }],
    ['gender and ethnicity', { gender: 'female', ethnicityCode: '16' }],
    ['birth band', { birthFrom: '1960-01-01', birthTo: '1975-12-31' }],
    ['text in a subtree', { text: 'thi', subtreePath: '' }],
  ];

  for (const [variant, limits] of Object.entries(LIMIT_VARIANTS)) {
    it(`gives the brute-force answer on every path (${variant})`, async () => {
      for (const [, over] of CASES) {
        const s = base(over);
        if (s.subtreePath === '') s.subtreePath = tree.grassroots.path;
        await expectSameAsOracle(s, limits);
        await expectSameAsOracle({ ...s, actor: { ...officer, orgPath: tree.cellA.path, organizationId: tree.cellA.id, role: 'cell_secretary' } }, limits);
      }
    });
  }

  it('gives the brute-force answer for random queries, scopes and limits (property)', async () => {
    const word = fc.constantFrom(...[...FAMILY, ...MIDDLE, ...GIVEN].flatMap((w) => normalizeVi(w).split(' ')));
    const text = fc.oneof(
      fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' ')),
      // The service hands the planner normalizeVi(q), which trims: a cut that ends on a space is not a query it can receive.
      fc.array(word, { minLength: 1, maxLength: 3 }).chain((ws) => fc.integer({ min: 1, max: 3 }).map((cut) => normalizeVi(ws.join(' ').slice(0, -cut)) || ws[0])),
      fc.integer({ min: 1, max: 80 }).map((n) => String(40_000_000 + n * 7).slice(0, 4 + (n % 5))),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.option(text, { nil: null }),
        fc.constantFrom(...Object.values(LIMIT_VARIANTS)),
        fc.constantFrom('root', 'cellA', 'grassroots', 'self'),
        fc.option(fc.constantFrom('male', 'female'), { nil: null }),
        fc.integer({ min: 0, max: 3 }),
        async (q, limits, scope, gender, page) => {
          const actor: Actor =
            scope === 'root'
              ? officer
              : scope === 'self'
                ? { ...officer, role: 'member', reach: 'self', personId: rows[3].person_id }
                : { ...officer, orgPath: scope === 'cellA' ? tree.cellA.path : tree.grassroots.path };
          await expectSameAsOracle(base({ actor, text: q, gender, offset: page * 4, limit: 4 }), limits);
        },
      ),
      { numRuns: engine === 'postgres' ? 60 : 150 },
    );
  });

  it('keeps member_terms equal to the terms of search_text through insert, update and delete (triggers)', async () => {
    const termsOf = async (id: number) =>
      (await db.selectFrom('member_terms' as never).select(sql<string>`term`.as('term')).where(sql.ref('member_id'), '=', id).execute()).map((r) => r.term).sort();
    const { member } = await buildMember(db, {
      organizationId: tree.cellA.id,
      cardNumber: '99000001',
      person: { full_name: "Ksor H'Bia Văn Văn \"Lạ\" 2", citizen_id: '068099000777' },
    });
    expect(await termsOf(member.id)).toEqual(storedTermsOf(member.search_text).sort());

    const renamed = 'Y Moan Ênuôl';
    await db
      .updateTable('members')
      .set({ search_text: buildSearchText([renamed, '068099000777']), sort_key: vietnameseSortKey(renamed) })
      .where('id', '=', member.id)
      .execute();
    expect(await termsOf(member.id)).toEqual(storedTermsOf(buildSearchText([renamed, '068099000777'])).sort());

    await db.updateTable('members').set({ status: 'official', version: 2 }).where('id', '=', member.id).execute();
    expect(await termsOf(member.id)).toEqual(storedTermsOf(buildSearchText([renamed, '068099000777'])).sort());

    // A member row without events (member_events is append-only), to see the delete trigger clear its terms.
    const person = await buildPerson(db, { full_name: 'Xóa Thử Tên' });
    const spare = await db
      .insertInto('members')
      .values({
        ...member,
        id: undefined,
        person_id: person.id,
        card_number: null,
        history_number: null,
        search_text: buildSearchText([person.full_name]),
        sort_key: person.sort_key,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await termsOf(spare.id)).length).toBeGreaterThan(0);
    await db.deleteFrom('members').where('id', '=', spare.id).execute();
    expect(await termsOf(spare.id)).toEqual([]);
  });
});
