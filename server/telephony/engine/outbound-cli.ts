import { toNetworkE164 } from "./normalize-number";
import type { Extension, TenantDialPlan } from "./types";

type Outbound = NonNullable<TenantDialPlan["outbound"]>;

/**
 * The CLI an extension presents on an outbound call: the one its phone asked for if the
 * tenant may use it, else the extension's own CLI if allowed, else the trunk default.
 * Carriers reject or rewrite unverified CLIs, so an unvalidated number never leaves.
 * Appends one trace line explaining the choice.
 */
export function chooseOutboundCli(
  plan: TenantDialPlan,
  outbound: Outbound,
  extension: Extension,
  requested: string | null,
  trace: string[],
): string {
  // Phones commonly present their own extension number; that is not a CLI request.
  const isRequest = requested !== null && requested.trim() !== "" && requested.trim() !== extension.number;
  if (isRequest) {
    const e164 = toNetworkE164(requested, plan.numbering);
    if (e164 !== null && outbound.allowedClis.has(e164)) {
      trace.push(`Presenting requested CLI ${e164}.`);
      return e164;
    }
    trace.push(`Requested CLI "${requested}" is not one this tenant may present; falling back.`);
  }
  const own = extension.outboundCli;
  if (own !== null && outbound.allowedClis.has(own)) {
    trace.push(`Presenting extension ${extension.number}'s CLI ${own}.`);
    return own;
  }
  if (own !== null) trace.push(`Extension ${extension.number}'s CLI ${own} is not allowed on the trunk.`);
  trace.push(`Presenting the tenant's default CLI ${outbound.defaultCli}.`);
  return outbound.defaultCli;
}
