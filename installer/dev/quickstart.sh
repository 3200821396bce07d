#!/usr/bin/env bash
# From a fresh Debian 12 clone to a running Tenure on the demo workspace:
# installs dependencies, builds (Release), and opens the app on a populated demo database.
set -euo pipefail
cd "$(dirname "$0")/../.."

installer/dev/deps-debian.sh
cmake --preset release
cmake --build --preset release
exec build/release/bin/tenure --demo "$@"
