/**
 * Portable logical backup of every application table, the same on PGlite and PostgreSQL (PGlite has
 * no pg_dump). The file is gzip'd JSON lines:
 *
 *   {"format":"nhanluc-backup","version":1,"created_at":…,"migrations":[…],"tables":[…]}
 *   {"table":"users","row":{…}}                     one line per row, tables in foreign-key order
 *   {"table":"schema_migration","row":{…}}          the migrator's rows, for the record
 *   {"end":true,"counts":{"users":51,…}}            proves the file was not cut short
 *
 * Values are written so they come back equal: timestamps as ISO strings in UTC with microseconds,
 * json/jsonb as objects, booleans and 16/32-bit integers as JSON numbers, everything else as
 * PostgreSQL's own text form, which its input functions read back exactly (as COPY does).
 *
 * The tables are read from the catalog rather than listed here, so a table added by a later
 * migration is backed up without anyone remembering to touch this file.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { type AliasedRawBuilder, type Kysely, type RawBuilder, sql } from 'kysely';
import { migrations as codeMigrations } from './migrate';
import type { DB } from './schema';

export const BACKUP_FORMAT = 'nhanluc-backup';
export const BACKUP_VERSION = 1;
/** Rows per SELECT when reading a table: bounded memory however big the table is. */
const PAGE_SIZE = 5000;
/** Bind parameters per INSERT: PostgreSQL allows 65,535. */
const MAX_PARAMS = 30_000;
const MIGRATION_TABLE = 'schema_migration';
/** The migrator's bookkeeping, never application data (its lock table keeps Kysely's default name). */
/** Tables kept by triggers from other tables' rows: not written, emptied on restore, rebuilt as rows come in. */
const DERIVED_TABLES = ['catalog_counts', 'analytics_tombstones'];
/**
 * Bookkeeping that is not data: the migrator's, and the analytics store's versions (a restore's own
 * inserts move them, which is what tells a running store to read again).
 */
const SKIPPED_TABLES = new Set([
  MIGRATION_TABLE,
  'kysely_migration_lock',
  'schema_migration_lock',
  'analytics_versions',
  ...DERIVED_TABLES,
]);

export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  created_at: string;
  database: string;
  migrations: string[];
  tables: string[];
}

export interface BackupProgress {
  table: string;
  rows: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
  migrations: string[];
  /** Rows per table, in the order written. */
  counts: Record<string, number>;
}

export interface RestoreResult {
  migrations: string[];
  counts: Record<string, number>;
  /** Migrations this database has that the backup was taken without (their new columns get defaults). */
  newerThanBackup: string[];
}

type Row = Record<string, unknown>;
type AnyDB = Record<string, Row>;

interface Column {
  name: string;
  /** information_schema data_type: 'timestamp with time zone', 'jsonb', 'ARRAY', … */
  type: string;
}

interface TableInfo {
  name: string;
  columns: Column[];
  primaryKey: string[];
  /** Columns referring to the same table (enrolments.transferred_to): filled in after the rows exist. */
  selfReferences: string[];
}

// ---------------------------------------------------------------------------------------------------
// The catalog

