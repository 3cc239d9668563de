import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Db } from './create-db.ts';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-people.ts';
import * as m0003 from './migrations/0003-candidates-training.ts';
import * as m0004 from './migrations/0004-calendar.ts';
import * as m0005 from './migrations/0005-admission.ts';
import * as m0006 from './migrations/0006-party-life.ts';
import * as m0007 from './migrations/0007-dues.ts';
import * as m0008 from './migrations/0008-transfers.ts';
import * as m0009 from './migrations/0009-grading.ts';
import * as m0010 from './migrations/0010-screening-removal.ts';
import * as m0011 from './migrations/0011-conduct.ts';
import * as m0012 from './migrations/0012-screening-indexes.ts';
import * as m0013 from './migrations/0013-rule-sets.ts';
import * as m0014 from './migrations/0014-privacy.ts';
import * as m0015 from './migrations/0015-users-search.ts';
import * as m0016 from './migrations/0016-totp.ts';

// Migrations are listed explicitly (no directory scan) so the bundle and tests see the same set.
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-people': m0002,
  '0003-candidates-training': m0003,
  '0004-calendar': m0004,
  '0005-admission': m0005,
  '0006-party-life': m0006,
  '0007-dues': m0007,
  '0008-transfers': m0008,
  '0009-grading': m0009,
  '0010-screening-removal': m0010,
  '0011-conduct': m0011,
  '0012-screening-indexes': m0012,
  '0013-rule-sets': m0013,
  '0014-privacy': m0014,
  '0015-users-search': m0015,
  '0016-totp': m0016,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Db): Promise<void> {
  // Modules are built in parallel, so a lower-numbered migration may land after a higher one was applied.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw error ?? new Error(`migration ${failed?.migrationName} failed`);
}
