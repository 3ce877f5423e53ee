#!/usr/bin/env bash
# setup.sh — installs everything CaseHub needs to build, run and test on a fresh
# Debian machine (only Debian's packages and the npm registry are reachable).
# Idempotent: when everything is there it only checks, in about a second.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
third="$root/build/third_party"

packages=(build-essential cmake ninja-build pkg-config git ca-certificates
  emscripten
  nlohmann-json3-dev libcpp-httplib-dev libssl-dev zlib1g-dev libbrotli-dev
  catch2 libsqlite3-dev sqlite3 libsodium-dev
  chromium chromium-driver
  openssl
  clang-14 libclang-rt-14-dev   # scripts/fuzz.sh: libFuzzer, ASan, UBSan (the runtime is a separate package)
  fonts-dejavu-core fonts-dejavu-extra fonts-font-awesome dpkg-dev)

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm may come from elsewhere on a developer's machine; take Debian's only when absent.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
updated=0
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_if_needed apt-get update -qq
  updated=1
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Dear ImGui comes from Debian's source package, unpacked into the build tree
# (never committed): libimgui-dev has no core .cpp files.
if [ ! -f "$third/imgui/imgui.cpp" ]; then
  if ! ls /etc/apt/sources.list.d/*.sources 2>/dev/null | xargs grep -l '^Types:.*deb-src' >/dev/null 2>&1 \
     && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
        | sudo_if_needed tee /etc/apt/sources.list.d/casehub-deb-src.sources >/dev/null
    else
      grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' \
        | sudo_if_needed tee /etc/apt/sources.list.d/casehub-deb-src.list >/dev/null
    fi
    updated=0
  fi
  [ "$updated" -eq 1 ] || sudo_if_needed apt-get update -qq
  mkdir -p "$third/src" && rm -rf "$third/src"/imgui*
  (cd "$third/src" && apt-get source -qq --download-only imgui >/dev/null && dpkg-source -x --skip-patches imgui_*.dsc imgui >/dev/null 2>&1)
  rm -rf "$third/imgui" && mv "$third/src/imgui" "$third/imgui"
  echo "setup: Dear ImGui $(grep -m1 'define IMGUI_VERSION ' "$third/imgui/imgui.h" | cut -d'"' -f2) unpacked into build/third_party/imgui"
fi

# Fonts from Debian packages: full Latin coverage and an icon font.
mkdir -p "$third/fonts"
cp -u /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf "$third/fonts/"
cp -u /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf "$third/fonts/"
# Italic (<em>) and bold italic in knowledge articles: fonts-dejavu-extra.
cp -u /usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf "$third/fonts/"
cp -u /usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf "$third/fonts/"
cp -u /usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf "$third/fonts/"

# playwright-core and axe-core for the browser tests (never `playwright install`: we use
# Debian's chromium). Any missing package means a fresh install from package.json.
if [ ! -d "$root/tests/e2e/node_modules/playwright-core" ] || [ ! -d "$root/tests/e2e/node_modules/axe-core" ]; then
  (cd "$root/tests/e2e" && npm install --no-audit --no-fund --silent)
fi
