/**
 * Event attendance counts in impact indicators (`attended`): a change to events or their participants
 * moves the analytics store's 'events' version, so the store reads them again (0012's scheme).
 */
import type { Kysely } from 'kysely';
import { runScript } from '../ddl';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>) {
  await runScript(
    db,
    `
    insert into analytics_versions (source) values ('events') on conflict do nothing;
    create trigger events_analytics after insert or update or delete on events for each statement execute function analytics_bump('events');
    create trigger event_participants_analytics after insert or update or delete on event_participants for each statement execute function analytics_bump('events');
  `,
  );
}
