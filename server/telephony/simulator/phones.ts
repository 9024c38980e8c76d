/**
 * Simulated SIP phones: REGISTER / un-REGISTER against dynamically provisioned endpoints and
 * AORs, with the ContactStatusChange and EndpointStateChange events Asterisk raises.
 */
import type { SimCore } from "./core";
import { configField } from "./config-store";
import type { PhoneBehaviour, PhoneRegistration } from "./sim-types";
import { endpointJson, endpointState } from "./views";

export interface RegisterPhoneOptions {
  endpoint: string;
  userAgent?: string;
  /** Contact host:port; default a documentation address (192.0.2.x:5060). */
  address?: string;
}

const appsForEndpoint = (core: SimCore, resource: string) => core.hub.appsFor({ endpointId: `PJSIP/${resource}` });

/** The AOR a phone registers to: the endpoint's first `aors` entry, else the endpoint's own name. */
const aorOf = (core: SimCore, endpoint: string): string =>
  configField(core, `res_pjsip/endpoint/${endpoint}`, "aors")?.split(",")[0]?.trim() || endpoint;

function emitContact(core: SimCore, reg: PhoneRegistration, status: "Reachable" | "NonQualified" | "Removed"): void {
  core.hub.emit(
    {
      type: "ContactStatusChange",
      endpoint: endpointJson(core, reg.endpoint),
      contact_info: { uri: reg.uri, contact_status: status, aor: reg.aor, roundtrip_usec: status === "Reachable" ? "1500" : "0" },
    },
    appsForEndpoint(core, reg.endpoint),
  );
}

function emitEndpointState(core: SimCore, resource: string): void {
  core.hub.emit({ type: "EndpointStateChange", endpoint: endpointJson(core, resource) }, appsForEndpoint(core, resource));
}

/**
 * A phone REGISTERs. Like Asterisk, this needs the endpoint and its AOR to exist (the worker
 * provisions them through `asterisk/config/dynamic`); otherwise the REGISTER is refused.
 * Contacts on an AOR with `qualify_frequency` > 0 are Reachable, others NonQualified.
 */
export function registerPhone(core: SimCore, opts: RegisterPhoneOptions): PhoneRegistration {
  if (!core.config.has(`res_pjsip/endpoint/${opts.endpoint}`)) {
    throw new Error(`REGISTER refused: no PJSIP endpoint '${opts.endpoint}' (provision it first)`);
  }
  const aor = aorOf(core, opts.endpoint);
  if (!core.config.has(`res_pjsip/aor/${aor}`)) throw new Error(`REGISTER refused: AOR '${aor}' not found`);
  const wasOnline = endpointState(core, opts.endpoint) === "online";
  const address = opts.address ?? `192.0.2.${10 + core.registrations.size}:5060`;
  const reg: PhoneRegistration = {
    endpoint: opts.endpoint,
    aor,
    uri: `sip:${opts.endpoint}@${address}`,
    userAgent: opts.userAgent ?? "SimPhone/1.0",
    isQualified: Number(configField(core, `res_pjsip/aor/${aor}`, "qualify_frequency") ?? "0") > 0,
  };
  core.registrations.set(opts.endpoint, reg);
  emitContact(core, reg, reg.isQualified ? "Reachable" : "NonQualified");
  if (!wasOnline) emitEndpointState(core, opts.endpoint);
  return reg;
}

/** The phone un-REGISTERs (or its registration expires): contact Removed, endpoint offline. */
export function unregisterPhone(core: SimCore, endpoint: string): void {
  const reg = core.registrations.get(endpoint);
  if (!reg) throw new Error(`phone '${endpoint}' is not registered`);
  core.registrations.delete(endpoint);
  emitContact(core, reg, "Removed");
  if (endpointState(core, endpoint) === "offline") emitEndpointState(core, endpoint);
}

export function setPhoneBehaviour(core: SimCore, endpoint: string, behaviour: PhoneBehaviour): void {
  core.behaviours.set(endpoint, { ...behaviour });
}

/** Behaviour of external numbers starting with `prefix` (dialed as `PJSIP/<number>@<trunk>`). */
export function setExternalBehaviour(core: SimCore, prefix: string, behaviour: PhoneBehaviour): void {
  core.externalBehaviours.set(prefix, { ...behaviour });
}
