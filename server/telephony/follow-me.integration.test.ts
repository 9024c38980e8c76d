/**
 * Follow-me, do-not-disturb and "press 1 to accept" through the worker and the simulator,
 * configured straight in the database as the portal stores them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { seedFollowMe } from "@/tests/fixtures/seed-routing";
import { bridgedWith, cdrOf, channelName, dialsSince, markEvents, ringDurationsMs } from "@/tests/fixtures/routing-calls";
import { eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";
import { CONFIRM_PROMPT } from "./stasis/confirm-leg";

const CALLER = "+447700900111";
const MOBILE = "+447700900555";
const DIDS = { followMe: "+441632960701", dnd: "+441632960702", confirm: "+441632960703" };

let h: Harness;
let tenantId: string;
let owner: SeededExtension; // 201: follow-me, its phone is busy
let bob: SeededExtension; // 202: does not answer
let carol: SeededExtension; // 203: answers
let dora: SeededExtension; // 204: do not disturb
let erin: SeededExtension; // 205: follow-me to a mobile that must press 1, then to carol

beforeAll(async () => {
  const { partner } = await seedPartner();
  tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  [owner, bob, carol, dora, erin] = (await seedExtensions(tenantId, 5)) as [SeededExtension, SeededExtension, SeededExtension, SeededExtension, SeededExtension];
  await seedFollowMe(tenantId, owner.id, [
    { destination: { kind: "extension", extensionId: bob.id }, ringSec: 5 },
    { destination: { kind: "extension", extensionId: carol.id }, ringSec: 20 },
  ], { ringSelfSec: 10 });
  await db.extension.update({ where: { id: dora.id }, data: { doNotDisturb: true } });
  await seedFollowMe(tenantId, erin.id, [
    { destination: { kind: "external", number: MOBILE }, ringSec: 20, confirmAnswer: true },
    { destination: { kind: "extension", extensionId: carol.id }, ringSec: 20 },
  ]);
  await seedDid(tenantId, DIDS.followMe, owner.id);
  await seedDid(tenantId, DIDS.dnd, dora.id);
  await seedDid(tenantId, DIDS.confirm, erin.id);
  h = await startHarness({ confirmTimeoutMs: 600 });
  for (const e of [owner, bob, carol, dora, erin]) h.sim.scenario.registerPhone({ endpoint: e.username });
  h.sim.scenario.setPhoneBehaviour(owner.username, { mode: "busy" });
  h.sim.scenario.setPhoneBehaviour(bob.username, { mode: "noAnswer" });
  h.sim.scenario.setPhoneBehaviour(carol.username, { mode: "answer", answerAfterMs: 300 });
  h.sim.scenario.setPhoneBehaviour(erin.username, { mode: "noAnswer" });
});

afterAll(async () => {
  await h?.stop();
});

const call = (did: string) => h.sim.scenario.placeInboundCall({ from: CALLER, to: did });

describe("[FOLLOW_ME] through the worker", () => {
  it("the extension is busy, the first destination rings for its ring time, the second answers; the CDR records the forward", async () => {
    const mark = markEvents(h);
    const callerId = call(DIDS.followMe);
    const bridge = await bridgedWith(h, callerId);
    expect(channelName(h, bridge.channels.find((c) => c !== callerId)!)).toMatch(new RegExp(`^PJSIP/${carol.username}-`));
    expect(dialsSince(h, mark)).toEqual([owner.username, bob.username, carol.username]);
    const [bobRang] = ringDurationsMs(h, mark, bob.username);
    expect(bobRang).toBeGreaterThanOrEqual(4500);
    expect(bobRang).toBeLessThan(8000);
    h.sim.scenario.hangup(callerId);
    expect(await cdrOf(callerId)).toMatchObject({
      direction: "INBOUND", disposition: "ANSWERED", extensionId: carol.id,
      answeredByExtensionId: carol.id, answeredBy: "User 203 (203)", forwardedVia: "FOLLOW_ME",
    });
  });

  it("do not disturb: the phone never rings and the caller gets voicemail with the busy greeting", async () => {
    const mark = markEvents(h);
    const callerId = call(DIDS.dnd);
    expect(await cdrOf(callerId)).toMatchObject({ disposition: "VOICEMAIL", answeredBy: null });
    expect(dialsSince(h, mark)).toEqual([]);
    const channel = h.sim.scenario.snapshot().channels.find((c) => c.id === callerId) ?? h.sim.scenario.snapshot().destroyed.find((d) => d.id === callerId);
    expect(channel?.continuedTo).toContainEqual(expect.objectContaining({ context: "voicemail", exten: `204@${tenantId}` }));
  });

  it("press 1 to accept: a mobile that answers without pressing 1 is dropped and the next destination rings", async () => {
    const mark = markEvents(h);
    const callerId = call(DIDS.confirm);
    const bridge = await bridgedWith(h, callerId);
    expect(channelName(h, bridge.channels.find((c) => c !== callerId)!)).toMatch(new RegExp(`^PJSIP/${carol.username}-`));
    expect(dialsSince(h, mark)).toEqual([`${MOBILE}@trunk`, carol.username]);
    expect(h.sim.scenario.stats().events.slice(mark).some((e) => e.type === "PlaybackStarted" && JSON.stringify(e).includes(CONFIRM_PROMPT))).toBe(true);
    h.sim.scenario.hangup(callerId);
    expect(await cdrOf(callerId)).toMatchObject({ answeredByExtensionId: carol.id, forwardedVia: "FOLLOW_ME" });
  });

  it("press 1 to accept: a mobile that presses 1 is bridged with the caller", async () => {
    const mark = markEvents(h);
    const callerId = call(DIDS.confirm);
    const mobileLeg = await eventually("the mobile hears the prompt", () => {
      const started = h.sim.scenario.stats().events.slice(mark).find((e) => e.type === "PlaybackStarted" && JSON.stringify(e).includes(CONFIRM_PROMPT));
      return started ? (started as unknown as { playback: { target_uri: string } }).playback.target_uri.slice("channel:".length) : null;
    });
    await h.sim.scenario.sendDtmf(mobileLeg, "1");
    const bridge = await bridgedWith(h, callerId);
    expect(bridge.channels).toContain(mobileLeg);
    expect(dialsSince(h, mark)).toEqual([`${MOBILE}@trunk`]);
    h.sim.scenario.hangup(callerId);
    expect(await cdrOf(callerId)).toMatchObject({ disposition: "ANSWERED", answeredByExtensionId: null, answeredBy: MOBILE, forwardedVia: "FOLLOW_ME" });
  });
});
