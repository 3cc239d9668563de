import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Db } from './create-db.ts';
import * as m0001 from './migrations/0001-foundation.ts';

// Migrations are listed explicitly (no directory scan) so the bundle and tests see the same set.
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw error ?? new Error(`migration ${failed?.migrationName} failed`);
}
