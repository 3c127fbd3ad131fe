/**
 * `nhanluc`: the administrator's command line. It reads the same environment as the server
 * (DATABASE_URL, or the embedded PGlite under DATA_DIR/db) and calls the same services, so whatever it
 * does the server would do the same way. This file only parses arguments; ./commands does the work.
 * Any failure prints one clear line to stderr and exits non-zero.
 */
import { existsSync, statSync } from 'node:fs';
import { Command } from 'commander';

const commands = () => import('./commands');

/** Checked here, before the database code loads, so a mistyped path is answered at once. */
function requireFile(file: string, what: string) {
  const problem = !existsSync(file) ? 'not found' : !statSync(file).isFile() ? 'is not a file' : null;
  if (problem) throw new UsageError(`${what} ${problem}: ${file}`);
}

class UsageError extends Error {}

function buildProgram() {
  const program = new Command('nhanluc')
    .description(
      'Nhân Lực administration: database migrations, seeding, accounts, reference data, backup and restore.\n' +
        'Uses the server environment: DATABASE_URL for a PostgreSQL server, otherwise the embedded database in DATA_DIR/db.',
    )
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(`nhanluc: ${text}`) });

  program
    .command('migrate')
    .description('apply pending database migrations and list the applied ones')
    .action(async () => (await commands()).migrate());

  program
    .command('seed')
    .description(
      'write reference data (provinces, former provinces); with --demo also demo organisations and accounts',
    )
    .option('--demo', 'also seed demo data, unless it is already there')
    .action(async (opts: { demo?: boolean }) => (await commands()).seed(opts));

  program
    .command('create-admin')
    .description('create a platform administrator, or grant the role to an existing account')
    .requiredOption('--email <email>', 'e-mail address to sign in with')
    .requiredOption('--name <name>', 'display name')
    .option('--password <password>', 'password (default: a strong one is generated and printed once)')
    .action(async (opts: { email: string; name: string; password?: string }) =>
      (await commands()).createAdmin(opts),
    );

  program
    .command('import-communes')
    .description('import or update the official commune list from a vn-units JSON file')
    .argument('<file>', 'vn-units JSON file, e.g. ../shared/data/vn-admin/vn-units-2026-07-25.json')
    .action(async (file: string) => {
      requireFile(file, 'commune file');
      return (await commands()).importCommunesFile(file);
    });

  program
    .command('import-esco')
    .description('import or update ESCO skills, occupations and their links from the official CSV release')
    .argument(
      '<classification>',
      'the classification zip, e.g. ../shared/data/esco/esco-v1.1.1-classification-en-csv.zip',
    )
    .argument('<relations>', 'the relations zip, e.g. ../shared/data/esco/esco-v1.1.1-relations-csv.zip')
    .action(async (classification: string, relations: string) => {
      requireFile(classification, 'ESCO classification file');
      requireFile(relations, 'ESCO relations file');
      return (await commands()).importEscoFiles(classification, relations);
    });

  program
    .command('send-reminders')
    .description(
      'send the day-before reminders of cohorts starting tomorrow (a running server does this hourly; safe to repeat)',
    )
    .option('--date <YYYY-MM-DD>', "treat this as today's date in Vietnam (default: today)")
    .action(async (opts: { date?: string }) => (await commands()).sendReminders(opts));

  program
    .command('backup')
    .description('write a portable backup of every application table (gzip JSON lines; PGlite or PostgreSQL)')
    .argument('<file>', 'where to write, e.g. backups/nhanluc-2026-01-31.jsonl.gz')
    .action(async (file: string) => (await commands()).backup(file));

  program
    .command('restore')
    .description('replace every application table with the contents of a backup, in one transaction')
    .argument('<file>', 'a file written by `nhanluc backup`')
    .option('--force', 'replace the data even if the database is not empty')
    .action(async (file: string, opts: { force?: boolean }) => {
      requireFile(file, 'backup file');
      return (await commands()).restore(file, opts);
    });

  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`nhanluc: error: ${e.message}\n`);
      return 1;
    }
    const { message, code, expected } = (await commands()).describeError(e);
    process.stderr.write(`nhanluc: error: ${message}\n`);
    if (!expected && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    return code;
  }
}

// An explicit exit: after PGlite has run, a process left to end with a non-zero exitCode never ends.
process.exit(await main(process.argv));