async function readCatalog(db: Kysely<DB>): Promise<TableInfo[]> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`.execute(db);
  // Generated columns are computed by PostgreSQL: neither written to a backup nor inserted back. Nor
  // is the analytics store's change stamp: a restored row takes a new one, as any written row does.
  const columns = await sql<{ table: string; name: string; type: string }>`
    select table_name as table, column_name as name, data_type as type from information_schema.columns
    where table_schema = current_schema() and is_generated <> 'ALWAYS' and column_name <> 'analytics_seq'
    order by table_name, ordinal_position`.execute(db);
  const keys = await sql<{ table: string; name: string }>`
    select kcu.table_name as table, kcu.column_name as name
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema and kcu.table_name = tc.table_name
    where tc.table_schema = current_schema() and tc.constraint_type = 'PRIMARY KEY'
    order by kcu.table_name, kcu.ordinal_position`.execute(db);
  const references = await sql<{ child: string; parent: string }>`
    select distinct child.relname as child, parent.relname as parent
    from pg_constraint c
    join pg_class child on child.oid = c.conrelid
    join pg_class parent on parent.oid = c.confrelid
    join pg_namespace n on n.oid = child.relnamespace
    where c.contype = 'f' and n.nspname = current_schema()`.execute(db);
  const selfReferences = await sql<{ table: string; name: string }>`
    select distinct cl.relname as table, a.attname as name
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
    where c.contype = 'f' and c.conrelid = c.confrelid and n.nspname = current_schema()`.execute(db);

  const infos = tables.rows
    .filter((t) => !SKIPPED_TABLES.has(t.name))
    .map((t) => ({
      name: t.name,
      columns: columns.rows.filter((c) => c.table === t.name).map((c) => ({ name: c.name, type: c.type })),
      primaryKey: keys.rows.filter((k) => k.table === t.name).map((k) => k.name),
      selfReferences: selfReferences.rows.filter((r) => r.table === t.name).map((r) => r.name),
    }));
  return foreignKeyOrder(infos, references.rows);
}

/** Parents before children, so rows can be inserted in file order; ties stay alphabetical. */
function foreignKeyOrder(tables: TableInfo[], references: { child: string; parent: string }[]): TableInfo[] {
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  let rest = tables;
  while (rest.length > 0) {
    // A table referring to itself is placed by its other references; its own rows go in key order.
    const ready = rest.filter((t) =>
      references.every(
        (r) =>
          r.child !== t.name ||
          r.parent === t.name ||
          placed.has(r.parent) ||
          !rest.some((x) => x.name === r.parent),
      ),
    );
    if (ready.length === 0) {
      throw new BackupError(
        `foreign keys form a cycle between ${rest.map((t) => t.name).join(', ')}: cannot order the tables`,
      );
    }
    for (const t of ready) {
      ordered.push(t);
      placed.add(t.name);
    }
    rest = rest.filter((t) => !placed.has(t.name));
  }
  return ordered;
}

async function appliedMigrations(db: Kysely<DB>): Promise<string[]> {
  const exists = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.tables
    where table_schema = current_schema() and table_name = ${MIGRATION_TABLE}`.execute(db);
  if (!exists.rows[0]?.n) return [];
  const rows = await (db as unknown as Kysely<AnyDB>)
    .selectFrom(MIGRATION_TABLE)
    .select('name')
    .orderBy('name')
    .execute();
  return rows.map((r) => String(r.name));
}

// ---------------------------------------------------------------------------------------------------
// Writing

const NATIVE_TYPES = new Set(['boolean', 'smallint', 'integer', 'json', 'jsonb']);

/** How a column is read so that its value survives JSON and comes back equal. */
function exportExpression(c: Column): AliasedRawBuilder<unknown, string> {
  const ref = sql.ref(c.name);
  // to_char has no text for ±infinity; those keep PostgreSQL's own spelling, which reads back.
  if (c.type === 'timestamp with time zone') {
    return sql`case when isfinite(${ref}) then to_char(${ref} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') else ${ref}::text end`.as(
      c.name,
    );
  }
  if (c.type === 'timestamp without time zone') {
    return sql`case when isfinite(${ref}) then to_char(${ref}, 'YYYY-MM-DD"T"HH24:MI:SS.US') else ${ref}::text end`.as(
      c.name,
    );
  }
  if (NATIVE_TYPES.has(c.type)) return sql`${ref}`.as(c.name);
  return sql`${ref}::text`.as(c.name);
}

/**
 * Text forms of dates, intervals, bytea and floats depend on session settings: pin them, on both
 * sides, so a server configured differently still reads back what was written.
 */
async function portableSession(db: Kysely<DB>) {
  for (const setting of [
    sql`set local datestyle = 'ISO, YMD'`,
    sql`set local intervalstyle = 'postgres'`,
    sql`set local timezone = 'UTC'`,
    sql`set local bytea_output = 'hex'`,
    sql`set local extra_float_digits = 1`,
  ]) {
    await setting.execute(db);
  }
}

/** One table, page by page in primary-key order (ctid order for a table without a key). */
async function* readTable(db: Kysely<DB>, table: TableInfo): AsyncGenerator<Row[]> {
  const keyed = table.primaryKey.length > 0;
  const keyColumns = keyed ? table.primaryKey : ['ctid'];
  // Qualified, so ORDER BY sorts by the column and not by the exported text of the same name.
  const keyRef = sql.join(keyColumns.map((k) => sql.ref(`${table.name}.${k}`)));
  const select = sql.join([
    ...table.columns.map(exportExpression),
    ...(keyed ? [] : [sql`ctid::text as ${sql.ref('$ctid')}`]),
  ]);
  let last: unknown[] | null = null;
  for (;;) {
    const after: RawBuilder<unknown> = last ? sql`where (${keyRef}) > (${sql.join(last)})` : sql``;
    const page = await sql<Row>`
      select ${select} from ${sql.table(table.name)} ${after} order by ${keyRef} limit ${PAGE_SIZE}`.execute(
      db,
    );
    if (page.rows.length === 0) return;
    const tail = page.rows[page.rows.length - 1]!;
    // The exported text of a key is also its input form, so it serves as the cursor as is.
    last = keyed ? keyColumns.map((k) => tail[k]) : [tail.$ctid];
    if (!keyed) for (const row of page.rows) delete row.$ctid;
    yield page.rows;
    if (page.rows.length < PAGE_SIZE) return;
  }
}

