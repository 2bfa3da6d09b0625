import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { NATIVE_DIR, NATIVE_FILE } from '@main/window/paths';

/**
 * better-sqlite3 for Electron, kept apart from Node's build.
 *
 * node_modules/better-sqlite3/build is Node's ABI (tests, the browser host, drizzle-kit).
 * Electron needs the same addon compiled against its own headers; rebuilding in place would
 * break Node. So the sources are copied into .electron-native/<version>/build, compiled
 * there with node-gyp against Electron's headers, and the result is accepted only when its
 * NODE_MODULE_VERSION is Electron's and it actually opens a database inside Electron. The
 * main process passes it to better-sqlite3 as `nativeBinding` (electron/window/paths.ts);
 * electron-builder.yml copies the same verified file into the package's resources.
 */

const require = createRequire(import.meta.url);

export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

export function electronNativeFile(root: string, electronVersion: string): string {
  return path.join(root, NATIVE_DIR, electronVersion, NATIVE_FILE);
}

/**
 * The NODE_MODULE_VERSION a non-N-API addon was compiled for: Node's module macro exports a
 * symbol `node_register_module_v<N>` (ELF, PE and Mach-O alike). Undefined when absent.
 */
export function readModuleVersion(file: string): number | undefined {
  const bytes = readFileSync(file);
  const marker = Buffer.from('node_register_module_v', 'latin1');
  let at = bytes.indexOf(marker);
  while (at !== -1) {
    let end = at + marker.length;
    while (end < bytes.length && bytes[end]! >= 0x30 && bytes[end]! <= 0x39) end += 1;
    if (end > at + marker.length) return Number(bytes.subarray(at + marker.length, end).toString('latin1'));
    at = bytes.indexOf(marker, end);
  }
  return undefined;
}

/**
 * The NODE_MODULE_VERSION the installed electron package declares for its binary
 * (node_modules/electron/abi_version; 150 for Electron 45). Known without the binary, so the
 * addon in .electron-native can be judged before Electron is ever run.
 */
export function electronPackageAbi(root: string): number {
  const manifest = createRequire(path.join(root, 'package.json')).resolve('electron/package.json');
  const value = Number(readFileSync(path.join(path.dirname(manifest), 'abi_version'), 'utf8').trim());
  if (!Number.isInteger(value) || value <= 0) throw new Error(`electron/abi_version: не число / not a number`);
  return value;
}

export type AbiCheck = { ok: true } | { ok: false; found: number | undefined; reason: string };

/** Refuses an addon built for another runtime, whatever a build tool printed. */
export function checkModuleVersion(file: string, expected: number): AbiCheck {
  if (!existsSync(file)) return { ok: false, found: undefined, reason: `${file} не найден / not found` };
  const found = readModuleVersion(file);
  if (found === expected) return { ok: true };
  return {
    ok: false,
    found,
    reason: `${path.basename(file)}: NODE_MODULE_VERSION ${found ?? '?'} вместо ${expected} / is ${found ?? '?'}, expected ${expected}`,
  };
}

/**
 * npm passes its configuration to scripts as npm_config_* variables; a configured `nodedir`
 * (as on this machine) makes node-gyp use Node's headers whatever --target says.
 */
export function gypEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(key)) continue;
    clean[key] = value;
  }
  return clean;
}

export function gypArguments(electronVersion: string, arch: string, devDir: string): string[] {
  return [
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    `--dist-url=${ELECTRON_HEADERS_URL}`,
    '--runtime=electron',
    // Electron's headers are cached apart from Node's.
    `--devdir=${devDir}`,
  ];
}

function runElectronAsNode(electronPath: string, script: string): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  const result = spawnSync(electronPath, ['-e', script], { env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? (result.error ? String(result.error) : '') };
}

