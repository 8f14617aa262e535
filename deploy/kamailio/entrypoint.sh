#!/bin/sh
# Runs Kamailio with deploy/kamailio/kamailio.cfg in the foreground, turning the environment into the
# config's -A defines (see the top of kamailio.cfg):
#   SIPAUTH_SIP_LISTEN            udp:<host>:<port> (default udp:0.0.0.0:5060; UDP and TCP both listen;
#                                 0.0.0.0 becomes this container's address, since Record-Route needs a real one)
#   SIPAUTH_SIP_UPSTREAM          next hop of allowed requests, a SIP URI (unset: allowed requests get 503)
#   SIPAUTH_EVAPI_BIND            where bridges connect (default 127.0.0.1:8448: the sidecar in the pod)
#   SIPAUTH_EDGE_AUTH_TIMEOUT_MS  how long a suspended transaction waits for the bridge (default 2000)
#   KAMAILIO_RUN_DIR              pid file and runtime files (default /tmp/kamailio)
#   SIPAUTH_KAMAILIO_SHM_MB       Kamailio's shared memory in MB (default 64, Kamailio's own): each call
#                                 holds about 25 KB of it (its three transactions) for tm's 5 s wait timer
#                                 after the final reply, so size it with the call rate: rate x 5.5 s x 25 KB
#                                 plus headroom (64 MB: about 400 calls/s, 256 MB: about 1,800); when it runs
#                                 out, new requests get 500. Raise the container's memory limit with it
# Shared and private memory use Kamailio's TLSF allocator (-x tlsf -X tlsf), not its debugging default
# q_malloc, whose free-list walks were most of Kamailio's CPU under load (bench/sip-edge.bench.ts, perf);
# f_malloc was as fast but fragmented its shared memory until allocations failed at 1,000 calls/s.
set -eu
listen="${SIPAUTH_SIP_LISTEN:-udp:0.0.0.0:5060}"
case "$listen" in udp:* | tcp:*) listen="${listen#*:}" ;; esac
host="${listen%:*}"
port="${listen##*:}"
if [ "$host" = "0.0.0.0" ]; then host="$(hostname -i | cut -d' ' -f1)"; fi
run_dir="${KAMAILIO_RUN_DIR:-/tmp/kamailio}"
mkdir -p "$run_dir"
upstream="${SIPAUTH_SIP_UPSTREAM:-}"
case "$upstream" in
  *[\"\ \<\>]*) echo "SIPAUTH_SIP_UPSTREAM must be a SIP URI without quotes, spaces or brackets" >&2; exit 1 ;;
  "" | sip:* | sips:*) ;;
  *) echo "SIPAUTH_SIP_UPSTREAM must be a SIP URI such as sip:10.0.0.5:5060" >&2; exit 1 ;;
esac
shm_mb="${SIPAUTH_KAMAILIO_SHM_MB:-64}"
case "$shm_mb" in '' | *[!0-9]*) echo "SIPAUTH_KAMAILIO_SHM_MB must be a whole number of MB" >&2; exit 1 ;; esac
set -- -DD -E -x tlsf -X tlsf -m "$shm_mb" -f "${KAMAILIO_CFG:-/etc/kamailio/sipauth/kamailio.cfg}" -Y "$run_dir" -P "$run_dir/kamailio.pid" -w "$run_dir" \
  -A "SIP_LISTEN_UDP=udp:$host:$port" -A "SIP_LISTEN_TCP=tcp:$host:$port" \
  -A "EVAPI_BIND=\"${SIPAUTH_EVAPI_BIND:-127.0.0.1:8448}\"" -A "AUTH_TIMEOUT_MS=${SIPAUTH_EDGE_AUTH_TIMEOUT_MS:-2000}"
if [ -n "$upstream" ]; then
  set -- "$@" -A "SIP_UPSTREAM=\"$upstream\""
else
  echo "SIPAUTH_SIP_UPSTREAM is not set: allowed requests are answered 503" >&2
fi
exec kamailio "$@"