/**
 * Writes a backup of every application table to `file` (gzip'd JSON lines). Reads one consistent
 * snapshot; the file appears under its name only once complete, so a failure never leaves a partial
 * backup that looks whole.
 */
export async function backupTo(
  db: Kysely<DB>,
  file: string,
  onProgress?: (p: BackupProgress) => void,
): Promise<BackupResult> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial);
  const closed = new Promise<void>((resolve) => out.on('close', () => resolve()));
  // A write error (full disk, missing folder) is kept and thrown at the next write, never left unhandled.
  let streamError: Error | null = null;
  const onError = (e: Error) => {
    streamError ??= e;
    gzip.destroy();
  };
  out.on('error', onError);
  gzip.on('error', onError);
  gzip.pipe(out);
  const drained = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        gzip.off('drain', done);
        gzip.off('close', done);
        resolve();
      };
      gzip.on('drain', done);
      gzip.on('close', done);
    });
  const write = async (value: unknown) => {
    if (streamError) throw streamError;
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await drained();
    if (streamError) throw streamError;
  };

  try {
    const result = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        await portableSession(trx);
        const tables = await readCatalog(trx);
        const migrations = await appliedMigrations(trx);
        const kind = await sql<{ v: string }>`select version() as v`.execute(trx);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          created_at: new Date().toISOString(),
          database: kind.rows[0]?.v ?? 'PostgreSQL',
          migrations,
          tables: tables.map((t) => t.name),
        };
        await write(header);
        const counts: Record<string, number> = {};
        for (const table of tables) {
          counts[table.name] = 0;
          for await (const rows of readTable(trx, table)) {
            for (const row of rows) await write({ table: table.name, row });
            counts[table.name]! += rows.length;
            onProgress?.({ table: table.name, rows: counts[table.name]! });
          }
        }
        // Kept for the record: on restore they are checked against the target, never copied.
        if (migrations.length > 0) {
          const migrationRows = await (trx as unknown as Kysely<AnyDB>)
            .selectFrom(MIGRATION_TABLE)
            .selectAll()
            .orderBy('name')
            .execute();
          for (const row of migrationRows) await write({ table: MIGRATION_TABLE, row });
        }
        await write({ end: true, counts });
        return { migrations, counts };
      });
    gzip.end();
    await closed;
    if (streamError) throw streamError;
    await rename(partial, file);
    return { file, bytes: (await stat(file)).size, ...result };
  } catch (err) {
    gzip.destroy();
    out.destroy();
    await rm(partial, { force: true });
    const cause = streamError ?? err;
    if (cause instanceof BackupError) throw cause;
    if (streamError) throw new BackupError(`cannot write ${file}: ${(streamError as Error).message}`);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------
// Reading

type Line =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'row'; table: string; row: Row }
  | { kind: 'end'; counts: Record<string, number> };

/** The lines of a backup file, parsed; names the file and line number when something is wrong. */
async function* readBackup(file: string): AsyncGenerator<Line> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let buffered = '';
  let lineNo = 0;
  let ended = false;
  const parse = (text: string): Line => {
    lineNo++;
    if (ended) throw new BackupError(`${file}: line ${lineNo} follows the end marker`);
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(text);
    } catch {
      throw new BackupError(`${file}: line ${lineNo} is not valid JSON: the file is damaged`);
    }
    if (lineNo === 1) {
      if (value?.format !== BACKUP_FORMAT)
        throw new BackupError(`${file} is not a Nhân Lực backup (no backup header)`);
      if (value.version !== BACKUP_VERSION) {
        throw new BackupError(
          `${file} is backup format version ${String(value.version)}; this code reads version ${BACKUP_VERSION}`,
        );
      }
      if (!Array.isArray(value.migrations) || !Array.isArray(value.tables))
        throw new BackupError(`${file}: the backup header is incomplete`);
      return { kind: 'header', header: value as unknown as BackupHeader };
    }
    if (value?.end === true && typeof value.counts === 'object' && value.counts !== null) {
      ended = true;
      return { kind: 'end', counts: value.counts as Record<string, number> };
    }
    if (typeof value?.table !== 'string' || typeof value.row !== 'object' || value.row === null) {
      throw new BackupError(`${file}: line ${lineNo} is not a table row`);
    }
    return { kind: 'row', table: value.table, row: value.row as Row };
  };
  try {
    for await (const chunk of gunzip) {
      buffered += decoder.write(chunk as Buffer);
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const text = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (text.length > 0) yield parse(text);
        newline = buffered.indexOf('\n');
      }
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new BackupError(`backup file not found: ${file}`);
    if (e.code === 'EISDIR') throw new BackupError(`${file} is a folder, not a backup file`);
    if (e.code?.startsWith('Z_') || e.code === 'ERR_ZLIB') {
      throw new BackupError(`${file} is damaged or incomplete (gzip: ${e.message})`);
    }
    throw new BackupError(`cannot read ${file}: ${e.message}`);
  } finally {
    // A reader that stops early (readBackupHeader) must not leave the file open.
    input.destroy();
    gunzip.destroy();
  }
  buffered += decoder.end();
  if (buffered.trim().length > 0) yield parse(buffered);
  if (lineNo === 0) throw new BackupError(`${file} is empty`);
  if (!ended) throw new BackupError(`${file} is incomplete: it ends before the end marker`);
}

