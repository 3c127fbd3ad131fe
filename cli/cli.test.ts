import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const unitsFile = join(repoRoot, '..', 'shared', 'data', 'vn-admin', 'vn-units-2026-07-25.json');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI as an operator runs it: a child process reading its environment. */
function nhanluc(dataDir: string, ...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'cli/main.ts', ...args],
      {
        cwd: repoRoot,
        // Always the embedded database of the temp folder, whatever the environment of the test run says.
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'test' },
        // Generous: a fresh PGlite database takes seconds to create, many more on a busy machine.
        timeout: 150_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** "  users   12" lines of a backup or restore report. */
const countsOf = (stdout: string) =>
  Object.fromEntries([...stdout.matchAll(/^ {2}(\w+) +(\d+)(?: rows)?$/gm)].map((m) => [m[1], Number(m[2])]));

describe('nhanluc CLI', { timeout: 300_000 }, () => {
  let root: string;
  let a: string;
  let b: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'nhanluc-cli-'));
    a = join(root, 'a');
    b = join(root, 'b');
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('shows its commands with --help', async () => {
    const r = await nhanluc(a, '--help');
    expect(r.code).toBe(0);
    for (const command of [
      'migrate',
      'seed',
      'create-admin',
      'import-communes',
      'send-reminders',
      'backup',
      'restore',
    ]) {
      expect(r.stdout).toContain(command);
    }
  });

  it('migrates an empty database and lists the migrations', async () => {
    const r = await nhanluc(a, 'migrate');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/applied now: 0001_foundation, 0002_geo/);
    expect(r.stdout).toMatch(/database is at: 0001_foundation/);
    // The restore target starts as a copy of this empty, migrated database: creating a second PGlite
    // cluster from scratch costs several seconds and proves nothing the line above has not.
    cpSync(a, b, { recursive: true });
  });

  it('creates a platform admin with a generated password, then only grants the role to an existing account', async () => {
    const first = await nhanluc(a, 'create-admin', '--email', 'ops@nic.example.vn', '--name', 'Ngô Thị Hà');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('created platform admin ops@nic.example.vn (Ngô Thị Hà)');
    expect(first.stdout).toMatch(/password \(shown once, store it now\): \S{12,}/);

    const again = await nhanluc(a, 'create-admin', '--email', 'OPS@nic.example.vn', '--name', 'X');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already a platform admin: nothing changed');

    const weak = await nhanluc(
      a,
      'create-admin',
      '--email',
      'weak@nic.example.vn',
      '--name',
      'Y',
      '--password',
      '12345',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/nhanluc: error: .*at least 10 characters/);
  });

  it('imports the official commune list with progress on stderr', async () => {
    const r = await nhanluc(a, 'import-communes', unitsFile);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/communes: 3321 in 34 provinces/);
    expect(r.stdout).toMatch(/inserted 3321, updated 0, unchanged 0/);
    expect(r.stderr).toMatch(/importing communes: 3321\/3321/);
  });

  it('backs up and restores into another data folder with the same counts', async () => {
    const file = join(root, 'nhanluc.jsonl.gz');
    const backup = await nhanluc(a, 'backup', file);
    expect(backup.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const backedUp = countsOf(backup.stdout);
    expect(backedUp).toMatchObject({ communes: 3321, provinces: 34, users: 1 });

    const restore = await nhanluc(b, 'restore', file);
    expect(restore.stderr).not.toMatch(/error/);
    expect(restore.code).toBe(0);
    expect(countsOf(restore.stdout)).toEqual(backedUp);

    // A second restore would overwrite data: it needs --force.
    const again = await nhanluc(b, 'restore', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/the database is not empty .*--force/);
  });

  it('fails with a clear message and a non-zero exit on a bad file', async () => {
    const missing = await nhanluc(a, 'import-communes', join(root, 'no-such-file.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nhanluc: error: commune file not found: .*no-such-file\.json/);

    const notBackup = await nhanluc(b, 'restore', unitsFile);
    expect(notBackup.code).toBe(1);
    expect(notBackup.stderr).toMatch(/nhanluc: error: .*damaged or incomplete/);
  });

  it('sends the day-before reminders of the demo class starting in two weeks, once, as mail files', async () => {
    const bad = await nhanluc(a, 'send-reminders', '--date', '24/11/2026');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--date must be a calendar date YYYY-MM-DD/);

    const seeded = await nhanluc(a, 'seed', '--demo');
    expect(seeded.code).toBe(0);
    // The demo seed opens each first course's second class 14 days after the day it runs.
    const dayBefore = new Date(Date.now() + 13 * 86_400_000).toLocaleDateString('en-CA', {
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    const first = await nhanluc(a, 'send-reminders', '--date', dayBefore);
    expect(first.code).toBe(0);
    const sent = Number(first.stdout.match(/^\S+: (\d+) cohort start reminders sent/m)?.[1]);
    expect(sent).toBeGreaterThan(0);
    expect(readdirSync(join(a, 'mail')).filter((f) => f.endsWith('.eml'))).toHaveLength(sent);

    const again = await nhanluc(a, 'send-reminders', '--date', dayBefore);
    expect(again.stdout).toMatch(/: 0 cohort start reminders sent/);
  });
});
