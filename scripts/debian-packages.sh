# Sourced by the setup scripts: `ensure_debian_packages PKG...` installs those of the Debian packages
# that are missing (apt-get, through sudo when not root) and says which; it does nothing when all are
# there. The caller defines `log`.
ensure_debian_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]})); then
    log "installing Debian packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
  else
    log "Debian packages present: $*"
  fi
}
