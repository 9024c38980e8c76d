/**
 * IVR menus and call queues through the worker and the simulator, on a real database. The
 * engine's answers (routeCall's first plan, routeMenuChoice, queueAttempt) are hand-made here
 * and injected, so these tests pin the worker's side: prompts, keys, timeouts, fax tones,
 * waiting rows, hold media, announcements, attempts and the CDR. ivr-engine.integration.test.ts
 * runs the same flow with the real engine and dial-plan loader.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { bridgedWith, cdrOf, dialsSince, markEvents } from "@/tests/fixtures/routing-calls";
import { playbackDurations, playedTo, planOf } from "@/tests/fixtures/media-calls";
import { eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";
import type { CallStep, DialTarget } from "./engine";
import type { MenuStep, QueueStep } from "./engine/call-plan";
import type { MenuChoice } from "./stasis/media-engine-contract";

const CALLER = "+447700900111";
const DIDS = { menu: "+441632960801", queue: "+441632960802", announce: "+441632960803", retries: "+441632960804" };
/** 40 sounds of 2 s simulated (40 ms real at speed 50): a prompt long enough to be cut short. */
const LONG_PROMPT = Array.from({ length: 40 }, () => "sound:custom/menu-options");

let h: Harness;
let tenantId: string;
let queueId: string;
let ann: SeededExtension; // 201: queue member
let bob: SeededExtension; // 202: queue member, rung by menu key 1
let fax: SeededExtension; // 203: stands in for the fax machine's line
let loggedIn: Set<string>;
let announceQueueMembers: boolean;

const endpoint = (e: SeededExtension, via?: "IVR"): DialTarget =>
  ({ kind: "endpoint", endpoint: `PJSIP/${e.username}`, extensionId: e.id, label: `User ${e.number} (${e.number})`, ...(via ? { via } : {}) });
const dial = (targets: DialTarget[]): CallStep => ({
  type: "dial", targets, strategy: "simultaneous", timeoutSec: 20, callerId: { number: CALLER, name: null }, onBusy: [], onNoAnswer: [], onUnreachable: [],
});

function queueStep(over: Partial<QueueStep> = {}): QueueStep {
  return {
    type: "queue", queueId, name: "Sales", holdMedia: [], announcePosition: false, announceWaitTime: false, announceEverySec: 60,
    memberRingSec: 1, retrySec: 0.2, maxWaitSec: 3, onTimeout: [{ type: "voicemail", mailbox: "201", greeting: "unavailable" }], ...over,
  };
}

function menuStep(over: Partial<MenuStep> = {}): MenuStep {
  return {
    type: "menu", menuId: "menu-main", name: "Main menu", intro: ["sound:custom/welcome"], prompt: LONG_PROMPT,
    invalidPrompt: ["sound:custom/invalid"], timeoutPrompt: ["sound:custom/timeout"], digitTimeoutSec: 0.5, maxRetries: 3, maxDigits: 1,
    onRetriesExhausted: [{ type: "hangup", cause: "normal" }], onFax: [dial([{ kind: "fax", endpoint: `PJSIP/${fax.username}`, sipAccountId: fax.sipAccountId, label: `User ${fax.number} (${fax.number})` }])], ...over,
  };
}

/** What the engine would answer for menu-main: 1 rings 202, 2 announces and queues; the rest is invalid. */
function menuChoice(digits: string): MenuChoice {
  if (digits === "1") return { kind: "route", plan: planOf(tenantId, [dial([endpoint(bob, "IVR")])]) };
  if (digits === "2") return { kind: "route", plan: planOf(tenantId, [{ type: "play", media: ["sound:custom/connecting-sales"] }, queueStep()]) };
  return { kind: "invalid", reason: `no option ${digits}` };
}

beforeAll(async () => {
  const { partner } = await seedPartner();
  tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant.id;
  [ann, bob, fax] = (await seedExtensions(tenantId, 3)) as [SeededExtension, SeededExtension, SeededExtension];
  queueId = (await db.callQueue.create({ data: { tenantId, number: "700", name: "Sales" } })).id;
  for (const did of Object.values(DIDS)) await seedDid(tenantId, did, null);
  const byDid: Record<string, () => CallStep[]> = {
    [DIDS.menu]: () => [menuStep()],
    [DIDS.retries]: () => [menuStep({ maxRetries: 2, onFax: null })],
    [DIDS.queue]: () => [queueStep()],
    [DIDS.announce]: () => [queueStep({ announcePosition: true, announceWaitTime: true, announceEverySec: 0.3, maxWaitSec: 30, holdMedia: [] })],
  };
  h = await startHarness({
    route: (_snapshot, call) => planOf(tenantId, byDid[call.dialled]?.() ?? [{ type: "hangup", cause: "unallocated" }]),
    menuChoice: (_tenantId, request) => Promise.resolve(menuChoice(request.digits)),
    // Members re-read on every attempt, as the engine's queueAttempt does from the dial plan.
    queueAttempt: async () => {
      if (!announceQueueMembers) return { targets: [], strategy: "simultaneous", timeoutSec: 1, roundRobin: [] };
      const members = [ann, bob].filter((e) => loggedIn.has(e.id));
      return { targets: members.map((e) => endpoint(e)), strategy: "simultaneous", timeoutSec: 1, roundRobin: [] };
    },
  });
  for (const e of [ann, bob, fax]) h.sim.scenario.registerPhone({ endpoint: e.username });
});

