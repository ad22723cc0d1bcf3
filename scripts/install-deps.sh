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

# ---- Gradle host (host-gradle/, tests/conformance/): Debian's Gradle 4.4.1, the only one that installs here ----
if ! command -v gradle >/dev/null 2>&1; then
  echo "install-deps: apt-get install gradle"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends gradle >/dev/null
fi
# ---- end of the Gradle host block ----
