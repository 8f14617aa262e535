# syntax=docker/dockerfile:1
# One image per service, from one parameterised Dockerfile:
#   docker build --build-arg SERVICE=sip-auth-worker -t sipauth/sip-auth-worker .
# SERVICE is config-service, projection-service or sip-auth-worker.
# Node 24 LTS (supported until 2028-04-30), the version .ci/run tests on besides the machine's own.
# A release build pins it by digest: --build-arg NODE_IMAGE=node:24-bookworm-slim@sha256:<digest>.
ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: every dependency, compile all workspaces -------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json nx.json tsconfig.base.json tsconfig.build.json ./
COPY libs/contracts/package.json libs/contracts/
COPY libs/domain/package.json libs/domain/
COPY libs/sip-digest/package.json libs/sip-digest/
COPY libs/ip-acl-match/package.json libs/ip-acl-match/
COPY libs/event-store/package.json libs/event-store/
COPY libs/logging/package.json libs/logging/
COPY libs/logging/package.json libs/logging/
COPY libs/nats-transport/package.json libs/nats-transport/
COPY services/config-service/package.json services/config-service/
COPY services/projection-service/package.json services/projection-service/
COPY services/sip-auth-worker/package.json services/sip-auth-worker/
COPY services/sip-edge/package.json services/sip-edge/
COPY services/console/package.json services/console/
RUN npm ci --no-audit --no-fund
COPY libs libs
COPY services services
RUN npm run build
# Files one service needs beyond its dist, under extras/<service>/ (copied to the image root): the
# console's built page travels only in the config-service image, which serves it under /console/.
RUN for s in services/*/; do mkdir -p "extras/$(basename "$s")"; done \
 && mkdir -p extras/config-service/services/console && cp -r services/console/dist extras/config-service/services/console/dist

# --- prod-deps: production dependencies only (workspace links included) ------------------------
FROM build AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund

# --- runtime: compiled output of the libraries and of one service, non-root ---------------------
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
RUN test -n "$SERVICE" || (echo "build with --build-arg SERVICE=<config-service|projection-service|sip-auth-worker>" && false) \
 && apt-get update -qq && apt-get install -y -qq --no-install-recommends tini && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 10001 sipauth && useradd --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin sipauth
WORKDIR /app
ENV NODE_ENV=production SERVICE=${SERVICE}
COPY --from=prod-deps /app/package.json ./
COPY --from=prod-deps /app/node_modules node_modules
COPY --from=build /app/libs/contracts/package.json libs/contracts/
COPY --from=build /app/libs/contracts/dist libs/contracts/dist
COPY --from=build /app/libs/domain/package.json libs/domain/
COPY --from=build /app/libs/domain/dist libs/domain/dist
COPY --from=build /app/libs/sip-digest/package.json libs/sip-digest/
COPY --from=build /app/libs/sip-digest/dist libs/sip-digest/dist
COPY --from=build /app/libs/ip-acl-match/package.json libs/ip-acl-match/
COPY --from=build /app/libs/ip-acl-match/dist libs/ip-acl-match/dist
COPY --from=build /app/libs/event-store/package.json libs/event-store/
COPY --from=build /app/libs/event-store/dist libs/event-store/dist
COPY --from=build /app/libs/logging/package.json libs/logging/
COPY --from=build /app/libs/logging/dist libs/logging/dist
COPY --from=build /app/libs/logging/package.json libs/logging/
COPY --from=build /app/libs/logging/dist libs/logging/dist
COPY --from=build /app/libs/nats-transport/package.json libs/nats-transport/
COPY --from=build /app/libs/nats-transport/dist libs/nats-transport/dist
COPY --from=build /app/services/${SERVICE}/package.json services/${SERVICE}/
COPY --from=build /app/services/${SERVICE}/dist services/${SERVICE}/dist
COPY --from=build /app/extras/${SERVICE}/ ./
COPY deploy/docker/healthcheck.js deploy/docker/healthcheck.js
USER 10001:10001
EXPOSE 8080 9464 9465
# Each service answers GET /readyz on its HTTP port (CONFIG_HTTP_PORT, PROJECTION_HTTP_PORT, WORKER_HTTP_PORT).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 CMD ["node", "deploy/docker/healthcheck.js"]
# tini is PID 1 and forwards signals to node: a SIGTERM during start-up, before the service installs
# its handlers, still stops it (PID 1 ignores signals it has no handler for); then the services
# drain NATS and store the checkpoint on SIGTERM/SIGINT themselves. tini also reaps zombies.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["sh", "-c", "exec node services/${SERVICE}/dist/main.js"]
