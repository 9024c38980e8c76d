/**
 * A stored routing destination (server/modules/routing/stored.ts) as the engine's Destination,
 * for every place the loader reads one: forwards, follow-me entries, overflows, rule actions,
 * menu options and exits, queue exits. Menus and queues are read here so the loader routes them
 * whatever the routing module's own converter knows; everything else goes through it.
 */
import { toEngineDestination } from "@/server/modules/routing/destination-check";
import type { TRoutingDestination } from "@/server/modules/routing/stored";
import type { Destination } from "../engine";

export function engineDestination(stored: TRoutingDestination, mailboxOf: (extensionId: string | null) => string, options: { confirm?: boolean } = {}): Destination {
  switch (stored.kind) {
    case "ivr":
      return { kind: "ivr", ivrMenuId: stored.ivrMenuId };
    case "queue":
      return { kind: "queue", queueId: stored.queueId };
    default:
      return toEngineDestination(stored, mailboxOf, options);
  }
}
