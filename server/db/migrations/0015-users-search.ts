import type { Kysely } from 'kysely';
import { buildSearchText } from '../../../common/rules/normalize-vi.ts';

// Accounts searched the way members are (architecture principle 9): a normalized `search_text` of the display name
// (NFD, marks stripped, đ→d, lower-case), so 'nguyen van an' finds 'Nguyễn Văn An' on SQLite and PostgreSQL alike
// with a plain LIKE. Written with the display name (users.repo.ts userSearchText); existing accounts are filled here.
// No index: an administrator's subtree holds hundreds of accounts, not millions, and the search is a contains-match.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
  const rows: { id: number; display_name: string }[] = await db.selectFrom('users').select(['id', 'display_name']).execute();
  for (const r of rows) {
    await db.updateTable('users').set({ search_text: buildSearchText([r.display_name]) }).where('id', '=', r.id).execute();
  }
}
