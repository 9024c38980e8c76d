/** The portal page that configures a call-flow node, from the node's `ref` (flow-ids.ts). */
import type { FlowNodeRef } from "@/server/telephony/engine/flow-ids";

/** `didIdOf` maps a number to its record id (the graph knows numbers, pages take ids). */
export function nodeHref(ref: FlowNodeRef | null, didIdOf: (number: string) => string | undefined): string | null {
  if (!ref) return null;
  switch (ref.kind) {
    case "did": {
      const id = didIdOf(ref.number);
      return id ? `/numbers/${id}` : null;
    }
    case "extension":
      return `/extensions/${ref.extensionId}/${ref.section}`;
    case "huntGroup":
      return `/routing/hunt-groups/${ref.huntGroupId}`;
    case "faxAccount":
      return "/numbers";
    case "ivr":
      return `/routing/ivr/${ref.ivrMenuId}`;
    case "queue":
      return `/routing/queues/${ref.queueId}`;
  }
}
