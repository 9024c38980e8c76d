/**
 * What a rule's "forward to" may choose: the company's extensions, voicemail boxes, fax
 * accounts and hunt groups (the numbers module's lists, plus hunt groups), and whether a typed
 * number is allowed. Every user of the company may read it: extension users forward their own
 * calls to colleagues. Values are stored destinations (../stored.ts), ready to save.
 */
import type { TenantScope } from "../../../tenancy";
import { listDestinationGroups } from "../../numbers/tenant/destinations";
import type { TRoutingDestination } from "../stored";

export type RuleDestinationOption = { destination: TRoutingDestination; label: string; hint: string | null };
export type RuleDestinationGroup = { label: string; options: RuleDestinationOption[] };

function toStored(kind: string, id: string): TRoutingDestination | null {
  switch (kind) {
    case "extension":
      return { kind: "extension", extensionId: id };
    case "voicemail":
      return { kind: "voicemail", extensionId: id };
    case "fax":
      return { kind: "fax", sipAccountId: id };
    default:
      return null;
  }
}

export async function findRuleDestinations({ db }: TenantScope) {
  const [numberGroups, huntGroups, didCount] = await Promise.all([
    listDestinationGroups(db),
    db.huntGroup.findMany({ orderBy: { number: "asc" }, select: { id: true, number: true, name: true } }),
    db.did.count(),
  ]);
  const groups: RuleDestinationGroup[] = numberGroups.map((group) => ({
    label: group.label,
    options: group.options.flatMap((o) => {
      const destination = toStored(group.kind, o.value);
      return destination ? [{ destination, label: o.label, hint: o.hint }] : [];
    }),
  }));
  if (huntGroups.length > 0) {
    groups.push({ label: "Hunt groups", options: huntGroups.map((h) => ({ destination: { kind: "huntGroup", huntGroupId: h.id }, label: `${h.number} · ${h.name}`, hint: null })) });
  }
  // Forwarding out needs a number of the company's to present (destination-check.ts says the same).
  return { groups: groups.filter((g) => g.options.length > 0), isExternalAllowed: didCount > 0 };
}
