import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '@main/launcher/bundle';
import {
  checkModuleVersion,
  electronNativeFile,
  electronPackageAbi,
  gypArguments,
  gypEnvironment,
  readModuleVersion,
} from '@main/launcher/native';

const nodeBuild = path.join(
  path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);
const nodeAbi = Number(process.versions.modules);
const require = createRequire(import.meta.url);
const electronVersion = (require('electron/package.json') as { version: string }).version;
/** NODE_MODULE_VERSION of the pinned Electron, as its package declares it (node_modules/electron/abi_version). */
const electronAbi = electronPackageAbi(ROOT);

/**
 * node-abi's table of runtimes and their module versions: the one electron-builder's
 * @electron/rebuild uses, reached through it rather than whichever copy is hoisted.
 */
const nodeAbiTable = createRequire(createRequire(require.resolve('app-builder-lib/package.json')).resolve('@electron/rebuild'))(
  'node-abi',
) as { getAbi(target: string, runtime: 'node' | 'electron'): string };

/** An addon file as node-gyp would leave it for a module version (only the symbol that names it matters). */
function addonFor(dir: string, abi: number): string {
  const file = path.join(dir, `abi-${abi}.node`);
  writeFileSync(file, Buffer.concat([Buffer.from('\x7fELF....'), Buffer.from(`node_register_module_v${abi}\0`, 'latin1')]));
  return file;
}

describe('the module version of the pinned Electron', () => {
  it("is the one node-abi's table gives for this release, and not Node's", () => {
    expect(electronVersion.split('.')[0]).toBe('45');
    expect(electronAbi).toBe(Number(nodeAbiTable.getAbi(electronVersion, 'electron')));
    // Electron 45: NODE_MODULE_VERSION 150 (Node 20, which runs the tests: 115).
    expect(electronAbi).toBe(150);
    expect(nodeAbi).not.toBe(electronAbi);
    expect(Number(nodeAbiTable.getAbi(process.versions.node, 'node'))).toBe(nodeAbi);
  });

  it('accepts an addon built for it and refuses one built for Node or for Electron 41', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-abi-'));
    try {
      expect(checkModuleVersion(addonFor(dir, electronAbi), electronAbi)).toEqual({ ok: true });
      expect(checkModuleVersion(addonFor(dir, nodeAbi), electronAbi)).toMatchObject({ ok: false, found: nodeAbi });
      expect(checkModuleVersion(addonFor(dir, 145), electronAbi)).toMatchObject({
        ok: false,
        found: 145,
        reason: 'abi-145.node: NODE_MODULE_VERSION 145 вместо 150 / is 145, expected 150',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the Electron build of better-sqlite3', () => {
  it('reads the module version an addon was compiled for', () => {
    expect(readModuleVersion(nodeBuild)).toBe(nodeAbi);
  });

  it("rejects Node's build for Electron, whatever a rebuild printed", () => {
    const check = checkModuleVersion(nodeBuild, electronAbi);
    expect(check).toMatchObject({ ok: false, found: nodeAbi });
    expect(checkModuleVersion(nodeBuild, nodeAbi)).toEqual({ ok: true });
  });

  it('rejects a missing file and a file without a module version', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-native-'));
    try {
      expect(checkModuleVersion(path.join(dir, 'better_sqlite3.node'), electronAbi).ok).toBe(false);
      const fake = path.join(dir, 'fake.node');
      writeFileSync(fake, 'node_register_module_v but no digits');
      expect(readModuleVersion(fake)).toBeUndefined();
      expect(checkModuleVersion(fake, electronAbi).ok).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("loads Node's own build in Node through nativeBinding, as Electron loads its build", () => {
    const db = new Database(':memory:', { nativeBinding: nodeBuild });
    expect(db.prepare('select 1 + 1 as two').get()).toEqual({ two: 2 });
    db.close();
  });

  it("compiles against Electron's headers, not the nodedir from npm's configuration", () => {
    expect(gypArguments(electronVersion, 'x64', '/h')).toEqual(
      expect.arrayContaining([
        'rebuild',
        `--target=${electronVersion}`,
        '--arch=x64',
        '--dist-url=https://electronjs.org/headers',
        '--runtime=electron',
        '--devdir=/h',
      ]),
    );
    const env = gypEnvironment({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_target: '20.0.0',
      npm_config_cache: '/c',
    });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_cache: '/c' });
  });

  it('keeps the Electron build in a folder of its own, per Electron version', () => {
    expect(electronNativeFile('/repo', '45.5.0')).toBe(path.join('/repo', '.electron-native', '45.5.0', 'better_sqlite3.node'));
    expect(electronNativeFile(ROOT, electronVersion)).not.toBe(nodeBuild);
  });
});
