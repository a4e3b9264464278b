#!/usr/bin/env bash
# Installs what the Word export's end-to-end test needs: LibreOffice Writer without a GUI to turn
# an exported .docx into PDF, poppler to turn the PDF's first page into a PNG, and Chinese faces
# that scripts/office-fonts.conf maps the standard's font names to (仿宋 → Noto Serif CJK SC,
# 黑体 → Noto Sans CJK SC, 楷体 → AR PL UKai). Idempotent: installs only what is missing.
set -euo pipefail

log() { echo "[setup-office] $*" >&2; }
# shellcheck source=scripts/debian-packages.sh
source "$(dirname "$0")/debian-packages.sh"

ensure_debian_packages libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-ukai
