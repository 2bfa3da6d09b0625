import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { PackageSummary } from '@shared/contract/exchange';
import { invalid } from '@main/api/errors';
import { databaseProblem, openReadonly } from '@db/inspect';
import { databaseFacts, MANIFEST_FORMAT, PACKAGE_DB_NAME, type Manifest } from './dataPackage';
import { Share, sha256File, type ShareOptions } from './shareFs';
import { fileStamp } from '@shared/russian';

/**
 * The coordinator's view of a center's data package: the package is copied from the share to
 * this PC, every file is checked against the SHA-256 in its manifest, and only the local copy
 * is opened, read-only. SQLite is never opened over the network.
 */

function parseManifest(text: string): Manifest {
  let value: Partial<Manifest>;
  try {
    value = JSON.parse(text) as Partial<Manifest>;
  } catch {
    throw invalid('Файл manifest.json повреждён: это не JSON');
  }
  if (value.format !== MANIFEST_FORMAT || !Array.isArray(value.files) || !value.center || typeof value.year !== 'number') {
    throw invalid('Это не описание пакета данных ресурсного центра (manifest.json другого формата)');
  }
  for (const file of value.files) {
    const rel = String(file.path);
    if (path.isAbsolute(rel) || /^[A-Za-z]:/.test(rel) || rel.includes('\\') || typeof file.sha256 !== 'string') {
      throw invalid('В manifest.json указан недопустимый путь к файлу');
    }
  }
  return value as Manifest;
}

export interface OpenPackageOptions extends Omit<ShareOptions, 'folder'> {
  manifestPath: string;
  /** Where received packages are kept on this PC (`<dataDir>/received`). */
  receiveDir: string;
  nativeBinding?: string;
  now?: () => Date;
}

export async function openPackage(options: OpenPackageOptions): Promise<PackageSummary> {
  const manifestPath = path.resolve(options.manifestPath);
  const packageDir = path.dirname(manifestPath);
  const share = new Share({ ...options, folder: packageDir });
  const manifest = parseManifest(await share.readText(manifestPath));
  const dbEntry = manifest.files.find((f) => f.path === PACKAGE_DB_NAME);
  if (!dbEntry) throw invalid('В пакете нет файла базы данных');
  // The package lists the documents of its export beside it (`../../plan/…`), so a path may
  // leave the package folder, but never the export's `<center>/<year>` folder: a manifest
  // must not make this PC read (and copy) files from elsewhere on the share or the disk.
  const exportDir = path.resolve(packageDir, '..', '..');
  const outside = manifest.files.filter((f) => !path.resolve(packageDir, f.path).startsWith(exportDir + path.sep));
  if (outside.length > 0) throw invalid('В manifest.json указан недопустимый путь к файлу');

  const stamp = fileStamp(options.now?.() ?? new Date());
  mkdirSync(options.receiveDir, { recursive: true });
  const local = mkdtempSync(path.join(options.receiveDir, `${path.basename(packageDir)}-получен-${stamp}-`));
  try {
    const checks = [];
    for (const file of manifest.files) {
      const source = path.resolve(packageDir, file.path);
      const target = path.join(local, file.path === PACKAGE_DB_NAME ? PACKAGE_DB_NAME : path.basename(file.path));
      await share.download(source, target);
      const ok = (await sha256File(target)) === file.sha256;
      checks.push({ path: file.path, size: file.size, ok });
    }
    const bad = checks.filter((c) => !c.ok);
    if (bad.length > 0) {
      throw invalid(`Пакет повреждён или изменён после выгрузки: не совпадает контрольная сумма (${bad.map((b) => b.path).join(', ')})`);
    }
    const sqlite = openReadonly(path.join(local, PACKAGE_DB_NAME), options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    try {
      const problem = databaseProblem(sqlite);
      if (problem) throw invalid(`База данных пакета не прошла проверку: ${problem}`);
      const facts = databaseFacts(sqlite);
      return {
        manifestPath,
        localCopy: local,
        centerCode: manifest.center.code,
        centerName: facts.centerName || manifest.center.name,
        year: manifest.year,
        createdAt: manifest.createdAt,
        appVersion: manifest.appVersion,
        schemaVersion: facts.schemaVersion,
        files: checks,
        records: Object.entries(facts.records).map(([table, count]) => ({ table, count })),
      };
    } finally {
      sqlite.close();
    }
  } catch (error) {
    rmSync(local, { recursive: true, force: true });
    throw error;
  }
}
