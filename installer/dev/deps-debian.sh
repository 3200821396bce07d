#!/usr/bin/env bash
# Installs everything Tenure needs to build, run, test and package on Debian 12 (bookworm).
# Runs apt-get as root, through sudo when started as another user.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build git pkg-config dpkg-dev file
    # Qt 6: widgets, SQL (+ SQLite driver), network, charts (needs the OpenGL dev files), SVG icons
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-charts-dev libqt6opengl6-dev libgl-dev
    libqt6svg6 qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
    # the workspace store: SQLite
    libsqlite3-dev sqlite3
    # team workspaces: PostgreSQL through Qt's QPSQL driver, libpq for COPY; the server for the
    # team tests (each starts a throwaway cluster of its own) and for `tenure-cli serve`
    libqt6sql6-psql libpq-dev postgresql openssl
    # connectors: JSON and JSON lines with simdjson, secrets in the OS keychain with QtKeychain
    libsimdjson-dev qtkeychain-qt6-dev
    # Japanese text on screen and in printed reports (VL Gothic keeps Japanese text in PDFs
    # searchable: see ui/print/ReportPage.cpp), a Latin family for reports
    fonts-noto-cjk fonts-vlgothic fonts-dejavu-core
    # Qt's own texts (standard buttons, file dialogs, --help's options) in Japanese
    qt6-translations-l10n
    # tests: desktop-file and AppStream validators, PDF to text/PNG, a virtual X server
    desktop-file-utils appstream poppler-utils xvfb xauth
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}"
