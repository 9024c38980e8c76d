/** Words for the call-flow view's nodes, from the compiled plan. */
import type { CompiledRule, Destination, TenantDialPlan } from "./types";
import { externalE164 } from "./destination-problem";
import { countryName } from "./caller-country";

/** e.g. "202 · Bob Baker", "Sales (600)", "Voicemail sales@t1", "+44 7700 900123". */
export function describeDestination(plan: TenantDialPlan, destination: Destination): string {
  switch (destination.kind) {
    case "extension": {
      const extension = plan.extensionsById.get(destination.extensionId);
      return extension ? `${extension.number} · ${extension.displayName}` : "Missing extension";
    }
    case "huntGroup": {
      const group = plan.huntGroupsById.get(destination.huntGroupId);
      return group ? `Hunt group ${group.name} (${group.number})` : "Missing hunt group";
    }
    case "fax":
      return `Fax ${plan.faxAccountsById.get(destination.sipAccountId)?.label ?? "(missing)"}`;
    case "ivr": {
      const menu = plan.ivrMenusById.get(destination.ivrMenuId);
      return menu ? `IVR menu ${menu.name}` : "Missing IVR menu";
    }
    case "queue": {
      const queue = plan.queuesById.get(destination.queueId);
      return queue ? `Call queue ${queue.name} (${queue.number})` : "Missing call queue";
    }
    case "voicemail":
      return `Voicemail ${destination.mailbox}`;
    case "external":
      return externalE164(plan, destination.number) ?? destination.number;
    default:
      return "Unsupported destination";
  }
}

/** e.g. "Mon–Fri 09:00–17:00 · from United States · dialled +44…"; "disabled" first when it is. */
export function describeRule(rule: CompiledRule): string {
  const parts = [
    rule.isEnabled ? null : "disabled",
    rule.period?.text ?? null,
    rule.caller ? `from ${[rule.caller.numbers.text, [...rule.caller.countries].map(countryName).join(", ")].filter((t) => t !== "").join(" or ")}` : null,
    rule.dialled ? `dialled ${rule.dialled.text}` : null,
  ];
  const text = parts.filter((p): p is string => p !== null).join(" · ");
  return text === "" ? "every call" : text;
}
