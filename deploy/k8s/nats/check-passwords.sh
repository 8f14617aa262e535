#!/bin/sh
# Refuses to let nats-server start with a NATS user's password missing, short, a placeholder or shared
# with another user. Kubernetes runs it as the NATS pods' init container; docker-compose runs it
# before nats-server (`check-passwords.sh nats-server --config …` checks, then execs the rest).
# A missing variable alone would already stop nats-server ("variable reference … can not be found");
# this also stops the copied example value and the forgotten "REPLACE-ME", and a value nats-server
# would misread: it parses a variable's value as configuration, so `4e1f…` fails as a number and
# `true` becomes a boolean. A password is a letter followed by letters and digits.
set -eu

VARS="NATS_CONFIG_SERVICE_PASSWORD NATS_PROJECTION_SERVICE_PASSWORD NATS_SIP_AUTH_WORKER_PASSWORD NATS_SIP_EDGE_PASSWORD NATS_CONFIG_CLIENT_PASSWORD NATS_SYS_PASSWORD"
MIN_LENGTH=24
failed=0
seen=""

for var in $VARS; do
  eval "value=\${$var:-}"
  if [ -z "$value" ]; then
    echo "check-passwords: $var is not set" >&2; failed=1; continue
  fi
  if [ "${#value}" -lt "$MIN_LENGTH" ]; then
    echo "check-passwords: $var is shorter than $MIN_LENGTH characters" >&2; failed=1
  fi
  case "$value" in
    [A-Za-z]*) ;;
    *) echo "check-passwords: $var must start with a letter (nats-server reads the value as configuration)" >&2; failed=1 ;;
  esac
  case "$value" in
    *[!A-Za-z0-9]*) echo "check-passwords: $var may hold only letters and digits" >&2; failed=1 ;;
  esac
  lower=$(printf '%s' "$value" | tr 'A-Z' 'a-z')
  case "$lower" in
    *replace*|*change*me*|*placeholder*|*example*|*password*|*secret*|*xxxx*)
      echo "check-passwords: $var is a placeholder, not a password" >&2; failed=1 ;;
  esac
  for other in $seen; do
    eval "other_value=\${$other}"
    if [ "$value" = "$other_value" ]; then
      echo "check-passwords: $var equals $other (each user needs its own password)" >&2; failed=1
    fi
  done
  seen="$seen $var"
done

if [ "$failed" -ne 0 ]; then
  echo "check-passwords: refusing to start NATS; generate each password with: echo p$(openssl rand -hex 24)" >&2
  exit 1
fi
if [ "$#" -gt 0 ]; then exec "$@"; fi
