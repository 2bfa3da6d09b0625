#!/usr/bin/env bash
# Installs the Debian packages the tests need that a fresh machine lacks. Idempotent: it asks
# apt only for what is missing, so `npm test` can call it every time at no cost.
# Needs root (as on these machines and in CI); otherwise it prints what to install and goes on.
set -euo pipefail

PACKAGES=(
  # The browser Playwright drives: its own browser download does not work here.
  chromium
  # Liberation Serif stands in for Times New Roman in rendered documents.
  fonts-liberation
  # The second client every document is read in: Word and Excel files → PDF (LibreOffice
  # headless), the PDF's text and line boxes (poppler), Russian hyphenation patterns so
  # LibreOffice hyphenates the justified text as Word does.
  libreoffice-writer-nogui
  libreoffice-calc-nogui
  hyphen-ru
  poppler-utils
  # A real SMB share on loopback mounted through FUSE, for the export tests (tests/setup/smb-share.sh).
  samba smbclient smbnetfs fuse3
)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian system; make sure these are installed: ${PACKAGES[*]}"
  exit 0
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "system-deps: all present (${PACKAGES[*]})"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: missing ${missing[*]}; install them with:"
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
  exit 0
fi

echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
