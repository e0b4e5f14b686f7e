#!/usr/bin/env bash
# Playwright cannot download browsers here: use Debian's Chromium, installing it (and a CJK font for
# screenshots) when missing.
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy"; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "需要 /usr/bin/chromium:请以 root 运行 apt-get install -y chromium fonts-wqy-zenhei" >&2
  exit 1
fi
echo "安装 Debian 的 Chromium 与中文字体 ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
/usr/bin/chromium --version
