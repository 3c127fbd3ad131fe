/**
 * Where uploaded and generated files live, behind one interface: the local file system by default
 * (DATA_DIR/files), an object store later. Keys are opaque paths chosen by the caller; the `files`
 * table records what each key is.
 */
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';

export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  read(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

export class LocalFileStorage implements FileStorage {
  private readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }
  private path(key: string) {
    const p = resolve(this.root, key);
    // A key can never climb out of the storage folder.
    if (!p.startsWith(this.root + sep)) throw new Error(`invalid storage key: ${key}`);
    return p;
  }
  async put(key: string, data: Buffer) {
    const p = this.path(key);
    await mkdir(dirname(p), { recursive: true });
    // Write then rename: a reader never sees half a file.
    const tmp = `${p}.${process.pid}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, p);
  }
  async read(key: string) {
    return createReadStream(this.path(key));
  }
  async exists(key: string) {
    try {
      return (await stat(this.path(key))).isFile();
    } catch {
      return false;
    }
  }
  async delete(key: string) {
    await rm(this.path(key), { force: true });
  }
}

export class MemoryFileStorage implements FileStorage {
  readonly files = new Map<string, Buffer>();
  async put(key: string, data: Buffer) {
    this.files.set(key, Buffer.from(data));
  }
  async read(key: string) {
    const data = this.files.get(key);
    if (!data) throw new Error(`no file ${key}`);
    const { Readable } = await import('node:stream');
    return Readable.from([data]);
  }
  async exists(key: string) {
    return this.files.has(key);
  }
  async delete(key: string) {
    this.files.delete(key);
  }
}

export const storageFor = (dataDir: string) => new LocalFileStorage(join(dataDir, 'files'));
