/**
 * First-start seeding: reference data always (idempotent), demo data once on an empty database when
 * SEED_DEMO is on. A second start finds the `seeded_at` mark and leaves the data alone.
 */
import type { AppContext } from '../../lib/context';
import { seedDemoCourses } from '../../modules/catalog/demo';
import { seedDemoCohorts } from '../../modules/enrolment/demo';
import { seedDemoEvents } from '../../modules/events/demo';
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
  if (mark) return { seededNow: false, demoAccounts: ctx.config.SEED_DEMO ? await listDemoAccounts() : [] };
  const demoAccounts = ctx.config.SEED_DEMO ? await seedDemo(ctx) : [];
  await seedPrograms(ctx.db, { demo: ctx.config.SEED_DEMO });
  if (ctx.config.SEED_DEMO) await seedDemoCourses(ctx);
  if (ctx.config.SEED_DEMO) await seedDemoQuizzes(ctx);
  if (ctx.config.SEED_DEMO) await seedDemoCohorts(ctx);
  if (ctx.config.SEED_DEMO) await seedDemoDuplicates(ctx);
  if (ctx.config.SEED_DEMO) await seedDemoTalent(ctx);
  if (ctx.config.SEED_DEMO) await seedDemoEvents(ctx);
  await ctx.db
    .insertInto('app_meta')
    .values({ key: 'seeded_at', value: new Date().toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return { seededNow: true, demoAccounts };
}

async function listDemoAccounts() {
  const { demoAccounts } = await import('./demo');
  return demoAccounts;
}
