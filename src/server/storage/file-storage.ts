// Attachments live outside the database behind this interface; the disk implementation stores each
// file under a random key, sharded by its first two characters.
import { mkdir, readFile, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface FileStorage {
  put(data: Buffer): Promise<string>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

export function createDiskStorage(root: string): FileStorage {
  const where = (key: string) => {
    if (!/^[a-f0-9]{32}$/.test(key)) throw new Error('bad storage key');
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async put(data) {
      const key = randomBytes(16).toString('hex');
      const file = where(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data, { flag: 'wx' });
      return key;
    },
    get: (key) => readFile(where(key)),
    remove: (key) => rm(where(key), { force: true }),
  };
}

export function createMemoryStorage(): FileStorage {
  const files = new Map<string, Buffer>();
  return {
    async put(data) {
      const key = randomBytes(16).toString('hex');
      files.set(key, Buffer.from(data));
      return key;
    },
    async get(key) {
      const f = files.get(key);
      if (!f) throw new Error('not found');
      return f;
    },
    async remove(key) {
      files.delete(key);
    },
  };
}
