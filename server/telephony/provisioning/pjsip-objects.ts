/**
 * The PJSIP sorcery objects one SIP account becomes in Asterisk (pure). Endpoint, auth and AOR
 * share the account's username as id, the usual PJSIP convention, so phones register as
 * `<username>` and the worker can map a channel `PJSIP/<username>-...` back to the account.
 */
import { createHash } from "node:crypto";
import type { ConfigObjectRef, ConfigTuple } from "../ari";

/** The pjsip.conf transport phones use (asterisk/pjsip.conf defines it). */
export const PJSIP_TRANSPORT = "transport-udp";
/** Context phone calls start in; asterisk/extensions.conf sends it to the Stasis app. */
export const PHONE_CONTEXT = "from-internal";
export const PJSIP_TYPES = ["auth", "aor", "endpoint"] as const;
/**
 * Channel variable the endpoint carries with a fingerprint of all three objects as pushed.
 * Asterisk answers a GET with every field, defaults included and values normalised, so the
 * fingerprint, not a field-by-field comparison, tells whether the objects are still ours.
 */
export const PROVISIONED_VAR = "CENTREX_PROVISIONED";

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
  const objects = desiredObjects(account);
  const endpoint = objects[2] as PjsipObject;
  endpoint.fields.push({ attribute: "set_var", value: `${PROVISIONED_VAR}=${fingerprintOf(objects)}` });
  return objects;
}

/** The fingerprint an endpoint's GET answer carries, or null when it carries none. */
export function provisionedFingerprint(endpointFields: readonly ConfigTuple[]): string | null {
  const prefix = `${PROVISIONED_VAR}=`;
  for (const { attribute, value } of endpointFields) {
    if (attribute !== "set_var") continue;
    // One tuple per variable, or several joined: accept both.
    const found = value.split(/[;,]/).map((v) => v.trim()).find((v) => v.startsWith(prefix));
    if (found) return found.slice(prefix.length);
  }
  return null;
}

/** The fingerprint stamped on the objects' endpoint by {@link pjsipObjectsFor}. */
export const expectedFingerprint = (objects: readonly PjsipObject[]): string | null =>
  provisionedFingerprint(objects.find((o) => o.ref.objectType === "endpoint")?.fields ?? []);

function fingerprintOf(objects: readonly PjsipObject[]): string {
  const canonical = objects.map((o) => [o.ref.objectType, o.fields.map((f) => [f.attribute, f.value])]);
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex").slice(0, 16);
}

function desiredObjects(account: ProvisionedAccount): PjsipObject[] {
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
