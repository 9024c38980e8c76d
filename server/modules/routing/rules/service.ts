/**
 * Call processing rules of one number or extension: read as an ordered list, saved as a whole
 * list. Saving checks every rule first (destinations through the scoped client), then replaces
 * the list, audits and tells the worker in one transaction, so a refused list changes nothing
 * and the worker never routes by a half-written one.
 */
import { regionOfCallingCode } from "@/components/format/phone-number";
import { AppError } from "../../../errors";
import type { TenantScope } from "../../../tenancy";
import { notifyDialPlanChanged } from "../../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../../audit/service";
import { checkRoutingDestination } from "../destination-check";
import { readStored, ZCallerFilter, ZNumberPattern, ZRuleAction, ZTimePeriod } from "../stored";
import { getRuleOwner, ownerLabel, ownerWhere, type RuleOwnerRow, type RuleUser } from "./owner-access";
import type { TCallRuleInput, TRuleOwner, TSaveCallRulesInput } from "./schema";
import { z } from "zod";

type Tx = Parameters<Parameters<TenantScope["db"]["$transaction"]>[0]>[0];

const ruleSelect = { id: true, position: true, name: true, isEnabled: true, period: true, callerFilter: true, dialledFilter: true, action: true } as const;
type RuleRow = { id: string; position: number; name: string; isEnabled: boolean; period: unknown; callerFilter: unknown; dialledFilter: unknown; action: unknown };

const ZDialledFilter = z.array(ZNumberPattern);

/** A stored rule as the editor edits it; an action that no longer parses reads as "ring normally". */
function toRuleView(row: RuleRow) {
  return {
    id: row.id,
    name: row.name,
    isEnabled: row.isEnabled,
    period: readStored(ZTimePeriod, row.period),
    callerFilter: readStored(ZCallerFilter, row.callerFilter),
    dialledFilter: readStored(ZDialledFilter, row.dialledFilter),
    action: readStored(ZRuleAction, row.action) ?? { kind: "ringNormally" as const },
  };
}
export type CallRuleView = ReturnType<typeof toRuleView>;

const ownerView = (owner: RuleOwnerRow) => ({ kind: owner.kind, id: owner.id, label: ownerLabel(owner) });

async function readRules(db: Tx | TenantScope["db"], owner: RuleOwnerRow) {
  const rows = await db.callRule.findMany({ where: ownerWhere(owner), orderBy: { position: "asc" }, select: ruleSelect });
  return { owner: ownerView(owner), rules: rows.map(toRuleView) };
}

/** The owner's rules in order. Throws NOT_FOUND (not the company's) or FORBIDDEN (not the user's). */
export async function findCallRules({ db }: TenantScope, user: RuleUser, owner: TRuleOwner) {
  return readRules(db, await getRuleOwner(db, user, owner));
}

/** Checks what the database cannot: destinations exist here, and a voicemail rule has a box. */
async function checkRule(tx: Tx, owner: RuleOwnerRow, rule: TCallRuleInput, index: number, region: string | undefined): Promise<TCallRuleInput> {
  const { action } = rule;
  if (action.kind === "forward") {
    const field = `rules.${index}.action.destination`;
    const selfExtensionId = owner.kind === "extension" ? owner.id : undefined;
    return { ...rule, action: { kind: "forward", destination: await checkRoutingDestination({ db: tx, region, field, selfExtensionId }, action.destination) } };
  }
  if (action.kind === "voicemail" && owner.kind === "extension" && !owner.voicemailEnabled) {
    const message = `Extension ${owner.number} has voicemail turned off; turn it on first or choose another action.`;
    throw new AppError("INVALID", message, { fieldErrors: { [`rules.${index}.action`]: message } });
  }
  return rule;
}

/**
 * Replaces the owner's rules with `input.rules`, in that order. Throws NOT_FOUND / FORBIDDEN
 * for the owner, and INVALID or NOT_FOUND with a field error ("rules.2.action.destination")
 * for the first rule that cannot be kept; then nothing is written.
 */
export async function saveCallRules({ db, tenantId }: TenantScope, user: RuleUser, actor: Actor, input: TSaveCallRulesInput) {
  return db.$transaction(async (tx) => {
    const owner = await getRuleOwner(tx, user, input.owner);
    const { countryCode } = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { countryCode: true } });
    const region = regionOfCallingCode(countryCode);
    const checked: TCallRuleInput[] = [];
    for (const [i, rule] of input.rules.entries()) checked.push(await checkRule(tx, owner, rule, i, region));
    const before = await tx.callRule.findMany({ where: ownerWhere(owner), orderBy: { position: "asc" }, select: { name: true } });
    await tx.callRule.deleteMany({ where: ownerWhere(owner) });
    await tx.callRule.createMany({
      data: checked.map((rule, position) => ({
        tenantId,
        ...ownerWhere(owner),
        position,
        name: rule.name,
        isEnabled: rule.isEnabled,
        period: rule.period ?? undefined,
        callerFilter: rule.callerFilter ?? undefined,
        dialledFilter: rule.dialledFilter ?? undefined,
        action: rule.action,
      })),
    });
    await recordAudit(tx, actor, {
      action: "routing.rules.save",
      entityType: owner.kind === "did" ? "Did" : "Extension",
      entityId: owner.id,
      tenantId,
      details: { owner: ownerLabel(owner), before: before.map((r) => r.name), after: checked.map((r) => r.name) },
    });
    await notifyDialPlanChanged(tx, tenantId);
    return readRules(tx, owner);
  });
}
