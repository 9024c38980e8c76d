/**
 * Resolves a flow entry to what routing needs, with the same access as rules: administrators
 * reach every number, extension and hunt group of the company; extension users only their own
 * extensions. Another company's record is NOT_FOUND.
 */
import { AppError } from "../../../errors";
import type { TenantDb } from "../../../tenancy";
import type { FlowEntry } from "../../../telephony/engine";
import { getRuleOwner, type RuleUser } from "../rules/owner-access";
import type { TFlowEntry } from "./schema";

export type ResolvedEntry =
  | { kind: "did"; id: string; number: string; flow: FlowEntry }
  | { kind: "extension"; id: string; number: string; flow: FlowEntry }
  | { kind: "huntGroup"; id: string; number: string; flow: FlowEntry };

export async function resolveEntry(db: Pick<TenantDb, "did" | "extension" | "huntGroup">, user: RuleUser, entry: TFlowEntry): Promise<ResolvedEntry> {
  if ("huntGroupId" in entry) {
    const group = await db.huntGroup.findUnique({ where: { id: entry.huntGroupId }, select: { id: true, number: true } });
    if (!group) throw new AppError("NOT_FOUND", "That hunt group does not exist.");
    if (user.role !== "CUSTOMER_ADMIN") throw new AppError("FORBIDDEN", "Only your company’s administrators can look at hunt groups.");
    return { kind: "huntGroup", ...group, flow: { kind: "huntGroup", huntGroupId: group.id } };
  }
  const owner = await getRuleOwner(db, user, entry);
  return owner.kind === "did"
    ? { kind: "did", id: owner.id, number: owner.number, flow: { kind: "did", number: owner.number } }
    : { kind: "extension", id: owner.id, number: owner.number, flow: { kind: "extension", extensionId: owner.id } };
}