/** The NODE_MODULE_VERSION of the Electron binary itself. */
export function electronModuleVersion(electronPath: string): number {
  const run = runElectronAsNode(electronPath, 'process.stdout.write(process.versions.modules)');
  const value = Number(run.stdout.trim());
  if (run.status !== 0 || !Number.isInteger(value) || value <= 0) {
    throw new Error(`Electron не запустился в режиме Node / Electron did not run as Node: ${run.stderr.trim()}`);
  }
  return value;
}

/** Opens an in-memory database with the addon inside Electron: the only proof that counts. */
export function loadsInElectron(electronPath: string, root: string, binding: string): { ok: boolean; detail: string } {
  const library = path.join(root, 'node_modules', 'better-sqlite3');
  const script = [
    `const Database = require(${JSON.stringify(library)});`,
    `const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(binding)} });`,
    `const row = db.prepare('select sqlite_version() as v').get();`,
    'db.close();',
    'process.stdout.write(`ok ${process.versions.electron} ${row.v}`);',
  ].join('\n');
  const run = runElectronAsNode(electronPath, script);
  const ok = run.status === 0 && run.stdout.startsWith('ok ');
  return { ok, detail: ok ? run.stdout : run.stderr.trim() || run.stdout.trim() };
}

/** Compiles better-sqlite3's sources for Electron in a folder of its own; returns the built addon. */
export function compileForElectron(root: string, electronVersion: string, arch = process.arch): string {
  const versionDir = path.join(root, NATIVE_DIR, electronVersion);
  const buildDir = path.join(versionDir, 'build-src');
  const source = path.join(root, 'node_modules', 'better-sqlite3');
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  for (const part of ['binding.gyp', 'package.json', 'src', 'deps'])
    cpSync(path.join(source, part), path.join(buildDir, part), { recursive: true });

  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  const result = spawnSync(process.execPath, [gyp, ...gypArguments(electronVersion, arch, path.join(root, NATIVE_DIR, 'headers'))], {
    cwd: buildDir,
    env: gypEnvironment(process.env),
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    throw new Error(
      `Не удалось собрать better-sqlite3 для Electron ${electronVersion} (нужен интернет для заголовков Electron и компилятор) / ` +
        `Could not build better-sqlite3 for Electron ${electronVersion} (needs internet for Electron's headers and a compiler)`,
    );
  }
  return path.join(buildDir, 'build', 'Release', NATIVE_FILE);
}

export interface PrepareOptions {
  root: string;
  electronPath: string;
  electronVersion: string;
  log?: (line: string) => void;
}

/**
 * Returns the verified Electron-ABI addon, building it first when it is missing or wrong.
 * Throws with a Russian+English message when it cannot be prepared.
 */
export function prepareElectronNative(options: PrepareOptions): string {
  const { root, electronPath, electronVersion } = options;
  const log = options.log ?? (() => undefined);
  const target = electronNativeFile(root, electronVersion);
  const abi = electronPackageAbi(root);
  const running = electronModuleVersion(electronPath);
  if (running !== abi) {
    throw new Error(
      `Electron ${electronPath} сообщает NODE_MODULE_VERSION ${running}, пакет electron — ${abi} / reports ${running}, the electron package declares ${abi}`,
    );
  }

  if (checkModuleVersion(target, abi).ok && loadsInElectron(electronPath, root, target).ok) return target;

  log(`Сборка better-sqlite3 для Electron ${electronVersion} / Building better-sqlite3 for Electron ${electronVersion}`);
  const built = compileForElectron(root, electronVersion);
  const abiCheck = checkModuleVersion(built, abi);
  if (!abiCheck.ok) throw new Error(`Собран не для Electron / Not built for Electron: ${abiCheck.reason}`);
  const loaded = loadsInElectron(electronPath, root, built);
  if (!loaded.ok) throw new Error(`Сборка не загружается в Electron / The build does not load in Electron: ${loaded.detail}`);

  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(built, target);
  log(`better-sqlite3 для Electron готов / ready: ${target} (${loaded.detail})`);
  return target;
}
