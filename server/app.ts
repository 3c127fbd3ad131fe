/**
 * Builds the HTTP application: plugins, the request pipeline (language, session, CSRF, deny-by-default),
 * every module's routes, the OpenAPI document at /api/docs, and the web app's static files.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { ErrorBody } from '../common/contracts/common';
import type { Config } from './config';
import type { Database } from './db/client';
import type { AppContext } from './lib/context';
import { registerErrorHandling, sendError } from './lib/errors';
import { registerRequestPipeline } from './lib/http';
import type { MailTransport } from './lib/mail';
import { type FileStorage, storageFor } from './lib/storage';
import { moduleRoutes } from './modules';
import { actorFromSessionToken } from './modules/identity/service';

export interface BuildOptions {
  config: Config;
  database: Database;
  mail: MailTransport;
  /** Defaults to DATA_DIR/files on the local file system. */
  storage?: FileStorage;
  /** Folder of the built web app; defaults to dist/web. Absent in API-only tests. */
  webDir?: string | null;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export async function buildApp(opts: BuildOptions) {
  const { config, database, mail } = opts;
  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
          },
    bodyLimit: 1024 * 1024,
    trustProxy: config.NODE_ENV === 'production',
    ajv: {
      customOptions: { removeAdditional: 'all', coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const ctx: AppContext = {
    database,
    db: database.db,
    config,
    mail,
    storage: opts.storage ?? storageFor(config.DATA_DIR),
    log: {
      info: (m) => app.log.info(m),
      warn: (m) => app.log.warn(m),
      error: (o, m) => app.log.error(o, m),
    },
  };

  // Every route the app serves, with its declared access: the security tests walk this list.
  const routes: { method: string; url: string; public: boolean }[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: r.url, public: !!r.config?.public });
    }
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => ({ statusCode: 429 }) });
  app.addSchema(ErrorBody);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Nhân Lực API',
        version: '0.1.0',
        description:
          "The API of the digital workforce platform of Vietnam's National Innovation Center. Errors are `{code, message}` with `message` in the language of the `nl_lang` cookie or Accept-Language. State-changing requests need the `x-csrf-token` header equal to the `nl_csrf` cookie.",
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'nl_session' } },
      },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerErrorHandling(app);
  registerRequestPipeline(app, config, (token) => actorFromSessionToken(ctx, token));
  // A callback hook, not an async one: it runs on every response and needs no promise.
  app.addHook('onSend', (_req, reply, payload, done) => {
    reply.headers(SECURITY_HEADERS);
    done(null, payload);
  });

  for (const routes of moduleRoutes) await routes(app, ctx);

  const webDir = opts.webDir === undefined ? resolve('dist/web') : opts.webDir;
  const hasWeb = !!webDir && existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      maxAge: '1h',
    });
  }
  // Every GET that is not the API or a file is a page of the single-page app; the rest is a 404 in the error shape.
  app.setNotFoundHandler((req, reply) => {
    if (!hasWeb || req.method !== 'GET' || req.url.startsWith('/api/'))
      return sendError(req, reply, 'NOT_FOUND');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return { app, ctx, routes };
}
