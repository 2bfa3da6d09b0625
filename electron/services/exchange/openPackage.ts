import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import type { PackageSummary } from '@shared/contract/exchange';
import { invalid } from '@main/api/errors';
import { checkedName, isTempName, realFolder, removeOwn, userPath } from '@db/contained';
import { rebuildDatabase } from '@db/rebuild';
import { safeName } from '@shared/paths';
import { MANIFEST_FORMAT, PACKAGE_DB_NAME, type Manifest } from './dataPackage';
import { Share, sha256File, type ShareOptions } from './shareFs';
import { fileStamp } from '@shared/russian';

/**
 * The coordinator's view of a center's data package: the package is copied from the share to
 * this PC (every file lstat-ed before it is opened: a FIFO would block the reading thread), every
 * file is checked against the SHA-256 in its manifest, and the local copy of its database is
 * rebuilt by this version (db/rebuild.ts): only the rebuilt file is kept. SQLite is never
 * opened over the network.
 */

interface ManifestFileShape {
  path: string;
  sha256: string;
}

function parseManifest(text: string): Manifest {
  let value: Partial<Manifest> | null;
  try {
    value = JSON.parse(text) as Partial<Manifest> | null;
  } catch {
    throw invalid('Файл manifest.json повреждён: это не JSON');
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    value.format !== MANIFEST_FORMAT ||
    !Array.isArray(value.files) ||
    typeof value.center?.code !== 'string' ||
    typeof value.center.name !== 'string' ||
    typeof value.year !== 'number'
  ) {
    throw invalid('Это не описание пакета данных ресурсного центра (manifest.json другого формата)');
  }
  for (const file of value.files as unknown[]) {
    const entry = file as Partial<ManifestFileShape> | null;
    const rel = typeof entry?.path === 'string' ? entry.path : '';
    if (
      !rel ||
      rel.includes('\0') ||
      path.isAbsolute(rel) ||
      /^[A-Za-z]:/.test(rel) ||
      rel.includes('\\') ||
      typeof entry?.sha256 !== 'string'
    ) {
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
  const manifestPath = userPath(options.manifestPath, 'файл manifest.json пакета');
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
  const local = mkdtempSync(path.join(options.receiveDir, `${safeName(path.basename(packageDir))}-получен-${stamp}-`));
  const received = path.join(local, '.received.rc-tmp-data.sqlite');
  try {
    const checks = [];
    for (const file of manifest.files) {
      const source = path.resolve(packageDir, file.path);
      const isDb = file.path === PACKAGE_DB_NAME;
      const target = isDb ? received : path.join(local, checkedName(path.basename(file.path)));
      await share.download(source, target);
      const ok = (await sha256File(target)) === file.sha256;
      checks.push({ path: file.path, size: file.size, ok });
    }
    const bad = checks.filter((c) => !c.ok);
    if (bad.length > 0) {
      throw invalid(`Пакет повреждён или изменён после выгрузки: не совпадает контрольная сумма (${bad.map((b) => b.path).join(', ')})`);
    }
    // The received database is data: rebuilt by this version's migrations and row copy, only the rebuilt one is kept.
    const rebuilt = rebuildDatabase(received, path.join(local, PACKAGE_DB_NAME), { kind: 'restore' }, binding(options));
    removeOwn(realFolder(local), path.basename(received), isTempName);
    return {
      manifestPath,
      localCopy: local,
      centerCode: manifest.center.code,
      centerName: rebuilt.facts.centerName || manifest.center.name,
      year: manifest.year,
      createdAt: manifest.createdAt,
      appVersion: manifest.appVersion,
      schemaVersion: rebuilt.level,
      files: checks,
      records: Object.entries(rebuilt.facts.counts).map(([table, count]) => ({ table, count })),
    };
  } catch (error) {
    removeOwn(realFolder(options.receiveDir), path.basename(local), (name) => name.includes('-получен-'));
    throw error;
  }
}

const binding = (options: OpenPackageOptions) => (options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
