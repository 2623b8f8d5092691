#!/usr/bin/env bash
# Installs the Debian packages BoardKit needs at run and test time, if they are missing.
#   unifont      /usr/share/unifont/unifont.hex: 8x16 / 16x16 glyphs for every BMP code point (GPLv2+ / OFL 1.1)
#   xfonts-base  misc-fixed PCF fonts (6x13, 9x15, 10x20 ...) for smaller panels, converted with pcf2bdf
#   pcf2bdf      PCF -> BDF converter
#   unicode-data /usr/share/unicode/UnicodeData.txt: character names in "missing character" reports
#   mosquitto    the site broker (Mosquitto 2.x); the tests start their own on a free loopback port
#   mosquitto-clients  mosquitto_pub / mosquitto_sub, for operators and the broker tests
# Usage: gateway/install-debian-packages.sh   (as root, or with password-less sudo)
# Without root it prints the exact apt-get line to run and exits 2.
set -euo pipefail

packages=(unifont xfonts-base pcf2bdf unicode-data mosquitto mosquitto-clients)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "BoardKit needs these Debian packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 2
fi

echo "Installing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq >&2
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
