/** How each kind of call-flow node looks and is named for screen readers. */
import type { FlowNodeKind } from "@/server/telephony/engine/flow-ids";

export const NODE_KIND: Record<FlowNodeKind, { name: string; classes: string }> = {
  did: { name: "Number", classes: "border-indigo-500 bg-indigo-50" },
  extension: { name: "Extension", classes: "border-sky-500 bg-sky-50" },
  rule: { name: "Rule", classes: "border-amber-500 bg-amber-50" },
  noRuleMatched: { name: "No rule matched", classes: "border-amber-300 bg-white border-dashed" },
  dnd: { name: "Do not disturb", classes: "border-rose-400 bg-rose-50" },
  forward: { name: "Forward", classes: "border-violet-500 bg-violet-50" },
  ring: { name: "Ring", classes: "border-emerald-500 bg-emerald-50" },
  followMeStep: { name: "Follow-me", classes: "border-teal-500 bg-teal-50" },
  huntGroup: { name: "Hunt group", classes: "border-cyan-600 bg-cyan-50" },
  huntMember: { name: "Hunt group member", classes: "border-cyan-400 bg-white" },
  ivr: { name: "IVR menu", classes: "border-blue-600 bg-blue-50" },
  queue: { name: "Call queue", classes: "border-lime-600 bg-lime-50" },
  voicemail: { name: "Voicemail", classes: "border-gray-500 bg-gray-50" },
  external: { name: "External number", classes: "border-fuchsia-500 bg-fuchsia-50" },
  fax: { name: "Fax", classes: "border-stone-500 bg-stone-50" },
  message: { name: "Message", classes: "border-orange-500 bg-orange-50" },
  hangup: { name: "Hang up", classes: "border-red-600 bg-red-50" },
};
