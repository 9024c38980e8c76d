/**
 * The call-flow view of IVR menus and call queues (part of buildCallFlow, call-flow.ts). A menu
 * gets an edge per option labelled with its key, plus "Direct dial", "No choice", "Fax tone"
 * and "Outside hours"; a queue "After N min" and, when callers leave an empty queue, "Nobody
 * logged in". Menus are drawn once each (drawDestination adds a node before expanding it), so
 * menus that lead into each other draw as edges back, never as endless recursion.
 */
import { drawDestination, drawHangup, usable, type Builder } from "./call-flow";
import { waitText } from "./describe-plan";
import { flowId } from "./flow-ids";
import type { CompiledCallQueue, CompiledIvrMenu } from "./media-types";
import { loggedInCount } from "./route-queue";
import type { Destination } from "./types";

export function drawMenu(b: Builder, menu: CompiledIvrMenu, id: string): void {
  const { graph } = b;
  setDetail(b, id, [`${menu.optionsByDigit.size} ${menu.optionsByDigit.size === 1 ? "option" : "options"}`, `${menu.digitTimeoutSec} s per key`, menu.period ? menu.period.text : null]);
  for (const [digit, destination] of menu.optionsByDigit) {
    const option = usable(b, id, destination, `key ${digit}`);
    if (option !== null) graph.link(id, drawDestination(b, option), `Press ${digit}`);
  }
  if (menu.extensionPrefixes.size > 0 || menu.maxDigits > 1) {
    const direct = flowId.ivrDirectDial(menu.id);
    graph.add({ id: direct, kind: "ivr", label: "Dial an extension", detail: `up to ${menu.maxDigits} digits`, ref: { kind: "ivr", ivrMenuId: menu.id } });
    graph.link(id, direct, "Direct dial");
  }
  exit(b, id, menu.afterRetries, "after the last try", "No choice");
  if (menu.fax !== null) {
    const fax = usable(b, id, menu.fax, "fax tone");
    if (fax !== null) graph.link(id, drawDestination(b, fax), "Fax tone");
  }
  if (menu.period !== null) exit(b, id, menu.inactiveAction, "outside its hours", "Outside hours");
}

export function drawQueue(b: Builder, queue: CompiledCallQueue, id: string): void {
  setDetail(b, id, [`${loggedInCount(b.plan, queue)} of ${queue.members.length} members logged in`, queue.strategy, queue.holdMedia.length > 0 ? "hold prompt" : "music on hold"]);
  exit(b, id, queue.onTimeout, "after the maximum wait", `After ${waitText(queue.maxWaitSec)}`);
  if (queue.whenNoMembers === "leave") exit(b, id, queue.noMembersDestination, "when nobody is logged in", "Nobody logged in");
}

/** The same choice as route-exit.ts: a usable destination, else a hangup (the problem warned on the node). */
function exit(b: Builder, id: string, destination: Destination | null, what: string, label: string): void {
  const next = destination === null ? null : usable(b, id, destination, what);
  b.graph.link(id, next !== null ? drawDestination(b, next) : drawHangup(b, id, "normal"), label);
}

function setDetail(b: Builder, id: string, parts: (string | null)[]): void {
  b.graph.setDetail(id, parts.filter((p): p is string => p !== null).join(" · "));
}
