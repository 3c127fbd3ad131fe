/** What every service needs, built once in app.ts and handed down; services know nothing of HTTP. */
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { MailTransport } from './mail';
import type { FileStorage } from './storage';

export interface AppContext {
  database: Database;
  db: Database['db'];
  config: Config;
  mail: MailTransport;
  storage: FileStorage;
  log: { info(msg: string): void; warn(msg: string): void; error(obj: unknown, msg?: string): void };
}

/** Who asked, from where — passed to services so they can authorise and audit. */
export interface RequestMeta {
  ip?: string | null;
  userAgent?: string | null;
}
