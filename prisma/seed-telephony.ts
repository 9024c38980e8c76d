/**
 * Demo telephony: extensions with SIP accounts, a DID per customer, a block-list entry and a
 * default tariff, so the worker has phones to register and calls to route on first start.
 * Idempotent per customer: a company that already has extensions is left alone.
 */
import { randomBytes } from "node:crypto";
import type { Prisma } from "../server/generated/prisma/client";
import { sipAuthMd5 } from "../server/modules/billing/sip-credentials";

type Tx = Prisma.TransactionClient;

export const DEMO_TELEPHONY = {
  "Acme Ltd": {
    did: "+442071234500",
    extensions: [
      ["201", "Alice Admin", "alice@acme.example"],
      ["202", "Bob Baker", "bob@acme.example"],
      ["203", "Carol Chen", "carol@acme.example"],
      ["210", "Reception", null],
    ],
    blocked: [{ pattern: "+449", isPrefix: true, note: "Premium-rate numbers" }],
  },
  "Globex Corp": {
    did: "+442071234600",
    extensions: [
      ["301", "Grace Green", "grace@globex.example"],
      ["302", "Hank Hill", "hank@globex.example"],
      ["303", "Ivy Iverson", "ivy@globex.example"],
    ],
    blocked: [],
  },
} as const;

const DEMO_RATES = [
  ["44", "United Kingdom, fixed", "0.01500"],
  ["447", "United Kingdom, mobile", "0.06000"],
  ["1", "United States and Canada", "0.02000"],
  ["33", "France", "0.03000"],
  ["49", "Germany", "0.03000"],
] as const;

const REALM = "centrex";

export async function seedDemoTelephony(tx: Tx, partnerId: string) {
  if (!(await tx.tariff.count({ where: { partnerId } }))) {
    await tx.tariff.create({
      data: {
        partnerId, name: "Standard", currency: "GBP", isDefault: true,
        rates: { create: DEMO_RATES.map(([prefix, description, ratePerMinute]) => ({ prefix, description, ratePerMinute, incrementSec: 60 })) },
      },
    });
  }
  for (const [tenantName, plan] of Object.entries(DEMO_TELEPHONY)) {
    const tenant = await tx.tenant.findFirst({ where: { partnerId, name: tenantName }, select: { id: true, partnerId: true } });
    if (!tenant || (await tx.extension.count({ where: { tenantId: tenant.id } }))) continue;
    const firstExtensionIds: string[] = [];
    for (const [number, displayName, ownerEmail] of plan.extensions) {
      // Demo secrets are random and never shown: the simulator's phones do not authenticate.
      const username = `demo-${number}-${tenant.id.slice(-6)}`;
      const secret = randomBytes(18).toString("base64url");
      const account = await tx.sipAccount.create({ data: { tenantId: tenant.id, username, realm: REALM, authMd5: sipAuthMd5(username, REALM, secret) } });
      const owner = ownerEmail ? await tx.user.findUnique({ where: { email: ownerEmail }, select: { id: true } }) : null;
      const extension = await tx.extension.create({
        data: { tenantId: tenant.id, number, displayName, sipAccountId: account.id, ownerUserId: owner?.id ?? null, outboundCli: plan.did },
      });
      firstExtensionIds.push(extension.id);
    }
    await tx.did.create({ data: { partnerId: tenant.partnerId, tenantId: tenant.id, state: "ASSIGNED", number: plan.did, targetType: "EXTENSION", targetExtensionId: firstExtensionIds[0] ?? null } });
    for (const entry of plan.blocked) await tx.blockedNumber.create({ data: { tenantId: tenant.id, ...entry } });
  }
}
