import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The project's Samba-over-FUSE share (tests/setup/smb-share.sh) for a test file: a real SMB
 * server on loopback, mounted as a folder, that the tests can stop, freeze and restart.
 */

const SCRIPT = path.resolve(import.meta.dirname, '../../setup/smb-share.sh');

export interface SmbShare {
  root: string;
  mount: string;
  backing: string;
  roMount: string;
  smallMount: string;
  smallBacking: string;
  smallOk: boolean;
  stop(): void;
  start(): void;
  freeze(): void;
  thaw(): void;
  down(): void;
}

/** Why SMB tests cannot run here, or null when they can. Only a missing FUSE device is a reason. */
export function smbUnavailableReason(): string | null {
  if (process.platform !== 'linux') return 'общая папка SMB через FUSE проверяется только в Linux';
  if (!existsSync('/dev/fuse')) return 'нет /dev/fuse: FUSE недоступен в этом окружении, тесты SMB пропущены';
  return null;
}

export function startSmbShare(port: number): SmbShare {
  const root = mkdtempSync(path.join(os.tmpdir(), 'rc-smb-'));
  const run = (cmd: string) =>
    execFileSync('bash', [SCRIPT, cmd, root, String(port)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 300_000 });
  const vars = Object.fromEntries(
    run('up')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return {
    root,
    mount: vars.SMB_MOUNT!,
    backing: vars.SMB_BACKING!,
    roMount: vars.SMB_RO_MOUNT!,
    smallMount: vars.SMB_SMALL_MOUNT!,
    smallBacking: vars.SMB_SMALL_BACKING!,
    smallOk: vars.SMB_SMALL_OK === '1',
    stop: () => void run('stop'),
    start: () => void run('start'),
    freeze: () => void run('freeze'),
    thaw: () => void run('thaw'),
    down: () => {
      run('down');
      rmSync(root, { recursive: true, force: true });
    },
  };
}
