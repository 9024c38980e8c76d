/**
 * `asterisk/config/dynamic`: sorcery objects pushed by the worker (PJSIP endpoint, auth, AOR).
 * Answers are the object's tuples; see server.ts for how this differs from Asterisk.
 */
import type { ConfigTuple } from "../ari/types";
import type { SimCore } from "./core";
import { AriHttpError } from "./http-error";

/** Object types the simulated sorcery knows, by configuration class. */
const CONFIG_TYPES: Readonly<Record<string, ReadonlySet<string>>> = {
  res_pjsip: new Set(["endpoint", "auth", "aor", "identify", "contact", "domain_alias", "transport", "registration"]),
};

/** ARI's ConfigTuple: exactly `{ attribute, value }`, both strings. */
const isConfigTuple = (f: unknown): f is ConfigTuple =>
  typeof f === "object" && f !== null && !Array.isArray(f)
  && Object.keys(f).every((k) => k === "attribute" || k === "value")
  && typeof (f as ConfigTuple).attribute === "string" && typeof (f as ConfigTuple).value === "string";

const keyOf = (configClass: string, objectType: string, id: string) => `${configClass}/${objectType}/${id}`;

function assertType(configClass: string, objectType: string): void {
  const types = CONFIG_TYPES[configClass];
  if (!types) throw new AriHttpError(404, `Configuration class '${configClass}' not found`);
  if (!types.has(objectType)) throw new AriHttpError(404, `Object type '${objectType}' not found`);
}

export const configField = (core: SimCore, key: string, attribute: string): string | undefined =>
  core.config.get(key)?.find((t) => t.attribute === attribute)?.value;

export function getConfigObject(core: SimCore, configClass: string, objectType: string, id: string): ConfigTuple[] {
  assertType(configClass, objectType);
  const tuples = core.config.get(keyOf(configClass, objectType, id));
  if (!tuples) throw new AriHttpError(404, `Object '${id}' not found`);
  return tuples.map((t) => ({ ...t }));
}

/** Creates the object or updates the given fields of an existing one; answers all its fields. */
export function putConfigObject(
  core: SimCore,
  configClass: string,
  objectType: string,
  id: string,
  body: Record<string, unknown> | undefined,
): ConfigTuple[] {
  assertType(configClass, objectType);
  const fields = body?.fields ?? [];
  if (!Array.isArray(fields) || !fields.every(isConfigTuple)) {
    throw new AriHttpError(400, "Bad request body: fields must be a list of {attribute, value} strings");
  }
  const key = keyOf(configClass, objectType, id);
  const tuples = [...(core.config.get(key) ?? [])];
  for (const field of fields as ConfigTuple[]) {
    const existing = tuples.findIndex((t) => t.attribute === field.attribute);
    if (existing >= 0) tuples[existing] = { attribute: field.attribute, value: field.value };
    else tuples.push({ attribute: field.attribute, value: field.value });
  }
  core.config.set(key, tuples);
  return tuples.map((t) => ({ ...t }));
}

export function deleteConfigObject(core: SimCore, configClass: string, objectType: string, id: string): void {
  getConfigObject(core, configClass, objectType, id);
  core.config.delete(keyOf(configClass, objectType, id));
  // As Asterisk does, deleting an AOR deletes its registered contacts (the phone must register
  // again); deleting only the endpoint leaves them, so a re-created endpoint finds its phone.
  if (configClass === "res_pjsip" && objectType === "aor") core.registrations.delete(id);
}
