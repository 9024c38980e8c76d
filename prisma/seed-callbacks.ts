/**
 * Demo "Call me now" widget for Acme Ltd (issue 14): "Website" rings the Sales hunt group
 * (600), visitor first, weekdays 08:00–18:00 and "we call you back when we open" outside
 * them. Its allowed origins are the portal's own local addresses, so the demo page the portal
 * serves (/callback-widget/demo.html) can use it. Idempotent: a company that already has a
 * widget of that name is left alone. Runs after the routing seed, whose hunt group it uses.
 */
import type { Prisma } from "../server/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export const DEMO_WIDGET = {
  tenant: "Acme Ltd",
  name: "Website",
  huntGroup: "600",
  origins: ["http://localhost:3000", "http://127.0.0.1:3000"],
} as const;

export async function seedDemoCallbacks(tx: Tx, partnerId: string) {
  const tenant = await tx.tenant.findFirst({ where: { partnerId, name: DEMO_WIDGET.tenant }, select: { id: true } });
  if (!tenant) return;
  const tenantId = tenant.id;
  if (await tx.callbackWidget.count({ where: { tenantId, name: DEMO_WIDGET.name } })) return;
  const group = await tx.huntGroup.findFirst({ where: { tenantId, number: DEMO_WIDGET.huntGroup }, select: { id: true } });
  if (!group) return;
  await tx.callbackWidget.create({
    data: {
      tenantId,
      name: DEMO_WIDGET.name,
      destination: { kind: "huntGroup", huntGroupId: group.id },
      allowedOrigins: [...DEMO_WIDGET.origins],
      openHours: { weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "08:00", end: "18:00" }], dateRanges: [], holidays: "except" },
      outsideHours: "NEXT_OPENING",
      title: "Talk to Acme",
      introText: "Leave your number and our sales team calls you right away.",
      buttonLabel: "Call me now",
      closedText: "We are closed now. Leave your number and we call you when we open.",
      successText: "Thanks! We are calling you now.",
    },
  });
}
