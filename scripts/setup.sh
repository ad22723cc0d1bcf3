#!/usr/bin/env bash
# From a fresh clone: installs everything needed, builds `arkpack` (the core component is built and
# embedded on the way), packages the example module shipped in examples/demo-module and prints what
# it made. Usage: scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
echo "setup: cargo build --release -p arkpack"
cargo build --release --locked -p arkpack

echo "setup: packaging examples/demo-module"
target/release/arkpack biz --request examples/demo-module/arkpack.json
echo
target/release/arkpack inspect examples/demo-module/target/demo-module-1.0.0-ark-biz.jar
