/**
 * Logging a queue member in or out: only logged-in members are rung. A customer admin may do
 * it for any member; an extension user only for a membership of an extension they own, so a
 * colleague cannot take someone off the queue. The change, its audit row, the dial-plan reload
 * and the presence notice that refreshes Live status commit together.
 */
import { AppError } from "../../errors";
import type { TenantScope } from "../../tenancy";
import { notifyDialPlanChanged, notifyPresence } from "../../telephony/dialplan/notify";
import { recordAudit, type Actor } from "../audit/service";
import type { TSetMemberLoginInput } from "./schema";

export type Viewer = Actor & { role: string };

export async function setQueueMemberLogin({ db, tenantId }: TenantScope, viewer: Viewer, input: TSetMemberLoginInput) {
  return db.$transaction(async (tx) => {
    const member = await tx.callQueueMember.findFirst({
      where: { queueId: input.queueId, extensionId: input.extensionId },
      select: { id: true, isLoggedIn: true, queue: { select: { number: true, name: true } }, extension: { select: { number: true, ownerUserId: true } } },
    });
    if (!member) throw new AppError("NOT_FOUND", "That extension is not a member of this queue.");
    const isOwn = viewer.role === "EXTENSION_USER" && member.extension.ownerUserId === viewer.id;
    if (viewer.role !== "CUSTOMER_ADMIN" && !isOwn) throw new AppError("FORBIDDEN", "You can log your own extension in or out only.");
    const changed = member.isLoggedIn !== input.isLoggedIn;
    const saved = changed
      ? await tx.callQueueMember.update({ where: { id: member.id }, data: { isLoggedIn: input.isLoggedIn, loginChangedAt: new Date() }, select: { isLoggedIn: true, loginChangedAt: true } })
      : await tx.callQueueMember.findUniqueOrThrow({ where: { id: member.id }, select: { isLoggedIn: true, loginChangedAt: true } });
    if (changed) {
      await recordAudit(tx, viewer, {
        action: "callQueue.setMemberLogin", entityType: "CallQueue", entityId: input.queueId, tenantId,
        details: { queue: member.queue.number, extension: member.extension.number, isLoggedIn: input.isLoggedIn },
      });
      await notifyDialPlanChanged(tx, tenantId);
      await notifyPresence(tx, { tenantId, kind: "queue", queueId: input.queueId });
    }
    return { queueId: input.queueId, extensionId: input.extensionId, ...saved };
  });
}