beforeEach(() => {
  loggedIn = new Set([ann.id, bob.id]);
  announceQueueMembers = true;
  h.sim.scenario.setPhoneBehaviour(ann.username, { mode: "noAnswer" });
  h.sim.scenario.setPhoneBehaviour(bob.username, { mode: "noAnswer" });
  h.sim.scenario.setPhoneBehaviour(fax.username, { mode: "answer", answerAfterMs: 200 });
});

afterAll(async () => {
  await h?.stop();
});

const call = (did: string) => h.sim.scenario.placeInboundCall({ from: CALLER, to: did });
const waitingRows = () => db.queueWaitingCall.findMany({ where: { queueId }, orderBy: { joinedAt: "asc" } });
const hasPlayed = (callerId: string, media: string) => () => playedTo(h, callerId).some((p) => p[0] === media);

describe("[IVR] menus through the worker", () => {
  it("a caller presses 2, hears the post-selection announcement and lands in a queue, and after the maximum wait reaches voicemail", async () => {
    const mark = markEvents(h);
    const callerId = call(DIDS.menu);
    await eventually("menu prompt playing", hasPlayed(callerId, LONG_PROMPT[0]!));
    await h.sim.scenario.sendDtmf(callerId, "2");
    // The key stopped the long prompt (1.6 s of sound) at once.
    await eventually("prompt stopped", () => playbackDurations(h, callerId, LONG_PROMPT[0]!).length === 1);
    expect(playbackDurations(h, callerId, LONG_PROMPT[0]!)[0]).toBeLessThan(1000);
    await eventually("post-selection announcement", hasPlayed(callerId, "sound:custom/connecting-sales"));
    const rows = await eventually("waiting row", async () => (await waitingRows()).find((r) => r.channelId === callerId));
    expect(rows).toMatchObject({ tenantId, callerLabel: CALLER });
    // Music on hold (no hold prompt), and members rung without ringback to the caller.
    await eventually("music on hold", () => h.sim.scenario.snapshot().channels.find((c) => c.id === callerId)?.mohClass === "default");
    await eventually("members rung", () => dialsSince(h, mark).includes(ann.username));
    expect(dialsSince(h, mark)).toEqual(expect.arrayContaining([ann.username, bob.username]));
    const cdr = await cdrOf(callerId, 15_000);
    expect(cdr).toMatchObject({ disposition: "VOICEMAIL" });
    // The CDR can be written before the simulated voicemail application hangs the caller up.
    const ended = await eventually("caller channel ended", () => h.sim.scenario.snapshot().destroyed.find((d) => d.id === callerId));
    expect(ended.continuedTo).toEqual([expect.objectContaining({ context: "voicemail", exten: "201" })]);
    expect(await waitingRows()).toEqual([]);
    expect(playedTo(h, callerId)[0]).toEqual(["sound:custom/welcome"]);
  }, 20_000);

  it("a fax tone goes to the fax account", async () => {
    const mark = markEvents(h);
    const callerId = call(DIDS.menu);
    await eventually("intro playing", hasPlayed(callerId, "sound:custom/welcome"));
    expect(h.sim.scenario.playFaxTone(callerId)).toBe(true);
    await bridgedWith(h, callerId);
    expect(dialsSince(h, mark)).toEqual([fax.username]);
    h.sim.scenario.hangup(callerId);
    expect(await cdrOf(callerId)).toMatchObject({ disposition: "ANSWERED", answeredBy: `User ${fax.number} (${fax.number})` });
  });

  it("no key: the timeout prompt and the menu again, maxRetries times in all, then the exhausted branch", async () => {
    const callerId = call(DIDS.retries);
    const cdr = await cdrOf(callerId, 10_000);
    const heard = playedTo(h, callerId).map((p) => p[0]);
    expect(heard).toEqual(["sound:custom/welcome", LONG_PROMPT[0], "sound:custom/timeout", LONG_PROMPT[0], "sound:custom/timeout"]);
    expect(cdr.disposition).toBe("FAILED");
  });

  it("an invalid key plays the invalid prompt; then 1 rings the option's extension, recorded as via IVR", async () => {
    h.sim.scenario.setPhoneBehaviour(bob.username, { mode: "answer", answerAfterMs: 200 });
    const mark = markEvents(h);
    const callerId = call(DIDS.menu);
    await eventually("menu prompt playing", hasPlayed(callerId, LONG_PROMPT[0]!));
    await h.sim.scenario.sendDtmf(callerId, "9");
    await eventually("invalid prompt", hasPlayed(callerId, "sound:custom/invalid"));
    await eventually("menu again", () => playedTo(h, callerId).filter((p) => p[0] === LONG_PROMPT[0]).length === 2);
    await h.sim.scenario.sendDtmf(callerId, "1");
    await bridgedWith(h, callerId);
    expect(dialsSince(h, mark)).toEqual([bob.username]);
    h.sim.scenario.hangup(callerId);
    expect(await cdrOf(callerId)).toMatchObject({ disposition: "ANSWERED", answeredByExtensionId: bob.id, forwardedVia: "IVR" });
  });

  it("a caller hanging up during the menu leaves no playback or channel behind", async () => {
    const callerId = call(DIDS.menu);
    await eventually("menu prompt playing", hasPlayed(callerId, LONG_PROMPT[0]!));
    h.sim.scenario.hangup(callerId);
    await cdrOf(callerId);
    expect(h.sim.scenario.snapshot().playbacks).toEqual([]);
    expect(h.sim.scenario.snapshot().channels.filter((c) => c.id === callerId)).toEqual([]);
  });
});

