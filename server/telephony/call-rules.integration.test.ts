/**
 * Call processing rules through the worker and the simulator: a rule for callers from the
 * USA during office hours forwards at once over the trunk, the same call at night rings
 * normally (the worker's clock sets the time), and a rule's message is played before the
 * call is hung up.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { OFFICE_HOURS, seedRules } from "@/tests/fixtures/seed-routing";
import { bridgedWith, cdrOf, channelName, dialsSince, markEvents } from "@/tests/fixtures/routing-calls";
import { eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";
import { RULE_MESSAGES } from "./engine";

const US_CALLER = "+12125550199";
const FORWARD_TO = "+12125550100";
const DID = "+441632960801";
const CLOSED_DID = "+441632960802";
/** Monday 7 December 2026 in London (the tenant's zone): 10:00 is office hours, 22:00 is not. */
const OFFICE = new Date("2026-12-07T10:00:00Z");
const NIGHT = new Date("2026-12-07T22:00:00Z");

let h: Harness;
let now = OFFICE;
let reception: SeededExtension;

beforeAll(async () => {
  const { partner } = await seedPartner();
  const tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  [reception] = (await seedExtensions(tenantId, 1)) as [SeededExtension];
  const { id: didId } = await seedDid(tenantId, DID, reception.id);
  await seedRules(tenantId, { didId }, [{
    name: "USA in office hours", period: OFFICE_HOURS, callerFilter: { patterns: [], countries: ["US"] },
    action: { kind: "forward", destination: { kind: "external", number: FORWARD_TO } },
  }]);
  const { id: closedId } = await seedDid(tenantId, CLOSED_DID, reception.id);
  await seedRules(tenantId, { didId: closedId }, [{ name: "Closed", action: { kind: "message", message: "goodbye" } }]);
  h = await startHarness({ clock: () => now });
  h.sim.scenario.registerPhone({ endpoint: reception.username });
  h.sim.scenario.setPhoneBehaviour(reception.username, { mode: "answer", answerAfterMs: 200 });
});

afterAll(async () => {
  await h?.stop();
});

describe("[CALL_RULES] through the worker", () => {
  it("a call from the USA in office hours is forwarded at once over the trunk", async () => {
    now = OFFICE;
    const mark = markEvents(h);
    const callerId = h.sim.scenario.placeInboundCall({ from: US_CALLER, to: DID });
    const bridge = await bridgedWith(h, callerId);
    expect(dialsSince(h, mark)).toEqual([`${FORWARD_TO}@trunk`]);
    expect(channelName(h, bridge.channels.find((c) => c !== callerId)!)).toMatch(/^PJSIP\/trunk-/);
    h.sim.scenario.hangup(callerId);
    expect(await cdrOf(callerId)).toMatchObject({ direction: "INBOUND", disposition: "ANSWERED", answeredBy: FORWARD_TO, forwardedVia: "RULE" });
  });

  it("the same call at night rings the number's extension normally", async () => {
    now = NIGHT;
    const mark = markEvents(h);
    const callerId = h.sim.scenario.placeInboundCall({ from: US_CALLER, to: DID });
    await bridgedWith(h, callerId);
    expect(dialsSince(h, mark)).toEqual([reception.username]);
    h.sim.scenario.hangup(callerId);
    expect(await cdrOf(callerId)).toMatchObject({ disposition: "ANSWERED", answeredByExtensionId: reception.id, forwardedVia: null });
  });

  it("a caller from elsewhere in office hours is not forwarded", async () => {
    now = OFFICE;
    const mark = markEvents(h);
    const callerId = h.sim.scenario.placeInboundCall({ from: "+447700900111", to: DID });
    await bridgedWith(h, callerId);
    expect(dialsSince(h, mark)).toEqual([reception.username]);
    h.sim.scenario.hangup(callerId);
    await cdrOf(callerId);
  });

  it("a rule's message is played to the end, then the call is hung up", async () => {
    const mark = markEvents(h);
    const callerId = h.sim.scenario.placeInboundCall({ from: US_CALLER, to: CLOSED_DID });
    const gone = await eventually("caller hung up", () => h.sim.scenario.snapshot().destroyed.find((d) => d.id === callerId));
    const events = h.sim.scenario.stats().events.slice(mark);
    const playback = events.filter((e) => e.type.startsWith("Playback")).map((e) => [e.type, (e as unknown as { playback: { media_uri: string } }).playback.media_uri]);
    expect(playback).toEqual([["PlaybackStarted", RULE_MESSAGES.goodbye.media], ["PlaybackFinished", RULE_MESSAGES.goodbye.media]]);
    expect(events.findIndex((e) => e.type === "PlaybackFinished")).toBeLessThan(events.findIndex((e) => e.type === "ChannelDestroyed" && JSON.stringify(e).includes(callerId)));
    expect(dialsSince(h, mark)).toEqual([]);
    expect(gone.cause).toBe(16);
    expect((await cdrOf(callerId)).answeredBy).toBeNull();
  });
});
