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
 * Channel variable the endpoint carries with fingerprints of the three objects as pushed
 * (`<auth>.<aor>.<endpoint>`). Asterisk answers a GET with every field, defaults included and
 * values normalised, so fingerprints, not field-by-field comparisons, tell what is still ours.
 */
export const PROVISIONED_VAR = "CENTREX_PROVISIONED";

export interface Fingerprints {
  auth: string;
  aor: string;
  endpoint: string;
}

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

/** In push order (auth, AOR, endpoint): the endpoint references its auth and AOR, so those go first. */
export function pjsipObjectsFor(account: ProvisionedAccount): PjsipObject[] {
  const [auth, aor, endpoint] = desiredObjects(account) as [PjsipObject, PjsipObject, PjsipObject];
  const stamp = [auth, aor, endpoint].map(fingerprintOf).join(".");
  endpoint.fields.push({ attribute: "set_var", value: `${PROVISIONED_VAR}=${stamp}` });
  return [auth, aor, endpoint];
}

const parseStamp = (stamp: string): Fingerprints | null => {
  const [auth, aor, endpoint, ...rest] = stamp.split(".");
  return auth && aor && endpoint && rest.length === 0 ? { auth, aor, endpoint } : null;
};

/**
 * The fingerprints an endpoint's GET answer carries, or null. Asterisk answers a `set_var`
 * with the variable as its own tuple (`{ attribute: "CENTREX_PROVISIONED", value }`); the
 * simulator answers the `set_var` tuple as it was PUT. Both are read.
 */
export function provisionedFingerprints(endpointFields: readonly ConfigTuple[]): Fingerprints | null {
  const prefix = `${PROVISIONED_VAR}=`;
  for (const { attribute, value } of endpointFields) {
    if (attribute === PROVISIONED_VAR) return parseStamp(value);
    if (attribute !== "set_var") continue;
    const found = value.split(/[;,]/).map((v) => v.trim()).find((v) => v.startsWith(prefix));
    if (found) return parseStamp(found.slice(prefix.length));
  }
  return null;
}

/** The fingerprints {@link pjsipObjectsFor} stamped on its endpoint. */
export const expectedFingerprints = (objects: readonly PjsipObject[]): Fingerprints | null =>
  provisionedFingerprints(objects.find((o) => o.ref.objectType === "endpoint")?.fields ?? []);

function fingerprintOf(object: PjsipObject): string {
  const fields = object.fields.filter((f) => f.attribute !== "set_var").map((f) => [f.attribute, f.value]);
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex").slice(0, 12);
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
