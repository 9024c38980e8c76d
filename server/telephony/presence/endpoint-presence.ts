/**
 * Registration state per SIP account from Asterisk's endpoint and contact events (the app
 * subscribes to `endpoint:PJSIP` on every connect). ContactStatusChange says more (address,
 * reachability), EndpointStateChange covers the endpoint going offline without a contact event.
 */
import type { AriClient, ContactStatusChange, EndpointStateChange } from "../ari";
import type { Logger } from "../log";

type State = "REGISTERED" | "UNREGISTERED" | "UNREACHABLE";

export interface RegistrationWrites {
  findAccount(username: string): Promise<{ id: string; tenantId: string } | null>;
  saveRegistration(row: { sipAccountId: string; tenantId: string; state: State; userAgent?: string | null; address?: string | null }): Promise<void>;
}

const CONTACT_STATE: Record<string, State | undefined> = {
  Reachable: "REGISTERED",
  NonQualified: "REGISTERED",
  Unknown: "REGISTERED",
  Unreachable: "UNREACHABLE",
  Removed: "UNREGISTERED",
};

/** `sip:alice@192.0.2.10:5060;transport=udp` -> `192.0.2.10:5060`. */
export function contactAddress(uri: string): string | null {
  return /@([^;>]+)/.exec(uri)?.[1] ?? null;
}

/**
 * Subscribes; `detach` unsubscribes, `settled` resolves once every write of the events heard so
 * far is done (so "unknown" after a drop is written after them, never before). Writes per
 * account are chained to keep event order. `isSettling(username)`: the worker just re-created
 * that endpoint, so its "offline" is the new object's, not the phone's; the contact events
 * that follow tell the truth.
 */
export function attachEndpointPresence(
  ari: AriClient, writes: RegistrationWrites, log: Logger, isSettling: (username: string) => boolean = () => false,
): { detach: () => void; settled: () => Promise<void> } {
  const chains = new Map<string, Promise<void>>();
  const update = (resource: string, technology: string, state: State, address?: string | null) => {
    if (technology !== "PJSIP") return;
    const previous = chains.get(resource) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const account = await writes.findAccount(resource);
        if (!account) return; // a trunk or a static endpoint: not a customer's phone
        await writes.saveRegistration({ sipAccountId: account.id, tenantId: account.tenantId, state, ...(address !== undefined ? { address } : {}) });
      })
      .catch((err: unknown) => log.warn("registration write failed", { endpoint: resource, err }));
    chains.set(resource, next);
    void next.then(() => {
      if (chains.get(resource) === next) chains.delete(resource);
    });
  };
  const onEndpoint = (e: EndpointStateChange) => {
    // "online" is also reported by ContactStatusChange with the address; only offline adds news.
    if (e.endpoint.state === "offline" && isSettling(e.endpoint.resource)) return;
    if (e.endpoint.state === "offline") update(e.endpoint.resource, e.endpoint.technology, "UNREGISTERED");
    else if (e.endpoint.state === "online") update(e.endpoint.resource, e.endpoint.technology, "REGISTERED");
  };
  const onContact = (e: ContactStatusChange) => {
    const state = CONTACT_STATE[e.contact_info.contact_status];
    if (!state) return;
    update(e.endpoint.resource, e.endpoint.technology, state, state === "UNREGISTERED" ? null : contactAddress(e.contact_info.uri));
  };
  const offs = [ari.on("EndpointStateChange", onEndpoint), ari.on("ContactStatusChange", onContact)];
  return {
    detach: () => offs.forEach((off) => off()),
    settled: async () => void (await Promise.all([...chains.values()])),
  };
}
