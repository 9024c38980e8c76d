/**
 * Demo call routing for Acme Ltd: a "Sales" hunt group on 600 ringing Bob, Carol and Alice in
 * order, and Bob's follow-me list (his own phone first, then Carol in office hours, then
 * Reception). Only internal destinations: the demo must never ring a real outside phone.
 * Idempotent: a company that already has hunt group 600, or a Bob with a follow-me list, is
 * left alone. Runs after the telephony seed, whose extensions it uses.
 */
import type { Prisma } from "../server/generated/prisma/client";
import type { TRoutingDestination, TTimePeriod } from "../server/modules/routing/stored";

type Tx = Prisma.TransactionClient;

export const DEMO_ROUTING = {
  tenant: "Acme Ltd",
  huntGroup: { number: "600", name: "Sales", members: ["202", "203", "201"], ringSec: 15 },
  followMe: { owner: "202", ringSelfFirstSec: 15, steps: [{ extension: "203", ringSec: 15, officeHoursOnly: true }, { extension: "210", ringSec: 20, officeHoursOnly: false }] },
} as const;

const OFFICE_HOURS: TTimePeriod = { weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "09:00", end: "17:00" }], dateRanges: [], holidays: "any" };
const GENERAL_VOICEMAIL: TRoutingDestination = { kind: "voicemail", extensionId: null };

export async function seedDemoRouting(tx: Tx, partnerId: string) {
  const tenant = await tx.tenant.findFirst({ where: { partnerId, name: DEMO_ROUTING.tenant }, select: { id: true } });
  if (!tenant) return;
  const extensions = await tx.extension.findMany({ where: { tenantId: tenant.id }, select: { id: true, number: true } });
  const idOf = (number: string) => extensions.find((e) => e.number === number)?.id;

  const group = DEMO_ROUTING.huntGroup;
  const members = group.members.flatMap((n) => idOf(n) ?? []);
  const isGroupFree = !(await tx.huntGroup.count({ where: { tenantId: tenant.id, number: group.number } })) && !idOf(group.number);
  if (isGroupFree && members.length > 0) {
    await tx.huntGroup.create({
      data: {
        tenantId: tenant.id, number: group.number, name: group.name, strategy: "IN_ORDER", ringSec: 60, overflow: GENERAL_VOICEMAIL,
        members: { create: members.map((extensionId, position) => ({ tenantId: tenant.id, extensionId, position, ringSec: group.ringSec })) },
      },
    });
  }

  const follow = DEMO_ROUTING.followMe;
  const ownerId = idOf(follow.owner);
  if (!ownerId || (await tx.followMeStep.count({ where: { extensionId: ownerId } }))) return;
  const steps = follow.steps.flatMap((s) => {
    const extensionId = idOf(s.extension);
    return extensionId ? [{ extensionId, ...s }] : [];
  });
  await tx.extension.update({ where: { id: ownerId }, data: { followMeEnabled: true, followMeStrategy: "SEQUENTIAL", followMeRingSelfSec: follow.ringSelfFirstSec } });
  await tx.followMeStep.createMany({
    data: steps.map((s, position) => ({
      tenantId: tenant.id, extensionId: ownerId, position, ringSec: s.ringSec,
      destination: { kind: "extension", extensionId: s.extensionId } satisfies TRoutingDestination,
      ...(s.officeHoursOnly ? { activePeriod: OFFICE_HOURS } : {}),
    })),
  });
}
