/**
 * Test support for the Asterisk lane: the demo seed configures call routing to show it off
 * (a follow-me list, a hunt group, call rules), but most lane files test plain call handling
 * of the demo extensions (busy and no answer go to voicemail, a ring timeout, ...). The lane
 * turns the demo's routing off once after seeding, so every file starts from plain
 * extensions and configures (and restores) the routing it tests itself.
 */
import type { Db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";

export async function plainDemoRouting(db: Db): Promise<void> {
  await db.$transaction([
    db.extension.updateMany({
      data: { followMeEnabled: false, doNotDisturb: false, forwardAlways: Prisma.DbNull, forwardBusy: Prisma.DbNull, forwardNoAnswer: Prisma.DbNull },
    }),
    db.callRule.updateMany({ data: { isEnabled: false } }),
  ]);
}
