#!/usr/bin/env bash
# Installs what the Word export's end-to-end test needs: LibreOffice Writer without a GUI to turn
# an exported .docx into PDF, poppler to turn the PDF's first page into a PNG, and Chinese faces
# that scripts/office-fonts.conf maps the standard's font names to (仿宋 → Noto Serif CJK SC,
# 黑体 → Noto Sans CJK SC, 楷体 → AR PL UKai). Idempotent: installs only what is missing.
set -euo pipefail

log() { echo "[setup-office] $*" >&2; }

missing=()
for pkg in libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-ukai; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
else
  log "LibreOffice, poppler and fonts present"
fi
