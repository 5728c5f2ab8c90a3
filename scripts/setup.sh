#!/usr/bin/env bash
# Set up onrecord in ./.venv from the project's own files.
#   bash scripts/setup.sh          the package and the spaCy pipeline it pins
#   bash scripts/setup.sh test     also the web, export, Ray and test extras, and Chromium for
#                                  the browser tests (from Debian's packages, when run as root)
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
extras=""
if [ "${1:-}" = "test" ]; then
  extras="[web,export,ray,dev]"
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}"
if [ "${1:-}" = "test" ] && ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "note: chromium and chromium-driver are not installed; the browser tests will be skipped" >&2
  fi
fi
