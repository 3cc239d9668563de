import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/create-db.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { hashPassword } from '../auth/password.ts';
import { userSearchText } from './users.repo.ts';

/**
 * On an empty database: one root organization and one `admin` account with a random one-time
 * password (architecture "Operations": no default passwords). Returns the password to print once.
 */
export async function ensureFirstAdmin(db: Db, now: Date): Promise<{ password: string } | null> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  const at = now.toISOString();
  // Dated from the Party's founding so earlier history (mergers, the former districts) can be entered under the root.
  const foundedOn = '1930-02-03';
  await db.transaction().execute(async (trx) => {
    let root = await trx.selectFrom('organizations').select(['id']).where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
    if (!root) {
      const created = await trx
        .insertInto('organizations')
        .values({ code: 'ROOT', kind: 'provincial_committee', name: 'Đảng bộ tỉnh', parent_id: null, path: '/', valid_from: foundedOn, valid_to: null, authority: JSON.stringify({ admission: true, recognition: true, removal: true }), version: 1, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.updateTable('organizations').set({ path: `/${created.id}/` }).where('id', '=', created.id).execute();
      await trx
        .insertInto('organization_versions')
        .values({ organization_id: created.id, kind: 'provincial_committee', name: 'Đảng bộ tỉnh', parent_id: null, authority: JSON.stringify({ admission: true, recognition: true, removal: true }), valid_from: foundedOn, valid_to: null, event_id: null })
        .execute();
      root = created;
    }
    const user = await trx
      .insertInto('users')
      .values({ username: 'admin', display_name: 'Quản trị hệ thống', search_text: userSearchText('Quản trị hệ thống'), password_hash: passwordHash, role: 'admin', organization_id: root.id, person_id: null, is_disabled: 0, failed_count: 0, locked_until: null, last_login_at: null, version: 1, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { requestId: 'startup', actor: null, now }, { action: 'user.create_first_admin', objectType: 'user', objectId: user.id, username: 'admin' });
  });
  return { password };
}