describe("[QUEUES] call queues through the worker", () => {
  it("a member answers: the hold media stops, the caller is bridged, the row goes and the CDR names the member", async () => {
    h.sim.scenario.setPhoneBehaviour(bob.username, { mode: "answer", answerAfterMs: 300 });
    const callerId = call(DIDS.queue);
    await eventually("waiting row", async () => (await waitingRows()).some((r) => r.channelId === callerId));
    await bridgedWith(h, callerId);
    await eventually("row removed on answer", async () => (await waitingRows()).length === 0);
    const channel = h.sim.scenario.snapshot().channels.find((c) => c.id === callerId);
    expect(channel?.mohClass).toBeUndefined();
    h.sim.scenario.hangup(callerId);
    expect(await cdrOf(callerId)).toMatchObject({ disposition: "ANSWERED", answeredByExtensionId: bob.id, answeredBy: "User 202 (202)", forwardedVia: "QUEUE" });
  });

  it("a logged-out member is not rung; logging in counts from the next attempt", async () => {
    loggedIn = new Set([bob.id]);
    const mark = markEvents(h);
    const callerId = call(DIDS.queue);
    await eventually("first attempt", () => dialsSince(h, mark).length > 0);
    expect(dialsSince(h, mark)).toEqual([bob.username]);
    loggedIn.add(ann.id);
    await eventually("201 rung after logging in", () => dialsSince(h, mark).includes(ann.username), 5000);
    h.sim.scenario.hangup(callerId);
    await cdrOf(callerId);
    await eventually("row removed on hang-up", async () => (await waitingRows()).length === 0);
    expect(h.sim.scenario.snapshot().channels).toEqual([]);
  });

  it("announces the place in line: first in line to the first caller, 'there are 2 calls waiting' to the second", async () => {
    announceQueueMembers = false;
    const first = call(DIDS.announce);
    await eventually("first waiting", async () => (await waitingRows()).length === 1);
    const second = call(DIDS.announce);
    await eventually("both waiting", async () => (await waitingRows()).length === 2);
    await eventually("second caller's announcement", () => playedTo(h, second).some((p) => p[0] === "sound:queue-thereare"));
    await eventually("first caller's announcement", () => playedTo(h, first).some((p) => p[0] === "sound:queue-youarenext"));
    const heard = playedTo(h, second).find((p) => p[0] === "sound:queue-thereare");
    await eventually("whole announcement", () => (playedTo(h, second).find((p) => p[0] === "sound:queue-thereare")?.length ?? 0) >= 5);
    expect(playedTo(h, second).find((p) => p[0] === "sound:queue-thereare")?.slice(0, 4)).toEqual(["sound:queue-thereare", "number:2", "sound:queue-callswaiting", "sound:queue-holdtime"]);
    expect(heard).toBeDefined();
    // Music on hold comes back after each announcement.
    await eventually("music back", () => h.sim.scenario.snapshot().channels.find((c) => c.id === second)?.mohClass === "default");
    h.sim.scenario.hangup(first);
    h.sim.scenario.hangup(second);
    await cdrOf(first);
    await cdrOf(second);
    await eventually("rows removed", async () => (await waitingRows()).length === 0);
    expect(h.sim.scenario.snapshot().playbacks).toEqual([]);
  });

  it("a worker that starts after a crash removes waiting rows of calls nobody handles", async () => {
    await db.queueWaitingCall.create({ data: { tenantId, queueId, channelId: "gone-channel-1", callerLabel: CALLER, joinedAt: new Date() } });
    await h.restartWorker();
    await eventually("stale row removed", async () => (await waitingRows()).length === 0);
  });
});
