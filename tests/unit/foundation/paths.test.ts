import { describe, expect, it } from 'vitest';
import { defaultUserDataDir } from '@main/host/paths';

/** The browser host must open the same folder Electron's app.getPath('userData') gives. */
describe('default data folder', () => {
  it('is under %APPDATA% on Windows', () => {
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\Мария\\AppData\\Roaming' }, 'C:\\Users\\Мария')).toBe(
      'C:\\Users\\Мария\\AppData\\Roaming\\Ресурсный центр',
    );
    expect(defaultUserDataDir('win32', {}, 'C:\\Users\\Мария')).toBe('C:\\Users\\Мария\\AppData\\Roaming\\Ресурсный центр');
  });

  it('is under Application Support on macOS', () => {
    expect(defaultUserDataDir('darwin', {}, '/Users/maria')).toBe('/Users/maria/Library/Application Support/Ресурсный центр');
  });

  it('follows XDG_CONFIG_HOME on Linux, ~/.config otherwise', () => {
    expect(defaultUserDataDir('linux', {}, '/home/maria')).toBe('/home/maria/.config/Ресурсный центр');
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/data/cfg' }, '/home/maria')).toBe('/data/cfg/Ресурсный центр');
  });
});
