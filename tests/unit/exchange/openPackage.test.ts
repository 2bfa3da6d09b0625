import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@db/open';
import { listPeople } from '@main/services/registry/people';
import { personListInput } from '@shared/contract/registry';
import { describe, expect, it } from 'vitest';
import { runExport } from '@main/services/exchange/export';
import { openPackage } from '@main/services/exchange/openPackage';
import { sha256 } from '@main/services/exchange/shareFs';
import { demoDataDir, exportEnv, tempDirs } from './helpers';

const tempDir = tempDirs();

describe('opening a data package', () => {
  it('refuses a manifest that points outside its own folder and reads nothing from there', async () => {
    const share = tempDir('rc-share-');
    const packageDir = path.join(share, 'RC-06', '2017', 'data', 'RC-06-2017');
    mkdirSync(packageDir, { recursive: true });
    // A file beside the package that the manifest must not be able to pull in.
    const secret = Buffer.from('чужой документ');
    writeFileSync(path.join(share, 'secret.txt'), secret);
    const manifest = {
      format: 'resource-center-export',
      formatVersion: 1,
      center: { code: 'RC-06', name: 'Центр' },
      year: 2017,
      createdAt: '2017-12-31T00:00:00.000Z',
      appVersion: '1.0.0',
      schemaVersion: 1,
      kinds: ['data'],
      records: {},
      files: [
        { path: '../../../../secret.txt', size: secret.length, sha256: sha256(secret) },
        { path: 'data.sqlite', size: 0, sha256: sha256(Buffer.alloc(0)) },
      ],
    };
    writeFileSync(path.join(packageDir, 'manifest.json'), JSON.stringify(manifest));
    const receiveDir = tempDir('rc-received-');
    await expect(openPackage({ manifestPath: path.join(packageDir, 'manifest.json'), receiveDir })).rejects.toThrow(
      'В manifest.json указан недопустимый путь к файлу',
    );
    expect(readdirSync(receiveDir)).toEqual([]);
  });

  it('opens a package whose manifest lists the documents exported beside it', async () => {
    const { dataDir, opened } = demoDataDir();
    const target = tempDir('rc-target-');
    try {
      const outcome = await runExport(
        { year: 2017, kinds: ['plan', 'data'], folder: target, centerCode: 'RC-06', origin: 'ui' },
        exportEnv(opened, dataDir),
      );
      expect(outcome.status).toBe('ok');
      const manifest = outcome.files.find((f) => f.path.endsWith('manifest.json'))!;
      const summary = await openPackage({ manifestPath: path.join(target, manifest.path), receiveDir: path.join(dataDir, 'received') });
      expect(summary.files.map((f) => f.path)).toContain('../../plan/План работы на 2017 год (для утверждения).docx');
      expect(summary.files.every((f) => f.ok)).toBe(true);
      // The package carries no search index (it is derived); the coordinator's copy finds people by their names.
      const copy = openDatabase({ file: path.join(summary.localCopy, 'data.sqlite'), readonly: true });
      try {
        const [first] = listPeople(copy.db, personListInput.parse({ limit: 1 })).rows;
        const found = listPeople(copy.db, personListInput.parse({ search: first!.lastName, limit: 500 })).rows;
        expect(found.map((p) => p.id)).toContain(first!.id);
      } finally {
        copy.sqlite.close();
      }
    } finally {
      opened.sqlite.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
