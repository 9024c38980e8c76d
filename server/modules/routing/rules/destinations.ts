/**
 * What a rule's "forward to" may choose: the company's extensions, voicemail boxes, fax
 * accounts and hunt groups (the numbers module's registry lists), and whether a typed
 * number is allowed. Every user of the company may read it: extension users forward their own
 * calls to colleagues. Values are stored destinations (../stored.ts), ready to save.
 */
import { destinationFromKey } from "@/components/routing/destination-key";
import type { TenantScope } from "../../../tenancy";
import { listDestinationGroups } from "../../numbers/tenant/destinations";
import type { TRoutingDestination } from "../stored";

export type RuleDestinationOption = { destination: TRoutingDestination; label: string; hint: string | null };
export type RuleDestinationGroup = { label: string; options: RuleDestinationOption[] };

/** A listed choice as a stored destination; typed numbers are not listed choices. */
function toStored(kind: string, id: string): TRoutingDestination | null {
  const destination = destinationFromKey(`${kind}:${id}`, "");
  return destination?.kind === "external" ? null : destination;
}

export async function findRuleDestinations({ db }: TenantScope) {
  const [numberGroups, didCount] = await Promise.all([listDestinationGroups(db), db.did.count()]);
  const groups: RuleDestinationGroup[] = numberGroups.map((group) => ({
    label: group.label,
    options: group.options.flatMap((o) => {
      const destination = toStored(group.kind, o.value);
      return destination ? [{ destination, label: o.label, hint: o.hint }] : [];
    }),
  }));
  // Forwarding out needs a number of the company's to present (destination-check.ts says the same).
  return { groups: groups.filter((g) => g.options.length > 0), isExternalAllowed: didCount > 0 };
}
