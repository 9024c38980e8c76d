/**
 * Saving an extension's forwarding. Every destination is checked through the scoped client
 * first (field errors name the entry: "forwardBusy", "followMe.steps.2.destination"), then the
 * columns and the whole follow-me list are replaced, audited and announced to the worker in one
 * transaction: a refused entry leaves everything as it was.
 */
import { regionOfCallingCode } from "@/components/format/phone-number";
import { Prisma } from "../../../generated/prisma/client";
import type { TenantScope } from "../../../tenancy";
import { notifyDialPlanChanged, notifyPresence } from "../../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../../audit/service";
import { checkRoutingDestination, type DestinationCheckContext } from "../destination-check";
import type { TRoutingDestination } from "../stored";
import { extensionForViewer, type Viewer } from "./access";
import { FORWARD_FIELDS, type TSaveForwardingInput, type TSetDoNotDisturbInput } from "./schema";
import { readForwarding, type ForwardingView } from "./service";

type Tx = Parameters<Parameters<TenantScope["db"]["$transaction"]>[0]>[0];

/** A nullable JSON column: SQL NULL for "not set", never the JSON value null. */
const json = (value: object | null) => (value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue));

async function checkAll(tx: Tx, tenantId: string, extensionId: string, input: TSaveForwardingInput) {
  const { countryCode } = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { countryCode: true } });
  const base: Omit<DestinationCheckContext, "field"> = { db: tx, region: regionOfCallingCode(countryCode), selfExtensionId: extensionId };
  const check = (field: string, d: TRoutingDestination | null) => (d === null ? Promise.resolve(null) : checkRoutingDestination({ ...base, field }, d));
  const forwards = {} as Record<(typeof FORWARD_FIELDS)[number], TRoutingDestination | null>;
  for (const field of FORWARD_FIELDS) forwards[field] = await check(field, input[field]);
  const steps = [];
  for (const [i, step] of input.followMe.steps.entries()) {
    steps.push({ ...step, destination: (await check(`followMe.steps.${i}.destination`, step.destination))! });
  }
  return { forwards, steps };
}

/** What changed, in a few words the audit log can show; destinations are ids, never secrets. */
const auditSummary = (v: Omit<ForwardingView, "extension">) => ({
  doNotDisturb: v.doNotDisturb,
  forwardAlways: v.forwardAlways?.kind ?? null,
  forwardBusy: v.forwardBusy?.kind ?? null,
  forwardNoAnswer: v.forwardNoAnswer?.kind ?? null,
  followMe: v.followMe.isEnabled ? `${v.followMe.strategy}, ${v.followMe.steps.length} destinations` : "off",
});

/** Replaces the extension's forwarding with `input`; throws NOT_FOUND, FORBIDDEN or INVALID (field errors). */
export async function saveForwarding({ db, tenantId }: TenantScope, actor: Actor, viewer: Viewer, input: TSaveForwardingInput): Promise<ForwardingView> {
  return db.$transaction(async (tx) => {
    const extension = await extensionForViewer(tx, viewer, input.extensionId);
    const before = await readForwarding(tx, extension);
    const { forwards, steps } = await checkAll(tx, tenantId, extension.id, input);
    const { followMe } = input;
    await tx.extension.update({
      where: { id: extension.id },
      data: {
        doNotDisturb: input.doNotDisturb,
        forwardAlways: json(forwards.forwardAlways),
        forwardBusy: json(forwards.forwardBusy),
        forwardNoAnswer: json(forwards.forwardNoAnswer),
        followMeEnabled: followMe.isEnabled,
        followMeStrategy: followMe.strategy === "simultaneous" ? "SIMULTANEOUS" : "SEQUENTIAL",
        followMeRingSelfSec: followMe.ringSelfFirstSec,
      },
    });
    await tx.followMeStep.deleteMany({ where: { extensionId: extension.id } });
    await tx.followMeStep.createMany({
      data: steps.map((step, position) => ({
        tenantId,
        extensionId: extension.id,
        position,
        destination: step.destination as Prisma.InputJsonValue,
        ringSec: step.ringSec,
        confirmAnswer: step.confirm,
        activePeriod: json(step.activePeriod),
      })),
    });
    const after = await readForwarding(tx, extension);
    await recordAudit(tx, actor, {
      action: "forwarding.save", entityType: "Extension", entityId: extension.id, tenantId,
      details: { number: extension.number, displayName: extension.displayName, before: auditSummary(before), after: auditSummary(after) },
    });
    await notifyDialPlanChanged(tx, tenantId);
    if (before.doNotDisturb !== after.doNotDisturb) await notifyPresence(tx, { tenantId, kind: "dnd", extensionId: extension.id });
    return after;
  });
}

/** The quick toggle: only do-not-disturb changes; audited and announced like a full save. */
export async function setDoNotDisturb({ db, tenantId }: TenantScope, actor: Actor, viewer: Viewer, input: TSetDoNotDisturbInput) {
  return db.$transaction(async (tx) => {
    const extension = await extensionForViewer(tx, viewer, input.extensionId);
    await tx.extension.update({ where: { id: extension.id }, data: { doNotDisturb: input.doNotDisturb } });
    await recordAudit(tx, actor, {
      action: "forwarding.setDoNotDisturb", entityType: "Extension", entityId: extension.id, tenantId,
      details: { number: extension.number, displayName: extension.displayName, doNotDisturb: input.doNotDisturb },
    });
    await notifyDialPlanChanged(tx, tenantId);
    // Live status and the wallboard show the badge at once (NOTIFY is sent on commit).
    await notifyPresence(tx, { tenantId, kind: "dnd", extensionId: extension.id });
    return { extensionId: extension.id, doNotDisturb: input.doNotDisturb };
  });
}
