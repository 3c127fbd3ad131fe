/**
 * First-start seeding: reference data always (idempotent), demo data once on an empty database when
 * SEED_DEMO is on. A second start finds the `seeded_at` mark and leaves the data alone.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../../lib/context';
import { seedDemoCourses } from '../../modules/catalog/demo';
import { seedDemoCohorts } from '../../modules/enrolment/demo';
import { seedDemoEvents } from '../../modules/events/demo';
import { importCommunes } from '../../modules/geo/service';
import { seedDemoImpact } from '../../modules/impact/demo';
import { seedImpact } from '../../modules/impact/service';
import { seedDemoQuizzes } from '../../modules/quizzes/demo';
import { seedDemoDuplicates } from '../../modules/registry/review/demo';
import { seedDemoTalent } from '../../modules/talent/demo';
import { seedTaxonomy } from '../../modules/talent/taxonomy/service';
import { type DemoAccount, seedDemo } from './demo';
import { seedPrograms } from './programs';
import { seedReference } from './reference';

export interface SeedResult {
  seededNow: boolean;
  demoAccounts: DemoAccount[];
}

export async function seedOnFirstStart(ctx: AppContext): Promise<SeedResult> {
  const mark = await ctx.db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', 'seeded_at')
    .executeTakeFirst();
  await seedReference(ctx.db);
  await seedTaxonomy(ctx.db);
  await seedImpact(ctx.db);
  if (mark) return { seededNow: false, demoAccounts: ctx.config.SEED_DEMO ? await listDemoAccounts() : [] };
  const demoAccounts = ctx.config.SEED_DEMO ? await seedDemo(ctx) : [];
  await seedPrograms(ctx.db, { demo: ctx.config.SEED_DEMO });
  await seedImpact(ctx.db);
  if (ctx.config.SEED_DEMO) await seedDemoCourses(ctx);
  if (ctx.config.SEED_DEMO) await seedDemoQuizzes(ctx);
  if (ctx.config.SEED_DEMO) await seedDemoCohorts(ctx);
  if (ctx.config.SEED_DEMO) await seedDemoDuplicates(ctx);
  if (ctx.config.SEED_DEMO) await seedDemoTalent(ctx);
  if (ctx.config.SEED_DEMO) await seedDemoEvents(ctx);
  if (ctx.config.SEED_DEMO) await importCommunesIfBeside(ctx);
  if (ctx.config.SEED_DEMO) await seedDemoImpact(ctx);
  await ctx.db
    .insertInto('app_meta')
    .values({ key: 'seeded_at', value: new Date().toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return { seededNow: true, demoAccounts };
}

/**
 * The demo's dashboards break learners down by urban and rural commune, so the demo imports the
 * communes when the reference data set is beside the repository (../shared/data); otherwise the CLI's
 * `import-communes` does it later and the demo's people have provinces only.
 */
async function importCommunesIfBeside(ctx: AppContext) {
  const file = fileURLToPath(
    new URL('../../../../shared/data/vn-admin/vn-units-2026-07-25.json', import.meta.url),
  );
  if (!existsSync(file)) {
    ctx.log.info(
      'communes not imported: no reference data beside the repository (npm run nhanluc -- import-communes)',
    );
    return;
  }
  if (await ctx.db.selectFrom('communes').select('code').limit(1).executeTakeFirst()) return;
  await importCommunes(ctx.db, file);
}

async function listDemoAccounts() {
  const { demoAccounts } = await import('./demo');
  return demoAccounts;
}
