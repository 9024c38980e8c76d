/**
 * The partner's side of text messages: the outbox (every text sent or tried for its
 * customers), its SMS gateway, and its caller-ID policy. Everything is keyed by the admin's
 * partnerId, so another partner's rows are simply not found.
 */
import { db } from "../../db";
import { env } from "../../env.js";
import { AppError } from "../../errors";
import { open, seal, secretHint } from "../../integrations/secret-box";
import { notifyDialPlanChanged } from "../../telephony/dialplan/notify";
import type { PartnerScope } from "../admin/customers-service";
import { recordAudit } from "../audit/service";
import { SMS_PAGE_SIZE, type TCallerIdPolicyInput, type TGatewayInput, type TOutboxInput } from "./schema";

/** One page of the partner's texts, newest first, with the customer each was for. */
export async function findOutbox({ partnerId }: PartnerScope, { page }: TOutboxInput) {
  const [rows, total] = await Promise.all([
    db.smsMessage.findMany({ where: { partnerId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * SMS_PAGE_SIZE, take: SMS_PAGE_SIZE }),
    db.smsMessage.count({ where: { partnerId } }),
  ]);
  const tenantIds = [...new Set(rows.flatMap((r) => (r.tenantId ? [r.tenantId] : [])))];
  const tenants = await db.tenant.findMany({ where: { partnerId, id: { in: tenantIds } }, select: { id: true, name: true } });
  return {
    items: rows.map((r) => ({
      id: r.id, to: r.to, body: r.body, channel: r.channel, status: r.status, error: r.error, providerMessageId: r.providerMessageId, createdAt: r.createdAt,
      customerName: tenants.find((t) => t.id === r.tenantId)?.name ?? null,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / SMS_PAGE_SIZE)),
  };
}

/** The gateway as the partner may see it: never the token, only its last four characters. */
export async function getGateway({ partnerId }: PartnerScope) {
  const gateway = await db.smsGateway.findUnique({ where: { partnerId } });
  if (!gateway) return null;
  let tokenHint: string | null;
  try {
    tokenHint = secretHint(open(gateway.authTokenSealed));
  } catch {
    tokenHint = null; // sealed under a secret that has since changed: the partner re-enters it
  }
  return { kind: gateway.kind, baseUrl: gateway.baseUrl, accountSid: gateway.accountSid, fromNumber: gateway.fromNumber, tokenHint, updatedAt: gateway.updatedAt };
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Plain http would send the auth token in clear; it is allowed only to this machine, and only
 * outside production (the local Twilio of tests and demos).
 */
export function isAllowedGatewayUrl(baseUrl: string, isProduction: boolean): boolean {
  const url = new URL(baseUrl);
  if (url.protocol === "https:") return true;
  return !isProduction && url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname);
}

const invalid = (field: string, message: string) => new AppError("INVALID", message, { fieldErrors: { [field]: message } });

/** Creates or replaces the Twilio gateway; an empty token keeps the stored one. */
export async function setGateway({ partnerId, actor }: PartnerScope, input: TGatewayInput) {
  if (!isAllowedGatewayUrl(input.baseUrl, env.NODE_ENV === "production")) throw invalid("baseUrl", "Use an https:// address.");
  const existing = await db.smsGateway.findUnique({ where: { partnerId }, select: { authTokenSealed: true } });
  if (!input.authToken && !existing) throw invalid("authToken", "Enter the auth token.");
  const authTokenSealed = input.authToken ? seal(input.authToken) : existing!.authTokenSealed;
  const fields = { kind: "TWILIO", baseUrl: input.baseUrl.replace(/\/+$/, ""), accountSid: input.accountSid, fromNumber: input.fromNumber, authTokenSealed };
  await db.$transaction(async (tx) => {
    await tx.smsGateway.upsert({ where: { partnerId }, create: { partnerId, ...fields }, update: fields });
    await recordAudit(tx, actor, {
      action: "sms.setGateway", entityType: "SmsGateway", entityId: partnerId, partnerId,
      details: { baseUrl: fields.baseUrl, accountSid: fields.accountSid, fromNumber: fields.fromNumber, isTokenChanged: Boolean(input.authToken) },
    });
  });
  return getGateway({ partnerId, actor });
}

export async function removeGateway({ partnerId, actor }: PartnerScope) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.smsGateway.deleteMany({ where: { partnerId } });
    if (count === 0) throw new AppError("NOT_FOUND", "No SMS gateway is set up.");
    await recordAudit(tx, actor, { action: "sms.removeGateway", entityType: "SmsGateway", entityId: partnerId, partnerId });
  });
  return { isRemoved: true };
}

export async function getCallerIdPolicy({ partnerId }: PartnerScope) {
  return db.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { allowUnverifiedMobileCli: true } });
}

/** Changes the policy; every customer's dial plan is reloaded, since unverified mobiles start or stop working. */
export async function setCallerIdPolicy({ partnerId, actor }: PartnerScope, input: TCallerIdPolicyInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { allowUnverifiedMobileCli: true } });
    const after = await tx.partner.update({ where: { id: partnerId }, data: { allowUnverifiedMobileCli: input.allowUnverifiedMobileCli }, select: { allowUnverifiedMobileCli: true } });
    await recordAudit(tx, actor, { action: "partner.setCallerIdPolicy", entityType: "Partner", entityId: partnerId, partnerId, details: { before, after } });
    const tenants = await tx.tenant.findMany({ where: { partnerId }, select: { id: true } });
    for (const t of tenants) await notifyDialPlanChanged(tx, t.id);
    return after;
  });
}
