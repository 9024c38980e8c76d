/**
 * Periodic announcements for a caller waiting in a queue: every `announceEverySec` the hold
 * media pauses, the caller hears their place in line and/or the expected wait, and the hold
 * media resumes. An announcement in progress is stopped the moment the wait is over (a member
 * answered, the maximum wait passed, the caller left).
 */
import { randomUUID } from "node:crypto";
import type { QueueStep } from "../engine/call-plan";
import { quietly } from "./deps";
import type { ExecuteContext } from "./execute-plan";
import type { HoldMedia } from "./hold-media";
import { positionMedia, waitMedia } from "./queue-announcement";
import { expectedWaitSec } from "./queue-wait-estimate";
import { sleep } from "./timing";
import { armed } from "./wait-for-event";

const ANNOUNCEMENT_LIMIT_MS = 60_000;

/** Runs until `over` settles; resolves once nothing of it plays or waits any more. */
export async function startAnnouncements(ctx: ExecuteContext, step: QueueStep, hold: HoldMedia, over: Promise<void>, joinedMs: number): Promise<void> {
  if (!step.announcePosition && !step.announceWaitTime) return;
  let isOver = false;
  void over.then(() => (isOver = true));
  for (;;) {
    await sleep(step.announceEverySec * 1000, over);
    if (isOver) return;
    const media = await announcementFor(ctx, step, joinedMs);
    if (isOver || media.length === 0) continue;
    await hold.pause();
    await playUntil(ctx, media, over);
    await hold.resume();
  }
}

async function announcementFor(ctx: ExecuteContext, step: QueueStep, joinedMs: number): Promise<string[]> {
  const { deps, session } = ctx;
  const tenantId = session.tenantId;
  if (!tenantId) return [];
  const position = (await deps.queueCalls?.position({ tenantId, queueId: step.queueId, channelId: session.callerId })) ?? 1;
  const waitedSec = (Date.now() - joinedMs) / 1000;
  const expected = expectedWaitSec(deps.queueWaits?.averageSec(step.queueId) ?? null, position, waitedSec, step.memberRingSec);
  session.log.debug("queue announcement", { position, expectedSec: expected });
  return [...(step.announcePosition ? positionMedia(position) : []), ...(step.announceWaitTime ? waitMedia(expected) : [])];
}

async function playUntil(ctx: ExecuteContext, media: string[], over: Promise<void>): Promise<void> {
  const { deps, session } = ctx;
  const playbackId = randomUUID();
  const finished = armed(deps.ari, session, ["PlaybackFinished"], (e) => e.playback.id === playbackId, ANNOUNCEMENT_LIMIT_MS);
  await quietly(session.log, "queue announcement", () => deps.ari.channels.play(session.callerId, media, { playbackId }));
  const first = await Promise.race([finished.result.then(() => "finished" as const), over.then(() => "over" as const)]);
  if (first === "over") {
    finished.cancel();
    await quietly(session.log, "stop queue announcement", () => deps.ari.playbacks.stop(playbackId));
  }
}
