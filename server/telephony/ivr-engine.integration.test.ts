/**
 * The required flow with everything real: the IVR menu and queue configured in the
 * database as the portal stores them, the dial-plan loader, the engine (routeCall,
 * routeMenuChoice, queueAttempt) and the worker over the simulator.
 */
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { cdrOf, dialsSince, markEvents } from "@/tests/fixtures/routing-calls";
import { playedTo } from "@/tests/fixtures/media-calls";
import { eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";

const CALLER = "+447700900111";
const DID = "+441632960901";

let h: Harness;
let tenantId: string;
let ann: SeededExtension; // 201: queue member, voicemail box of the queue's timeout
let bob: SeededExtension; // 202: queue member, logged out
let queueId: string;
let postSelection: string;

async function prompt(name: string): Promise<{ id: string }> {
  const id = `p${Math.random().toString(36).slice(2, 12)}`;
  return db.voicePrompt.create({
    data: { id, tenantId, name, source: "TTS", originalType: "tts", ttsText: name, durationMs: 1000, sizeBytes: 16_000, fileKey: `${tenantId}/prompts/${id}.wav` },
  });
}

beforeAll(async () => {
  const { partner } = await seedPartner();
  tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  [ann, bob] = (await seedExtensions(tenantId, 2)) as [SeededExtension, SeededExtension];
  const queue = await db.callQueue.create({
    data: {
      tenantId, number: "700", name: "Sales", memberRingSec: 5, retrySec: 1, maxWaitSec: 10, announcePosition: false, announceWaitTime: false,
      timeoutDestination: { kind: "voicemail", extensionId: ann.id },
      members: { create: [{ tenantId, extensionId: ann.id, position: 0 }, { tenantId, extensionId: bob.id, position: 1, isLoggedIn: false }] },
    },
  });
  queueId = queue.id;
  const post = await prompt("Connecting you to sales");
  postSelection = post.id;
  const menu = await db.ivrMenu.create({
    data: {
      tenantId, name: "Main", digitTimeoutSec: 2, maxRetries: 2, postSelectionPromptId: post.id, menuPromptId: (await prompt("Press 2 for sales")).id,
      options: { create: [{ tenantId, digit: "2", destination: { kind: "queue", queueId } }] },
    },
  });
  const { id: didId } = await seedDid(tenantId, DID, null);
  await db.did.update({ where: { id: didId }, data: { targetType: "IVR", targetIvrMenuId: menu.id } });
  // The worker's own wiring: the engine's menu and queue answers are the default. Prompts play
  // by absolute path from the media folder (the simulator does not read the files).
  h = await startHarness({ mediaDir: path.join(os.tmpdir(), "centrex-ivr-engine-media") });
  for (const e of [ann, bob]) {
    h.sim.scenario.registerPhone({ endpoint: e.username });
    h.sim.scenario.setPhoneBehaviour(e.username, { mode: "noAnswer" });
  }
});

afterAll(async () => {
  await h?.stop();
});

describe("[IVR] with the real engine", () => {
  it("an IVR caller presses 2, hears the post-selection announcement and lands in a queue, and after the maximum wait reaches voicemail", async () => {
    const mark = markEvents(h);
    const callerId = h.sim.scenario.placeInboundCall({ from: CALLER, to: DID });
    await eventually("menu prompt", () => playedTo(h, callerId).length > 0);
    await h.sim.scenario.sendDtmf(callerId, "2");
    await eventually("post-selection announcement", () => playedTo(h, callerId).some((media) => media.some((m) => m.includes(postSelection))));
    await eventually("waiting in the queue", () => db.queueWaitingCall.findUnique({ where: { channelId: callerId } }));
    await eventually("201 rung", () => dialsSince(h, mark).includes(ann.username));
    // The database keeps queue waits at 10 s or more (CallQueue_max_wait_sec).
    const cdr = await cdrOf(callerId, 20_000);
    expect(cdr.disposition).toBe("VOICEMAIL");
    // 202 is logged out: never rung.
    expect(dialsSince(h, mark)).not.toContain(bob.username);
    expect(await db.queueWaitingCall.count({ where: { queueId } })).toBe(0);
  }, 30_000);
});
