/**
 * The PJSIP sorcery objects one SIP account becomes in Asterisk (pure). Endpoint, auth and AOR
 * share the account's username as id, the usual PJSIP convention, so phones register as
 * `<username>` and the worker can map a channel `PJSIP/<username>-...` back to the account.
 */
import type { ConfigObjectRef, ConfigTuple } from "../ari";

/** The pjsip.conf transport phones use (asterisk/pjsip.conf defines it). */
export const PJSIP_TRANSPORT = "transport-udp";
/** Context phone calls start in; asterisk/extensions.conf sends it to the Stasis app. */
export const PHONE_CONTEXT = "from-internal";
export const PJSIP_TYPES = ["auth", "aor", "endpoint"] as const;

export interface ProvisionedAccount {
  username: string;
  authMd5: string;
  realm: string;
  extension: { number: string; displayName: string } | null;
}

export interface PjsipObject {
  ref: ConfigObjectRef;
  fields: ConfigTuple[];
}

const tuples = (fields: Record<string, string>): ConfigTuple[] =>
  Object.entries(fields).map(([attribute, value]) => ({ attribute, value }));

export const pjsipRef = (objectType: (typeof PJSIP_TYPES)[number], id: string): ConfigObjectRef => ({ configClass: "res_pjsip", objectType, id });

/** Quotes and angle brackets would break Asterisk's callerid parser. */
const safeName = (name: string) => name.replace(/["<>\\]/g, "").trim();

/** In push order: the endpoint references its auth and AOR, so those go first. */
export function pjsipObjectsFor(account: ProvisionedAccount): PjsipObject[] {
  const id = account.username;
  const ext = account.extension;
  return [
    { ref: pjsipRef("auth", id), fields: tuples({ auth_type: "md5", username: id, md5_cred: account.authMd5, realm: account.realm }) },
    { ref: pjsipRef("aor", id), fields: tuples({ max_contacts: "1", remove_existing: "yes", qualify_frequency: "30" }) },
    {
      ref: pjsipRef("endpoint", id),
      fields: tuples({
        transport: PJSIP_TRANSPORT,
        context: PHONE_CONTEXT,
        aors: id,
        auth: id,
        disallow: "all",
        allow: "ulaw,alaw,g722",
        direct_media: "no",
        ...(ext ? { callerid: `"${safeName(ext.displayName)}" <${ext.number}>` } : {}),
      }),
    },
  ];
}

/** Deletion order is the reverse: nothing may reference an object when it goes. */
export const pjsipRefsToDelete = (username: string): ConfigObjectRef[] =>
  [...PJSIP_TYPES].reverse().map((type) => pjsipRef(type, username));