/** Reads the whole file once without touching the database: damage is found before anything is deleted. */
async function verifyBackup(file: string): Promise<{ header: BackupHeader; counts: Record<string, number> }> {
  let header: BackupHeader | undefined;
  const seen: Record<string, number> = {};
  for await (const line of readBackup(file)) {
    if (line.kind === 'header') header = line.header;
    else if (line.kind === 'row') {
      if (line.table !== MIGRATION_TABLE) seen[line.table] = (seen[line.table] ?? 0) + 1;
    } else {
      for (const [table, n] of Object.entries(line.counts)) {
        if ((seen[table] ?? 0) !== n) {
          throw new BackupError(
            `${file} is inconsistent: ${table} should have ${n} rows, the file holds ${seen[table] ?? 0}`,
          );
        }
      }
      return { header: header!, counts: line.counts };
    }
  }
  throw new BackupError(`${file} is incomplete`);
}

/** Only the header: what `restore` shows before it starts, and what tests inspect. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  for await (const line of readBackup(file)) {
    if (line.kind === 'header') return line.header;
  }
  throw new BackupError(`${file} is empty`);
}

// ---------------------------------------------------------------------------------------------------
// Restoring

/** How a value from the file is bound so that PostgreSQL reads it back as it was written. */
function importValue(c: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Bound as JSON text: a driver would turn a JS array into a PostgreSQL array literal.
  if (c.type === 'json' || c.type === 'jsonb') return JSON.stringify(value);
  return value;
}

/**
 * Replaces the contents of every application table with the backup in `file`, in one transaction:
 * a damaged file, a backup from newer code or any failed insert leaves the database as it was.
 * The database must already be migrated at least as far as the backup.
 */
