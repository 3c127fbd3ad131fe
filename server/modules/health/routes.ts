/** Liveness and readiness for load balancers and the start-up bench. */
import { sql } from 'kysely';
import { Type } from 'typebox';
import { pendingMigrations } from '../../db/migrate';
import type { ModuleRoutes } from '../../lib/route';

const Health = Type.Object({
  status: Type.String(),
  database: Type.Optional(Type.String()),
  pendingMigrations: Type.Optional(Type.Array(Type.String())),
});

export const healthRoutes: ModuleRoutes = (app, ctx) => {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: { tags: ['health'], summary: 'The process is up', response: { 200: Health } },
    },
    async () => ({
      status: 'ok',
    }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'The database answers and every migration is applied',
        response: { 200: Health, 503: Health },
      },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(ctx.db);
        const pending = await pendingMigrations(ctx.db);
        if (pending.length > 0)
          return reply
            .status(503)
            .send({ status: 'migrating', database: ctx.database.kind, pendingMigrations: pending });
        return { status: 'ready', database: ctx.database.kind, pendingMigrations: [] };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: ctx.database.kind });
      }
    },
  );
};
