import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModuleVersion, electronNativeFile, gypArguments, gypEnvironment, readModuleVersion } from '@main/launcher/native';

const nodeBuild = path.join(
  path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);
const nodeAbi = Number(process.versions.modules);
/** NODE_MODULE_VERSION of Electron 41 (node_modules/electron/abi_version of electron@41.7.1). */
const electronAbi = 145;

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
    expect(gypArguments('41.7.1', 'x64', '/h')).toEqual(
      expect.arrayContaining([
        'rebuild',
        '--target=41.7.1',
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
    expect(electronNativeFile('/repo', '41.7.1')).toBe(path.join('/repo', '.electron-native', '41.7.1', 'better_sqlite3.node'));
    expect(electronNativeFile('/repo', '41.7.1')).not.toBe(nodeBuild);
  });
});
