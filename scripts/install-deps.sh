#!/usr/bin/env bash
# Installs what building and testing arkpack needs on a fresh machine: the wasm32-wasip2 Rust target
# (after turning off rustup's self-update, which would otherwise replace rustup from the mirror), and
# the Debian packages the tests and benchmarks use. Safe to run again; it only installs what is missing.
set -euo pipefail

packages=()
command -v java >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || packages+=(maven)
command -v git >/dev/null 2>&1 || packages+=(git)
[ -x /usr/bin/time ] || packages+=(time) # GNU time: peak memory in tests/bench
if [ ${#packages[@]} -gt 0 ]; then
  echo "install-deps: apt-get install ${packages[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi

if ! command -v rustup >/dev/null 2>&1; then
  echo "install-deps: rustup is required (Rust 1.95); see https://rustup.rs" >&2
  exit 1
fi
rustup set auto-self-update disable >/dev/null
if ! rustup target list --installed | grep -qx wasm32-wasip2; then
  echo "install-deps: rustup target add wasm32-wasip2"
  rustup target add wasm32-wasip2
fi

# >>> ide-plugin (split view) >>>
# Headless Chromium for the Playwright test of the web view (ide-plugin/web/test/view.test.mjs), Debian's
# JUnit 5 and IntelliJ 2018.3 API jars for ide-plugin/intellij/check.sh, and the view's npm packages
# (`npm ci` from package-lock.json; after one online run, `npm ci --offline` works from the npm cache).
ide_packages=()
[ -x /usr/bin/chromium ] || ide_packages+=(chromium)
[ -f /usr/share/java/junit-platform-console-standalone.jar ] || ide_packages+=(junit5)
[ -f /usr/share/java/intellij-platform-api.jar ] || ide_packages+=(libintellij-core-java libintellij-platform-api-java \
  libintellij-platform-impl-java libintellij-utils-java libintellij-extensions-java libintellij-jps-model-java)
if [ ${#ide_packages[@]} -gt 0 ]; then
  echo "install-deps: apt-get install ${ide_packages[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${ide_packages[@]}" >/dev/null
fi
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$node_major" -lt 20 ]; then
  echo "install-deps: ide-plugin/web needs Node.js 20 or newer (with npm); found ${node_major}" >&2
  exit 1
fi
echo "install-deps: npm ci (ide-plugin/web)"
(cd "$(dirname "$0")/../ide-plugin/web" && npm ci --no-audit --no-fund --loglevel=error)
# <<< ide-plugin (split view) <<<

# ---- Gradle host (host-gradle/, tests/conformance/): Debian's Gradle 4.4.1, the only one that installs here ----
if ! command -v gradle >/dev/null 2>&1; then
  echo "install-deps: apt-get install gradle"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends gradle >/dev/null
fi
# ---- end of the Gradle host block ----
