#!/usr/bin/env bash
# Builds with warnings as errors and runs every test (ctest, offscreen). Exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

export QT_QPA_PLATFORM=offscreen
cmake --preset ci
cmake --build --preset ci
ctest --preset ci
