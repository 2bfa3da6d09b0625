import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { BackupEntry } from '@shared/contract/backup';
import type { StoredFile } from '@shared/contract/files';
import { MAX_UPLOAD_BYTES } from '@shared/contract/files';
import { backupStoreDir, getStoredFile, openStoredFile, putFile, referencesTo, storeDir } from '@main/services/files';
import { startHost, TOKEN_HEADER, UPLOAD_PATH } from '@main/host/server';
import { tempDirs } from '@tests/unit/exchange/helpers';
import { refusal, startApp, value } from '@tests/unit/hostile/helpers';

/** The file store for attachments: content-addressed, shared, carried by backups and restores. */

const tempDir = tempDirs();
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('логотип центра')]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('the file store', () => {
  it('keeps a file once under its hash, sniffs its type from the bytes, and reads it back', async () => {
    const app = startApp(tempDir('rc-files-'));
    try {
      const first = await putFile(app.db, app.env.dataDir, Readable.from([PNG]), { originalName: 'C:\\Users\\мария\\logo.txt' });
      expect(first).toMatchObject({ hash: sha(PNG), size: PNG.length, mime: 'image/png', originalName: 'logo.txt' });
      const stored = path.join(storeDir(app.env.dataDir), first.hash.slice(0, 2), first.hash);
      expect(readFileSync(stored)).toEqual(PNG);
      // The same content under another name: stored once, shared.
      const again = await putFile(app.db, app.env.dataDir, Readable.from([PNG]), { originalName: 'копия.png' });
      expect(again.hash).toBe(first.hash);
      expect(app.sqlite.prepare('SELECT count(*) FROM stored_files').pluck().get()).toBe(1);
      expect(await streamToBuffer(openStoredFile(app.db, app.env.dataDir, first.hash).stream)).toEqual(PNG);
      expect(value<StoredFile>(await app.dispatch('files.get', { hash: first.hash })).mime).toBe('image/png');
      // Nothing refers to it yet; a register's foreign key is found without being listed (the certificates' logo).
      expect(referencesTo(app.db, first.hash)).toEqual([
        { table: 'certificate_layout', column: 'logo_hash', count: 0 },
        { table: 'publication_files', column: 'file_hash', count: 0 },
      ]);
    } finally {
      app.close();
    }
  });

  it('reads back only names that are a hash, and refuses a file over the limit leaving nothing', async () => {
    const app = startApp(tempDir('rc-files-'));
    try {
      expect(refusal(await app.dispatch('files.get', { hash: '../../resource-center.sqlite' })).code).toBe('validation');
      expect(getStoredFile(app.db, `${'a'.repeat(63)}/`)).toBeUndefined();
      expect(() => openStoredFile(app.db, app.env.dataDir, '../x')).toThrow(/не найден/);
      await expect(
        putFile(app.db, app.env.dataDir, Readable.from([Buffer.alloc(2048)]), { originalName: 'a.pdf', maxBytes: 1024 }),
      ).rejects.toThrow(/больше/);
      expect(app.sqlite.prepare('SELECT count(*) FROM stored_files').pluck().get()).toBe(0);
      expect(existsSync(storeDir(app.env.dataDir)) ? readdir(storeDir(app.env.dataDir)) : []).toEqual([]);
    } finally {
      app.close();
    }
  });

  it('the browser host streams an upload into the store with the token, never as JSON', async () => {
    const app = startApp(tempDir('rc-files-'));
    const host = await startHost({ dispatch: app.dispatch, upload: app.upload });
    try {
      const post = (query: string, body: Buffer, token = host.token) =>
        fetch(`${host.url}${UPLOAD_PATH}?${query}`, {
          method: 'POST',
          headers: { [TOKEN_HEADER]: token, 'Content-Type': 'application/octet-stream' },
          body: new Uint8Array(body),
        });
      const ok = await post(`name=${encodeURIComponent('Логотип.png')}&size=${PNG.length}`, PNG);
      expect(ok.status).toBe(200);
      const stored = ((await ok.json()) as { value: StoredFile }).value;
      expect(stored).toMatchObject({ hash: sha(PNG), mime: 'image/png', originalName: 'Логотип.png' });
      expect((await post(`name=x.png&size=${PNG.length}`, PNG, 'wrong-token')).status).toBe(401);
      const device = await post(`name=CON.png&size=${PNG.length}`, PNG);
      expect(device.status).toBe(400);
      expect(((await device.json()) as { error: { message: string } }).error.message).toMatch(/устройства Windows/);
      expect((await post(`name=x.png&size=${MAX_UPLOAD_BYTES + 1}`, PNG)).status).toBe(400);
      expect((await post('name=x.png&size=3', PNG)).status).toBe(413);
    } finally {
      await host.close();
      app.close();
    }
  });

  it('backups share one store of their own; a copy to a chosen file carries the files; restore finds them and checks them', async () => {
    const dataDir = tempDir('rc-files-');
    const app = startApp(dataDir);
    const away = tempDir('rc-away-');
    try {
      const file = await putFile(app.db, dataDir, Readable.from([PNG]), { originalName: 'logo.png' });
      const daily = value<BackupEntry>(await app.dispatch('backup.now', {}));
      const shelved = path.join(backupStoreDir(dataDir), file.hash.slice(0, 2), file.hash);
      expect(readFileSync(shelved)).toEqual(PNG);
      // A second backup does not copy it again: one file, with the store's own as a hard link.
      value(await app.dispatch('backup.now', {}));
      expect(statSync(shelved).nlink).toBe(2);
      const mailed = value<BackupEntry>(await app.dispatch('backup.now', { targetFile: path.join(away, 'с вложениями.sqlite') }));
      const embedded = new Database(mailed.file, { readonly: true });
      expect(embedded.prepare('SELECT hash FROM rc_attached_files').pluck().all()).toEqual([file.hash]);
      embedded.close();

      // On another PC: the mailed file alone brings the attachment along, checked against its hash.
      const other = startApp(tempDir('rc-other-'));
      try {
        const preview = value<{ missingFiles: number }>(await other.dispatch('backup.preview', { file: mailed.file }));
        expect(preview.missingFiles).toBe(0);
        value(await other.dispatch('backup.restore', { file: mailed.file }));
        expect(await streamToBuffer(openStoredFile(other.db, other.env.dataDir, file.hash).stream)).toEqual(PNG);
      } finally {
        other.close();
      }
      // A daily copy restored here after the store lost the file: taken back from the backups' store.
      rmSync(path.join(storeDir(dataDir), file.hash.slice(0, 2), file.hash));
      value(await app.dispatch('backup.restore', { file: daily.file }));
      expect(readFileSync(path.join(storeDir(dataDir), file.hash.slice(0, 2), file.hash))).toEqual(PNG);
      // A forged store file (content not matching its name) is not taken, and the restore says a file is missing.
      rmSync(path.join(storeDir(dataDir), file.hash.slice(0, 2), file.hash));
      rmSync(shelved);
      writeFileSync(shelved, 'подмена');
      const forged = value<{ missingFiles: number }>(await app.dispatch('backup.preview', { file: daily.file }));
      expect(forged.missingFiles).toBe(1);
    } finally {
      app.close();
    }
  });
});

/** Names in a folder, the temporary ones included: a refused upload leaves none. */
const readdir = (dir: string) => readdirSync(dir);
