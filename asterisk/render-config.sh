#!/bin/sh
# Renders the portal's Asterisk configuration into /etc/asterisk, replacing @NAME@
# placeholders with environment variables, then starts Asterisk in the foreground.
# Asterisk's .conf files cannot read the environment themselves, and secrets do not belong
# in the repository.
set -eu

: "${ARI_USERNAME:?set ARI_USERNAME}"
: "${ARI_PASSWORD:?set ARI_PASSWORD}"
ARI_APP="${ARI_APP:-centrex}"
PUBLIC_IP="${PUBLIC_IP:-127.0.0.1}"
LOCAL_NET="${LOCAL_NET:-172.16.0.0/12}"
TRUNK_USERNAME="${TRUNK_USERNAME:-change-me}"
TRUNK_PASSWORD="${TRUNK_PASSWORD:-change-me}"

# Refuse the example password: ARI can place calls and rewrite every SIP account.
if [ "$ARI_PASSWORD" = "change-me" ] || [ "${#ARI_PASSWORD}" -lt 16 ]; then
  echo "ARI_PASSWORD must be at least 16 characters and not the example value" >&2
  exit 1
fi

# sed replacement text must escape \, & and the | delimiter.
escape() { printf '%s' "$1" | sed -e 's/[\\&|]/\\&/g'; }

for src in /etc/asterisk-portal/*.conf; do
  dest="/etc/asterisk/$(basename "$src")"
  sed -e "s|@ARI_USERNAME@|$(escape "$ARI_USERNAME")|g" \
      -e "s|@ARI_PASSWORD@|$(escape "$ARI_PASSWORD")|g" \
      -e "s|@ARI_APP@|$(escape "$ARI_APP")|g" \
      -e "s|@PUBLIC_IP@|$(escape "$PUBLIC_IP")|g" \
      -e "s|@LOCAL_NET@|$(escape "$LOCAL_NET")|g" \
      -e "s|@TRUNK_USERNAME@|$(escape "$TRUNK_USERNAME")|g" \
      -e "s|@TRUNK_PASSWORD@|$(escape "$TRUNK_PASSWORD")|g" \
      "$src" > "$dest"
done
# ari.conf and pjsip.conf now hold secrets.
chmod 640 /etc/asterisk/ari.conf /etc/asterisk/pjsip.conf
mkdir -p /var/spool/asterisk/fax

# -f: foreground (the container's main process); -vvv: call flow in `docker logs`.
exec asterisk -f -vvv
