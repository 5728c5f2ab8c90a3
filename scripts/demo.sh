#!/usr/bin/env bash
# Set up onrecord, run it on the bundled sample corpus and show who said what, when.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
rm -f sample.db sample.db-wal sample.db-shm
.venv/bin/onrecord ingest sample.db examples/sample
.venv/bin/onrecord quotes sample.db
