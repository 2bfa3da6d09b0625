import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * SQLite's locking is not reliable over SMB/NFS, so the database must live on a local disk;
 * the share is reached only by export. This decides whether a path is on a network drive.
 */

const NETWORK_FS = /^(cifs|smb3?|smbfs|nfs4?|9p|afs|ceph|glusterfs|fuse\.(smbnetfs|sshfs|s3fs|rclone|davfs2?|gvfsd-fuse))$/;

export interface LocationProbe {
  platform: NodeJS.Platform;
  /** Linux: contents of /proc/self/mounts. */
  mounts?: () => string;
  /** Windows: the drive type of a letter such as `Z:` ("Network", "Fixed", …). */
  driveType?: (drive: string) => string | undefined;
}

export function defaultProbe(): LocationProbe {
  return {
    platform: process.platform,
    mounts: () => readFileSync('/proc/self/mounts', 'utf8'),
    driveType: (drive) => {
      // Node has no GetDriveType; PowerShell's DriveInfo is on every supported Windows.
      const out = spawnSync(
        'powershell.exe',
        ['-NoProfile', '-NonInteractive', '-Command', `([System.IO.DriveInfo]'${drive}').DriveType`],
        {
          encoding: 'utf8',
          timeout: 5000,
          windowsHide: true,
        },
      );
      return out.status === 0 ? out.stdout.trim() : undefined;
    },
  };
}

export function isNetworkPath(target: string, probe: LocationProbe = defaultProbe()): boolean {
  if (/^(\\\\|\/\/)[^\\/]/.test(target)) return true; // UNC \\server\share or //server/share
  if (probe.platform === 'win32') {
    const drive = /^([a-zA-Z]:)/.exec(target)?.[1];
    return drive ? probe.driveType?.(drive.toUpperCase()) === 'Network' : false;
  }
  if (!probe.mounts) return false;
  let text: string;
  try {
    text = probe.mounts();
  } catch {
    return false;
  }
  const absolute = path.resolve(target);
  let best: { mountPoint: string; fsType: string } | undefined;
  for (const line of text.split('\n')) {
    const [, rawMount, fsType] = line.split(' ');
    if (!rawMount || !fsType) continue;
    const mountPoint = rawMount.replace(/\\040/g, ' ');
    const inside = absolute === mountPoint || absolute.startsWith(mountPoint.endsWith('/') ? mountPoint : `${mountPoint}/`);
    if (inside && (!best || mountPoint.length > best.mountPoint.length)) best = { mountPoint, fsType };
  }
  return best ? NETWORK_FS.test(best.fsType) : false;
}
