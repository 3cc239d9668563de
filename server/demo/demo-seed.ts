import type { Insertable, Kysely } from 'kysely';
import { buildSearchText } from '../../common/rules/normalize-vi.ts';
import { vietnameseSortKey } from '../../common/rules/vi-name-sort.ts';
import type { Db } from '../db/create-db.ts';
import type { Database } from '../db/schema.ts';
import { appendAudit } from '../modules/audit/audit.repo.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { userSearchText } from '../modules/users/users.repo.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';
import { buildDemoPlan, DEMO_CREATED_AT, type DemoPlan } from './demo-plan.ts';
import { versionEnd } from './demo-tree.ts';

// Writes the demo plan with plain multi-row INSERTs through Kysely (portable: SQLite and PostgreSQL),
// all in one transaction, so a failure leaves the database empty rather than half-seeded.

/** Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters for the widest table. */
const BATCH = 500;

export interface DemoSeedReport {
  organizations: number;
  members: number;
  memberEvents: number;
  users: number;
}

/** True when the database holds any organization: the demo then keeps what is there. */
export async function hasData(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

async function insertBatches<T extends keyof Database & string>(trx: Kysely<Database>, table: T, rows: Insertable<Database[T]>[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx.insertInto(table).values(rows.slice(i, i + BATCH) as never).execute();
  }
}

/**
 * Seeds an empty, migrated database with the demo. `now` stamps only the audit entry (the data itself is dated by
 * the plan's fixed reference date); the password hash is computed once for all accounts.
 */
export async function seedDemo(db: Db, opts: { now: Date; plan?: DemoPlan; passwordHash?: string }): Promise<DemoSeedReport> {
  const plan = opts.plan ?? buildDemoPlan();
  const passwordHash = opts.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const at = DEMO_CREATED_AT;
  const { orgs, events } = plan.tree;

  return db.transaction().execute(async (trx) => {
    // Organizations: the projection is the last version; the path follows today's (or the last) parent.
    const orgIds = new Map<string, number>();
    for (let i = 0; i < orgs.length; i += BATCH) {
      const rows = await trx
        .insertInto('organizations')
        .values(
          orgs.slice(i, i + BATCH).map((o) => {
            const v = o.versions.at(-1)!;
            return {
              code: o.code,
              kind: v.kind,
              name: v.name,
              parent_id: null,
              path: '/',
              valid_from: o.versions[0].from,
              valid_to: o.validTo,
              authority: JSON.stringify(v.authority),
              version: o.versions.length,
              created_at: at,
            };
          }),
        )
        .returning(['id', 'code'])
        .execute();
      for (const r of rows) orgIds.set(r.code, r.id);
    }
    const idOf = (code: string | null) => {
      if (code === null) return null;
      const id = orgIds.get(code);
      if (id === undefined) throw new Error(`demo: unknown organization ${code}`);
      return id;
    };
    const paths = new Map<string, string>();
    const pathOf = (code: string): string => {
      const known = paths.get(code);
      if (known) return known;
      const parent = orgs.find((o) => o.code === code)!.versions.at(-1)!.parent;
      const path = `${parent ? pathOf(parent) : '/'}${idOf(code)}/`;
      paths.set(code, path);
      return path;
    };
    for (const o of orgs) {
      const parent = o.versions.at(-1)!.parent;
      await trx.updateTable('organizations').set({ parent_id: idOf(parent), path: pathOf(o.code) }).where('id', '=', idOf(o.code)!).execute();
    }

    const eventIds = new Map<string, number>();
    for (const e of events) {
      const row = await trx
        .insertInto('organization_events')
        .values({ kind: e.kind, effective_date: e.date, decision_ref: e.decisionRef, note: e.note, actor_user_id: null, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      eventIds.set(e.key, row.id);
    }
    await insertBatches(
      trx,
      'organization_event_links',
      events.flatMap((e) => e.links.map((l) => ({ event_id: eventIds.get(e.key)!, organization_id: idOf(l.code)!, role: l.role }))),
    );
    await insertBatches(
      trx,
      'organization_versions',
      orgs.flatMap((o) =>
        o.versions.map((v, i) => ({
          organization_id: idOf(o.code)!,
          kind: v.kind,
          name: v.name,
          parent_id: idOf(v.parent),
          authority: JSON.stringify(v.authority),
          valid_from: v.from,
          valid_to: versionEnd(o, i),
          event_id: v.event ? eventIds.get(v.event)! : null,
        })),
      ),
    );

    // People: persons, then members (search_text and sort_key as the people module writes them).
    const personIds = new Map<string, number>();
    for (let i = 0; i < plan.members.length; i += BATCH) {
      const rows = await trx
        .insertInto('persons')
        .values(
          plan.members.slice(i, i + BATCH).map(({ person: p }) => ({
            ...p,
            birth_name: null,
            search_text: buildSearchText([p.full_name, p.citizen_id]),
            sort_key: vietnameseSortKey(p.full_name),
            version: 1,
            created_at: at,
            updated_at: at,
          })),
        )
        .returning(['id', 'citizen_id'])
        .execute();
      for (const r of rows) personIds.set(r.citizen_id!, r.id);
    }
    const memberIds: number[] = [];
    const byPerson = new Map<number, number>();
    for (let i = 0; i < plan.members.length; i += BATCH) {
      const rows = await trx
        .insertInto('members')
        .values(
          plan.members.slice(i, i + BATCH).map((m) => ({
            person_id: personIds.get(m.person.citizen_id)!,
            status: m.status,
            organization_id: idOf(m.org)!,
            org_path: pathOf(m.org),
            history_number: m.history_number,
            card_number: m.card_number,
            admission_decision_date: m.admission_decision_date,
            ceremony_date: m.ceremony_date,
            official_date: m.official_date,
            left_date: m.left_date,
            posts: JSON.stringify(m.posts),
            search_text: buildSearchText([m.person.full_name, m.person.citizen_id, m.card_number]),
            sort_key: vietnameseSortKey(m.person.full_name),
            version: 1,
            created_at: at,
            updated_at: at,
          })),
        )
        .returning(['id', 'person_id'])
        .execute();
      for (const r of rows) byPerson.set(r.person_id, r.id);
    }
    for (const m of plan.members) memberIds.push(byPerson.get(personIds.get(m.person.citizen_id)!)!);

    const memberEvents = plan.members.flatMap((m, i) =>
      m.events.map((e) => ({
        member_id: memberIds[i],
        kind: e.kind,
        event_date: e.event_date,
        from_status: e.from_status,
        to_status: e.to_status,
        from_organization_id: idOf(e.from_org),
        to_organization_id: idOf(e.to_org),
        decision_ref: e.decision_ref,
        note: e.note,
        actor_user_id: null,
        created_at: at,
      })),
    );
    await insertBatches(trx, 'member_events', memberEvents);

    await insertBatches(
      trx,
      'users',
      plan.users.map((u) => ({
        username: u.username,
        display_name: u.display_name,
        search_text: userSearchText(u.display_name),
        password_hash: passwordHash,
        role: u.role,
        organization_id: idOf(u.org)!,
        person_id: u.member === null ? null : personIds.get(plan.members[u.member].person.citizen_id)!,
        is_disabled: 0,
        failed_count: 0,
        locked_until: null,
        last_login_at: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })),
    );

    const report = { organizations: orgs.length, members: plan.members.length, memberEvents: memberEvents.length, users: plan.users.length };
    // The chain starts with the seeding itself, so `audit:verify` holds from the first row.
    await appendAudit(trx, { requestId: 'demo-seed', actor: null, now: opts.now }, {
      action: 'demo.seed',
      objectType: 'database',
      objectId: null,
      changedFields: ['organizations', 'organization_versions', 'organization_events', 'persons', 'members', 'member_events', 'users'],
    });
    return report;
  });
}
