import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { mainBuildOptions, preloadBuildOptions, ROOT } from '@main/launcher/bundle';
import { electronNativeFile } from '@main/launcher/native';
import { PACKAGED_NATIVE } from '@main/window/paths';

const require = createRequire(import.meta.url);
// electron-builder's own YAML parser and configuration validator (against its JSON schema).
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};

interface Target {
  target: string;
  arch: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  electronVersion: string;
  directories: { output: string };
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  publish: null;
  electronFuses: Record<string, boolean>;
  win: { target: Target[]; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: Target[]; category: string; icon: string };
}

const config = yaml.load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  productName: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

/** The JSON schema electron-builder publishes for its configuration (app-builder-lib/scheme.json). */
const validate = new Ajv({ allErrors: true, strict: false }).compile(require('app-builder-lib/scheme.json') as object);
const errorsOf = (candidate: unknown) => (validate(candidate) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's JSON schema", () => {
    expect(errorsOf(config)).toEqual([]);
  });

  it('would be refused by that schema with a misspelt fuse, an unknown option or a wrong type', () => {
    expect(errorsOf({ ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } }).join()).toMatch(/electronFuses/);
    expect(errorsOf({ ...config, npmRebuilt: false }).length).toBeGreaterThan(0);
    expect(errorsOf({ ...config, nsis: { ...config.nsis, oneClick: 'нет' } }).join()).toMatch(/\/nsis\/oneClick/);
  });

  it("passes electron-builder's own validation (the schema plus its deprecation checks)", async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('names the product in Russian and pins the Electron the app is built with', () => {
    expect(config.appId).toBe('ru.resource-center.desktop');
    expect(config.productName).toBe('Ресурсный центр');
    expect(config.productName).toBe(pkg.productName);
    expect(config.electronVersion).toBe(pkg.devDependencies.electron);
    expect(config.directories.output).toBe('release');
  });

  it('keeps Electron a pinned development tool, never a package of the installed app', () => {
    // electron-builder copies dependencies and optionalDependencies into app.asar.
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(pkg.optionalDependencies?.electron).toBeUndefined();
    const installed = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(pkg.devDependencies.electron);
  });

  it('builds a per-user Russian NSIS installer for Windows x64 that keeps the data on uninstall', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      installerLanguages: ['ru_RU'],
      language: '1049',
      unicode: true,
      createDesktopShortcut: 'always',
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds an AppImage for Linux in the Office category', () => {
    expect(config.linux.target).toEqual([{ target: 'AppImage', arch: ['x64'] }]);
    expect(config.linux.category).toBe('Office');
  });

  it('is offline: nothing is published', () => {
    expect(config.publish).toBeNull();
  });

  it('packs the built app, the migrations and the main entry of package.json', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['package.json', 'dist/renderer/**', 'dist/electron/**', 'db/migrations/**', 'resources/fonts/**']),
    );
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(path.resolve(ROOT, pkg.main)).toBe(mainBuildOptions().outfile);
    expect(path.dirname(preloadBuildOptions().outfile!)).toBe(path.dirname(mainBuildOptions().outfile!));
    expect(existsSync(path.join(ROOT, 'db', 'migrations', 'meta', '_journal.json'))).toBe(true);
  });

  it("ships the verified Electron build of better-sqlite3 where the main process looks for it, not Node's", () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toContain('!node_modules/better-sqlite3/build/**');
    const native = config.extraResources.find((resource) => resource.to === PACKAGED_NATIVE.split(path.sep).join('/'));
    expect(native).toBeDefined();
    expect(path.resolve(ROOT, native!.from)).toBe(electronNativeFile(ROOT, config.electronVersion));
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('hardens the packaged binary', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      // Checked by Electron on Windows (and macOS); electron-builder embeds the asar's hash in the .exe.
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has a 512×512 PNG icon for both targets', () => {
    expect(config.win.icon).toBe('resources/icon.png');
    expect(config.linux.icon).toBe('resources/icon.png');
    const png = readFileSync(path.join(ROOT, config.win.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('prepares the native addon before packaging', () => {
    expect(pkg.scripts.dist).toMatch(
      /npm run build && tsx electron\/launcher\/prepare-native\.ts && electron-builder --config electron-builder\.yml/,
    );
    expect(pkg.scripts.start).toBe('tsx electron/launcher/start.ts');
  });
});
