#!/bin/bash
# A real Samba server on 127.0.0.1 mounted as a local folder through FUSE (smbnetfs): the
# shared network folder of the export tests, without the kernel's cifs module.
#
#   smb-share.sh up DIR [PORT]   start smbd + smbnetfs under DIR; prints KEY=VALUE lines:
#                                SMB_MOUNT (read-write share as a folder), SMB_BACKING (its
#                                directory on the server side), SMB_RO_MOUNT (read-only share),
#                                SMB_SMALL_MOUNT/SMB_SMALL_BACKING (a 2 MiB tmpfs share when
#                                mounting is allowed; SMB_SMALL_OK=0 otherwise)
#   smb-share.sh stop DIR        stop the server (clients then get EIO at once)
#   smb-share.sh start DIR       start it again; returns when the mount answers again
#   smb-share.sh freeze|thaw DIR SIGSTOP/SIGCONT the server (clients get EIO after smb_timeout);
#                                thaw returns when the mounts answer again
#   smb-share.sh down DIR        stop everything, unmount
#
# Observed behaviour (Samba 4.17, smbnetfs 0.6.3): write/fsync/rename/readdir/stat work;
# fs.copyFile fails with EIO (use read+write streams); access(W_OK) says writable even on a
# read-only share; server gone -> EIO within milliseconds; server frozen -> EIO after
# smb_timeout (5 s here). smbd must keep its own process group (no --no-process-group), so
# stopping it by group never reaches the caller.
set -euo pipefail
cmd=${1:?usage: smb-share.sh up|down|stop|start|freeze|thaw DIR [PORT]}
ROOT=${2:?DIR required}

need_tools() {
  if ! command -v smbd >/dev/null || ! command -v smbnetfs >/dev/null || ! command -v smbpasswd >/dev/null; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends samba smbclient smbnetfs fuse3 >/dev/null
  fi
}

start_smbd() {
  smbd --foreground -s "$ROOT/smb.conf" </dev/null >>"$ROOT/run/log/smbd.out" 2>&1 &
  echo $! >"$ROOT/smbd.pid"
  local port; port=$(cat "$ROOT/port")
  for _ in $(seq 200); do ss -ltn | grep -q "127.0.0.1:$port " && return 0; sleep 0.05; done
  echo "smbd did not start on port $port" >&2; return 1
}

# smbd makes itself a session and group leader and forks a child per connection; the whole
# group goes (or freezes) together.
signal_smbd() { local pid; pid=$(cat "$ROOT/smbd.pid" 2>/dev/null) || return 0; kill "-$1" -- "-$pid" 2>/dev/null || true; }

stop_smbd() {
  local pid; pid=$(cat "$ROOT/smbd.pid" 2>/dev/null) || return 0
  signal_smbd CONT; signal_smbd TERM
  for _ in $(seq 100); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.05; done
  signal_smbd KILL
  local port; port=$(cat "$ROOT/port")
  for _ in $(seq 100); do ss -ltn | grep -q "127.0.0.1:$port " || break; sleep 0.05; done
  rm -f "$ROOT/smbd.pid"
}

# smbnetfs reconnects on its own, but only a few seconds after the server is back.
wait_mounts() {
  local base; base="$ROOT/mnt/127.0.0.1:$(cat "$ROOT/port")"
  for share in share readonly small; do
    for _ in $(seq 300); do ls "$base/$share" >/dev/null 2>&1 && break; sleep 0.1; done
    ls "$base/$share" >/dev/null
  done
}

case "$cmd" in
up)
  need_tools
  PORT=${3:-4445}
  USER_NAME=$(id -un); PASS=share-pass-1
  mkdir -p "$ROOT"/{share,readonly,small,mnt,home/.smb,run/{private,lock,state,cache,pid,ncalrpc,log}}
  echo "$PORT" >"$ROOT/port"
  SMALL_OK=0
  if mount -t tmpfs -o size=2m tmpfs "$ROOT/small" 2>/dev/null; then SMALL_OK=1; fi
  cat >"$ROOT/smb.conf" <<CONF
[global]
  server role = standalone server
  interfaces = 127.0.0.1
  bind interfaces only = yes
  smb ports = $PORT
  disable netbios = yes
  server min protocol = SMB2_02
  private dir = $ROOT/run/private
  lock directory = $ROOT/run/lock
  state directory = $ROOT/run/state
  cache directory = $ROOT/run/cache
  pid directory = $ROOT/run/pid
  ncalrpc dir = $ROOT/run/ncalrpc
  passdb backend = tdbsam:$ROOT/run/private/passdb.tdb
  log file = $ROOT/run/log/smbd.log
  load printers = no
  printcap name = /dev/null
  disable spoolss = yes
[share]
  path = $ROOT/share
  read only = no
[readonly]
  path = $ROOT/readonly
  read only = yes
[small]
  path = $ROOT/small
  read only = no
CONF
  printf '%s\n%s\n' "$PASS" "$PASS" | smbpasswd -c "$ROOT/smb.conf" -s -a "$USER_NAME" >/dev/null
  start_smbd
  cat >"$ROOT/home/.smb/smbnetfs.conf" <<CONF
smb_query_browsers false
smb_timeout 5000
auth "$USER_NAME" "$PASS"
CONF
  chmod 600 "$ROOT/home/.smb/smbnetfs.conf"; : >"$ROOT/home/.smb/smb.conf"
  HOME="$ROOT/home" setsid smbnetfs "$ROOT/mnt" -f \
    -o "config=$ROOT/home/.smb/smbnetfs.conf,log_file=$ROOT/run/log/smbnetfs.log" \
    </dev/null >"$ROOT/run/log/smbnetfs.out" 2>&1 &
  echo $! >"$ROOT/smbnetfs.pid"
  BASE="$ROOT/mnt/127.0.0.1:$PORT"   # host:port is a path component of smbnetfs
  for _ in $(seq 200); do ls "$BASE/share" >/dev/null 2>&1 && break; sleep 0.05; done
  ls "$BASE/share" >/dev/null
  echo "SMB_MOUNT=$BASE/share"
  echo "SMB_BACKING=$ROOT/share"
  echo "SMB_RO_MOUNT=$BASE/readonly"
  echo "SMB_RO_BACKING=$ROOT/readonly"
  echo "SMB_SMALL_MOUNT=$BASE/small"
  echo "SMB_SMALL_BACKING=$ROOT/small"
  echo "SMB_SMALL_OK=$SMALL_OK"
  ;;
stop) stop_smbd ;;
start) start_smbd; wait_mounts ;;
freeze) signal_smbd STOP ;;
thaw) signal_smbd CONT; wait_mounts ;;
down)
  stop_smbd
  if [ -f "$ROOT/smbnetfs.pid" ]; then
    pid=$(cat "$ROOT/smbnetfs.pid"); kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    rm -f "$ROOT/smbnetfs.pid"
  fi
  fusermount3 -u "$ROOT/mnt" 2>/dev/null || umount -l "$ROOT/mnt" 2>/dev/null || true
  umount "$ROOT/small" 2>/dev/null || true
  ;;
*) echo "unknown command: $cmd" >&2; exit 2 ;;
esac
