/**
 * Demo IVR menu and call queue for Acme Ltd: "Support" on 700 (Bob and Carol logged in,
 * longest idle first, voicemail after five minutes) and a "Main menu" where 1 reaches the
 * Sales hunt group, 2 the Support queue and 0 Reception, with direct dialling of extensions.
 * No prompts (menus beep): the seed must not need sox or espeak-ng, and customers add their
 * own. Only internal destinations. Idempotent: a company that already has queue 700 or a
 * menu of that name is left alone. Runs after the routing seed, whose hunt group it uses.
 */
import type { Prisma } from "../server/generated/prisma/client";
import type { TRoutingDestination } from "../server/modules/routing/stored";

type Tx = Prisma.TransactionClient;

export const DEMO_MEDIA = {
  tenant: "Acme Ltd",
  queue: { number: "700", name: "Support", members: ["202", "203"] },
  menu: { name: "Main menu", salesHuntGroup: "600", reception: "210" },
} as const;

const GENERAL_VOICEMAIL: TRoutingDestination = { kind: "voicemail", extensionId: null };

export async function seedDemoMedia(tx: Tx, partnerId: string) {
  const tenant = await tx.tenant.findFirst({ where: { partnerId, name: DEMO_MEDIA.tenant }, select: { id: true } });
  if (!tenant) return;
  const tenantId = tenant.id;
  const extensions = await tx.extension.findMany({ where: { tenantId }, select: { id: true, number: true } });
  const idOf = (number: string) => extensions.find((e) => e.number === number)?.id;

  const { queue, menu } = DEMO_MEDIA;
  let queueId = (await tx.callQueue.findFirst({ where: { tenantId, number: queue.number }, select: { id: true } }))?.id;
  const isNumberFree = !idOf(queue.number) && !(await tx.huntGroup.count({ where: { tenantId, number: queue.number } }));
  if (!queueId && isNumberFree) {
    const members = queue.members.flatMap((n) => idOf(n) ?? []);
    queueId = (await tx.callQueue.create({
      data: {
        tenantId, number: queue.number, name: queue.name, strategy: "LEAST_USED", leastUsedBy: "LONGEST_IDLE", maxWaitSec: 300,
        timeoutDestination: GENERAL_VOICEMAIL,
        members: { create: members.map((extensionId, position) => ({ tenantId, extensionId, position })) },
      },
      select: { id: true },
    })).id;
  }

  if (await tx.ivrMenu.count({ where: { tenantId, name: menu.name } })) return;
  const sales = await tx.huntGroup.findFirst({ where: { tenantId, number: menu.salesHuntGroup }, select: { id: true } });
  const reception = idOf(menu.reception);
  const options: { digit: string; destination: TRoutingDestination }[] = [
    ...(sales ? [{ digit: "1", destination: { kind: "huntGroup", huntGroupId: sales.id } as const }] : []),
    ...(queueId ? [{ digit: "2", destination: { kind: "queue", queueId } as const }] : []),
    ...(reception ? [{ digit: "0", destination: { kind: "extension", extensionId: reception } as const }] : []),
  ];
  await tx.ivrMenu.create({
    data: {
      tenantId, name: menu.name, directDial: true, afterRetries: GENERAL_VOICEMAIL,
      options: { create: options.map((o) => ({ tenantId, ...o })) },
    },
  });
}
