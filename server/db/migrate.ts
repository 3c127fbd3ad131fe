/**
 * Forward-only migrations, run at start-up. Each file in ./migrations exports `up`; the list below is
 * the order. A migration is never edited once it has landed: a change is a new file.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001_foundation';
import * as m0002 from './migrations/0002_geo';
import * as m0003 from './migrations/0003_programs';
import * as m0004 from './migrations/0004_learning';
import * as m0005 from './migrations/0005_registry';
import * as m0006 from './migrations/0006_catalog_counts';
import * as m0007 from './migrations/0007_person_keys';
import * as m0008 from './migrations/0008_person_name_keys';
import * as m0009 from './migrations/0009_esco';
import * as m0010 from './migrations/0010_talent';
import * as m0011 from './migrations/0011_talent_matching';
import * as m0012 from './migrations/0012_impact';
import * as m0013 from './migrations/0013_events';
import * as m0014 from './migrations/0014_impact_events';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_geo': m0002,
  '0003_programs': m0003,
  '0004_learning': m0004,
  '0005_registry': m0005,
  '0006_catalog_counts': m0006,
  '0007_person_keys': m0007,
  '0008_person_name_keys': m0008,
  '0009_esco': m0009,
  '0010_talent': m0010,
  '0011_talent_matching': m0011,
  '0012_impact': m0012,
  '0013_events': m0013,
  '0014_impact_events': m0014,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>) {
  const migrator = new Migrator({ db, provider, migrationTableName: 'schema_migration' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

// biome-ignore lint/suspicious/noExplicitAny: reads the migrator's own table
export async function pendingMigrations(db: Kysely<any>) {
  const migrator = new Migrator({ db, provider, migrationTableName: 'schema_migration' });
  const all = await migrator.getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
