/** The portal page that configures a call-flow node, from the node's `ref` (flow-ids.ts). */
import type { FlowNodeRef } from "@/server/telephony/engine/flow-ids";

/** `didIdOf` maps a number to its record id (the graph knows numbers, pages take ids). */
export function nodeHref(ref: FlowNodeRef | null, didIdOf: (number: string) => string | undefined): string | null {
  if (!ref) return null;
  const media = mediaHref(ref);
  if (media) return media;
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
  }
}

/**
 * IVR menu and call-queue nodes (issue 12). Their ref kinds are the engine's to add to
 * FlowNodeRef, so they are read loosely here: this works before and after they land.
 */
function mediaHref(ref: FlowNodeRef): string | null {
  const loose = ref as { kind: string; ivrMenuId?: unknown; menuId?: unknown; queueId?: unknown };
  if (loose.kind === "ivr" || loose.kind === "ivrMenu") {
    const id = loose.ivrMenuId ?? loose.menuId;
    return typeof id === "string" ? `/routing/ivr/${id}` : "/routing/ivr";
  }
  if (loose.kind === "queue") return typeof loose.queueId === "string" ? `/routing/queues/${loose.queueId}` : "/routing/queues";
  return null;
}
