#!/usr/bin/env bash
# Builds the .deb from the CI build, installs it, runs the installed binaries, removes it.
# Needs root (dpkg -i); run after installer/dev/test.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."

cd build/ci
rm -f tenure_*.deb
cpack -G DEB
deb=$(ls tenure_*.deb)
echo "Built $deb"
dpkg-deb --info "$deb" | sed -n '/Depends/p'
dpkg -i "$deb"
trap 'dpkg -r tenure >/dev/null 2>&1 || true' EXIT
/usr/bin/tenure-cli --version
rm -f /tmp/x.db /tmp/x.db-wal /tmp/x.db-shm
/usr/bin/tenure-cli --db /tmp/x.db demo
/usr/bin/tenure-cli --db /tmp/x.db stats
/usr/bin/tenure-cli --db /tmp/x.db score
rm -f /tmp/x.db /tmp/x.db-wal /tmp/x.db-shm
test -f /usr/share/applications/io.github.tenure.Tenure.desktop
test -f /usr/share/metainfo/io.github.tenure.Tenure.metainfo.xml
test -f /usr/lib/systemd/system/tenure-server.service
test -f /usr/share/tenure/server.conf.example
/usr/bin/tenure-cli serve --help | grep -q -- --replica
QT_QPA_PLATFORM=offscreen /usr/bin/tenure --version
dpkg -r tenure
trap - EXIT
test ! -e /usr/bin/tenure-cli
echo "Package check passed: installed, ran and removed $deb"
