#!/usr/bin/env bash
# The real-server tests need Debian's PostgreSQL 15 (the version a deployment targets): install it when
# missing. Only its binaries are used: the tests start their own server in a temporary directory.
set -euo pipefail
if ls /usr/lib/postgresql/15/bin/initdb >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "需要 PostgreSQL 15:请以 root 运行 apt-get install -y postgresql" >&2
  exit 1
fi
echo "安装 Debian 的 PostgreSQL 15 ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq postgresql >/dev/null
/usr/lib/postgresql/15/bin/postgres --version
