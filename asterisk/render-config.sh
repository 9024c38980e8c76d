#!/bin/sh
# Renders the portal's Asterisk configuration from CONFIG_SRC into CONFIG_DEST, replacing
# @NAME@ placeholders with environment variables, then starts Asterisk in the foreground.
# Asterisk's .conf files cannot read the environment themselves, and secrets do not belong
# in the repository.
#
# The defaults are the container's (asterisk/compose.yaml): /etc/asterisk-portal into
# /etc/asterisk, then `exec asterisk`. RENDER_ONLY=1 only writes the files (no chmod, no
# mkdir outside CONFIG_DEST, no Asterisk), for a test lane or a host that runs Asterisk itself:
#
#   CONFIG_SRC=asterisk CONFIG_DEST=/tmp/ast RENDER_ONLY=1 ARI_USERNAME=... ARI_PASSWORD=... \
#     asterisk/render-config.sh
set -eu

CONFIG_SRC="${CONFIG_SRC:-/etc/asterisk-portal}"
CONFIG_DEST="${CONFIG_DEST:-/etc/asterisk}"
RENDER_ONLY="${RENDER_ONLY:-0}"

: "${ARI_USERNAME:?set ARI_USERNAME}"
: "${ARI_PASSWORD:?set ARI_PASSWORD}"
ARI_APP="${ARI_APP:-centrex}"
PUBLIC_IP="${PUBLIC_IP:-127.0.0.1}"
LOCAL_NET="${LOCAL_NET:-172.16.0.0/12}"
HTTP_BINDADDR="${HTTP_BINDADDR:-0.0.0.0}"
HTTP_PORT="${HTTP_PORT:-8088}"
SIP_BINDADDR="${SIP_BINDADDR:-0.0.0.0}"
SIP_PORT="${SIP_PORT:-5060}"
SIP_TLS_PORT="${SIP_TLS_PORT:-5061}"
RTP_START="${RTP_START:-10000}"
RTP_END="${RTP_END:-10199}"
TLS_CERT_FILE="${TLS_CERT_FILE:-$CONFIG_DEST/keys/asterisk.pem}"
TLS_KEY_FILE="${TLS_KEY_FILE:-$CONFIG_DEST/keys/asterisk.key}"
# The carrier: host[:port] for its contact and registration. Identify needs an address or
# name without the port: [v6]:port -> v6, host:port -> host, a bare IPv6 address as it is.
TRUNK_HOST="${TRUNK_HOST:-sip.carrier.example}"
case "$TRUNK_HOST" in
  \[*) trunk_host_part="${TRUNK_HOST#\[}"; trunk_host_part="${trunk_host_part%%\]*}" ;;
  *:*:*) trunk_host_part="$TRUNK_HOST" ;;
  *) trunk_host_part="${TRUNK_HOST%%:*}" ;;
esac
TRUNK_MATCH="${TRUNK_MATCH:-$trunk_host_part}"
TRUNK_USERNAME="${TRUNK_USERNAME:-change-me}"
TRUNK_PASSWORD="${TRUNK_PASSWORD:-change-me}"
# Voicemail realtime (res_pgsql.conf): the portal's PostgreSQL, as a read-only role.
PG_HOST="${PG_HOST:-postgres}"
PG_PORT="${PG_PORT:-5432}"
PG_DATABASE="${PG_DATABASE:-centrex}"
PG_USER="${PG_USER:-centrex_asterisk}"
PG_PASSWORD="${PG_PASSWORD:-}"

# Every @NAME@ placeholder the .conf files may use; each is replaced by the variable NAME.
PLACEHOLDERS="ARI_USERNAME ARI_PASSWORD ARI_APP PUBLIC_IP LOCAL_NET
  HTTP_BINDADDR HTTP_PORT SIP_BINDADDR SIP_PORT SIP_TLS_PORT RTP_START RTP_END
  TLS_CERT_FILE TLS_KEY_FILE TRUNK_HOST TRUNK_MATCH TRUNK_USERNAME TRUNK_PASSWORD
  PG_HOST PG_PORT PG_DATABASE PG_USER PG_PASSWORD"

# Refuse the example password: ARI can place calls and rewrite every SIP account.
if [ "$ARI_PASSWORD" = "change-me" ] || [ "${#ARI_PASSWORD}" -lt 16 ]; then
  echo "ARI_PASSWORD must be at least 16 characters and not the example value" >&2
  exit 1
fi

# sed replacement text must escape \, & and the | delimiter; a newline cannot be escaped.
escape() { printf '%s' "$1" | sed -e 's/[\\&|]/\\&/g'; }
newline='
'
script=""
for name in $PLACEHOLDERS; do
  eval "value=\${$name}"
  case "$value" in *"$newline"*) echo "$name must be a single line" >&2; exit 1 ;; esac
  script="${script}s|@${name}@|$(escape "$value")|g$newline"
done

# A TLS transport whose certificate is missing fails to load and leaves an error on every
# start; without keys, drop the sections between the @TLS_BEGIN@ / @TLS_END@ markers.
if [ ! -r "$TLS_CERT_FILE" ] || [ ! -r "$TLS_KEY_FILE" ]; then
  echo "render-config: no TLS certificate at $TLS_CERT_FILE / $TLS_KEY_FILE; SIP over TLS (transport-tls) is disabled" >&2
  script="${script}/^; @TLS_BEGIN@/,/^; @TLS_END@/d$newline"
fi
if [ "$trunk_host_part" = "sip.carrier.example" ]; then
  echo "render-config: TRUNK_HOST is the placeholder sip.carrier.example; the trunk cannot register and inbound carrier calls match no endpoint" >&2
fi

mkdir -p "$CONFIG_DEST"
for src in "$CONFIG_SRC"/*.conf; do
  sed -e "$script" "$src" > "$CONFIG_DEST/$(basename "$src")"
done
[ "$RENDER_ONLY" = "1" ] && exit 0

# ari.conf and pjsip.conf now hold secrets.
chmod 640 "$CONFIG_DEST/ari.conf" "$CONFIG_DEST/pjsip.conf"
mkdir -p /var/spool/asterisk/fax

# -f: foreground (the container's main process); -vvv: call flow in `docker logs`.
exec asterisk -f -vvv
