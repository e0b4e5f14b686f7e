# UNTESTED EXAMPLE — no container engine runs on the machines Liangxin is built on, so this file has never
# been built. It shows the shape of a container deployment; docs/deployment.md ("Container") says more.
# Put the same nginx (deploy/nginx-liangxin.conf) in front of it for HTTPS.
#
#   docker build -t liangxin .
#   docker run -d --name liangxin -p 127.0.0.1:3000:3000 -v liangxin-data:/data \
#     -e AUTH_SECRET="$(openssl rand -base64 32)" liangxin

FROM node:20-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends build-essential python3 \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /srv/liangxin
ENV NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 npm_config_nodedir=/usr/local
COPY . .
# better-sqlite3 compiles here (node-gyp against the image's Node headers).
RUN npm ci && npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /srv/liangxin
COPY --from=build /srv/liangxin /srv/liangxin
RUN useradd --system --home /data liangxin && mkdir -p /data && chown liangxin:liangxin /data \
  && chown -R liangxin:liangxin /srv/liangxin/apps/portal/.next
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 \
  DATABASE_URL=/data/liangxin.db LIANGXIN_STORAGE_DIR=/data/files \
  AUTH_TRUST_HOST=true LIANGXIN_TRUST_PROXY=1
USER liangxin
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:3000/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Migrate (a no-op when up to date), then serve one process per core. Inside a container the portal
# listens on all interfaces; publish the port on 127.0.0.1 only, with nginx in front.
CMD ["sh", "-c", "node apps/cli/bin/liangxin.mjs migrate && cd apps/portal && exec node server.mjs -H 0.0.0.0 -p \"$PORT\""]
