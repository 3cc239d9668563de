import type { Kysely } from 'kysely';
import { createMemberSearchStructures } from '../search-dialect.ts';

// Member lists at 1,000,000 members (people module): indexes for the filters, and the text index
// behind the search box (FTS5 on SQLite, pg_trgm on PostgreSQL; see server/db/search-dialect.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await createMemberSearchStructures(db);
}