export async function restoreFrom(
  db: Kysely<DB>,
  file: string,
  onProgress?: (p: BackupProgress) => void,
): Promise<RestoreResult> {
  const { header, counts: expected } = await verifyBackup(file);
  const known = Object.keys(codeMigrations);
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw new BackupError(
      `${file} was taken by a newer version of Nhân Lực (migrations ${unknown.join(', ')} are unknown to this code): upgrade before restoring`,
    );
  }
  const applied = await appliedMigrations(db);
  const missing = header.migrations.filter((m) => !applied.includes(m));
  if (missing.length > 0) {
    throw new BackupError(
      `the database is missing migrations ${missing.join(', ')} that the backup has: run \`nhanluc migrate\` first`,
    );
  }
  const newerThanBackup = applied.filter((m) => !header.migrations.includes(m));
  const sameSchema = newerThanBackup.length === 0;

  const counts = await db.transaction().execute(async (trx) => {
    await portableSession(trx);
    const tables = await readCatalog(trx);
    const byName = new Map(tables.map((t) => [t.name, t]));
    const absent = header.tables.filter((t) => !byName.has(t));
    if (absent.length > 0)
      throw new BackupError(`the database has no table ${absent.join(', ')} that the backup holds`);
    if (tables.length > 0) {
      await sql`truncate ${sql.join(tables.map((t) => sql.table(t.name)))} restart identity cascade`.execute(
        trx,
      );
    }
    for (const derived of DERIVED_TABLES) {
      const exists = await sql<{ t: string | null }>`select to_regclass(${derived}) as t`.execute(trx);
      if (exists.rows[0]?.t) await sql`truncate ${sql.table(derived)}`.execute(trx);
    }

    const counts: Record<string, number> = Object.fromEntries(header.tables.map((t) => [t, 0]));
    let batch: Row[] = [];
    let batchTable: TableInfo | null = null;
    let batchColumns: Column[] = [];
    // A row may point at a row of its own table that comes later in key order: such references are
    // inserted empty and set once the whole table is in.
    let pointers: { key: Row; column: string; value: unknown }[] = [];
    const flush = async () => {
      if (!batchTable || batch.length === 0) return;
      const table = batchTable;
      const columns = batchColumns;
      const values = batch.map((row) =>
        Object.fromEntries(
          columns.map((c) => {
            const value = importValue(c, row[c.name]);
            if (value === null || !table.selfReferences.includes(c.name)) return [c.name, value];
            pointers.push({
              key: Object.fromEntries(table.primaryKey.map((k) => [k, row[k]])),
              column: c.name,
              value,
            });
            return [c.name, null];
          }),
        ),
      );
      await (trx as unknown as Kysely<AnyDB>).insertInto(table.name).values(values).execute();
      counts[table.name]! += batch.length;
      onProgress?.({ table: table.name, rows: counts[table.name]! });
      batch = [];
    };
    const finishTable = async () => {
      await flush();
      for (const p of pointers) {
        let update = (trx as unknown as Kysely<AnyDB>)
          .updateTable(batchTable!.name)
          .set({ [p.column]: p.value });
        for (const [k, v] of Object.entries(p.key)) update = update.where(k, '=', v);
        await update.execute();
      }
      pointers = [];
    };

    for await (const line of readBackup(file)) {
      if (line.kind !== 'row' || line.table === MIGRATION_TABLE) continue;
      if (line.table !== batchTable?.name) {
        await finishTable();
        const table = byName.get(line.table);
        if (!table) throw new BackupError(`${file}: rows for unknown table ${line.table}`);
        if (table.selfReferences.length > 0 && table.primaryKey.length === 0) {
          throw new BackupError(`${table.name} refers to itself but has no primary key: cannot restore it`);
        }
        const inFile = new Set(Object.keys(line.row));
        const extra = [...inFile].filter((n) => !table.columns.some((c) => c.name === n));
        if (extra.length > 0)
          throw new BackupError(`${file}: ${table.name} has no column ${extra.join(', ')} in this database`);
        // A column added by a later migration is left to its default; with the same migrations every column must be there.
        batchColumns = table.columns.filter((c) => inFile.has(c.name));
        if (sameSchema && batchColumns.length !== table.columns.length) {
          const lacking = table.columns.filter((c) => !inFile.has(c.name)).map((c) => c.name);
          throw new BackupError(`${file}: rows of ${table.name} lack columns ${lacking.join(', ')}`);
        }
        batchTable = table;
      }
      batch.push(line.row);
      if (batch.length * batchColumns.length >= MAX_PARAMS || batch.length >= 1000) await flush();
    }
    await finishTable();

    for (const [table, n] of Object.entries(expected)) {
      if (counts[table] !== n)
        throw new BackupError(`restored ${counts[table] ?? 0} rows of ${table}, the backup holds ${n}`);
    }
    await resetSequences(trx, tables);
    return counts;
  });
  return { migrations: header.migrations, counts, newerThanBackup };
}

/** Sequences behind serial/identity columns continue after the highest restored value. */
async function resetSequences(db: Kysely<DB>, tables: TableInfo[]) {
  const owned = await sql<{ table: string; column: string }>`
    select table_name as table, column_name as column from information_schema.columns
    where table_schema = current_schema() and (column_default like 'nextval(%' or is_identity = 'YES')`.execute(
    db,
  );
  for (const { table, column } of owned.rows) {
    if (!tables.some((t) => t.name === table)) continue;
    await sql`
      select setval(pg_get_serial_sequence(${table}, ${column}), coalesce(max(${sql.ref(column)}), 0) + 1, false)
      from ${sql.table(table)}`.execute(db);
  }
}

/** Rows per application table: `restore` refuses to overwrite a database that holds data unless told to. */
export async function tableRowCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await readCatalog(db)) {
    const row = await (db as unknown as Kysely<AnyDB>)
      .selectFrom(table.name)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table.name] = Number(row.n);
  }
  return counts;
}

/** Every application table, sorted by primary key, values as the backup writes them: for comparing databases. */
export async function snapshotTables(db: Kysely<DB>): Promise<Record<string, Row[]>> {
  return db.transaction().execute(async (trx) => {
    await portableSession(trx);
    const out: Record<string, Row[]> = {};
    for (const table of await readCatalog(trx)) {
      out[table.name] = [];
      for await (const rows of readTable(trx, table)) out[table.name]!.push(...rows);
    }
    return out;
  });
}
