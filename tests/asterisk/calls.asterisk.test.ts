/**
 * Calls between real phones through the real worker: answered and bridged, busy and
 * unanswered (both to voicemail), an ARI hang-up, a carrier call to a DID, and the
 * `unavailable` fallback while the worker is down. Each test prints what Asterisk and the
 * phones did (CDRs, hang-up events) for review.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { notifyDialPlanChanged } from "@/server/telephony/dialplan/notify";
import { summarizeEvent, type AriEvent } from "./harness/ari";
import { executedApps } from "./harness/asterisk-log";
import { describeLane } from "./harness/describe-lane";
import { startLane, type Lane } from "./harness/lane";
import { pollUntil, sleep } from "./harness/output";
import type { Phone } from "./harness/pjsua";

type Bridge = { id: string; technology: string; bridge_type: string; channels: string[] };
type Channel = { id: string; name: string; state: string };

describeLane("[ASTERISK] calls", () => {
  let lane: Lane;
  let alice: Phone; // 201, places the calls
  let bob: Phone | null = null; // 202, started per test with the answer behaviour it needs

  beforeAll(async () => {
    lane = await startLane({ label: "calls" });
    alice = await lane.startPhone("201");
  });
  afterAll(async () => lane?.teardown());
  beforeEach(async () => {
    await bob?.quit();
    bob = null;
  });
  // A call a test left up (a failed assertion, voicemail still recording) must not reach the next.
  afterEach(async () => {
    await Promise.all([alice, bob, lane.carrier].map((phone) => phone?.hangupAll()));
  });

  const startBob = async (autoAnswer?: number) => {
    bob = await lane.startPhone("202", autoAnswer ? { autoAnswer } : {});
    return bob;
  };
  const callRecordsSince = async (since: Date) => lane.db.callRecord.findMany({ where: { createdAt: { gte: since } }, orderBy: { createdAt: "asc" } });
  const waitForRecords = (since: Date, count: number) =>
    pollUntil(`${count} CallRecord(s)`, async () => {
      const rows = await callRecordsSince(since);
      return rows.length >= count ? rows : undefined;
    });
  const channelOf = async (username: string) =>
    pollUntil(`live channel of ${username}`, async () => (await lane.ari.get<Channel[]>("/channels")).find((c) => c.name.startsWith(`PJSIP/${username}-`)));
  const hangupRequests = (since: number) => lane.events.since(since, "ChannelHangupRequest").map(summarizeEvent);
  const printEvents = (label: string, events: AriEvent[]) =>
    console.log(`[calls] ${label}:\n${events.map((e) => JSON.stringify(summarizeEvent(e))).join("\n")}`);

  it("[ASTERISK] 201 calls 202, 202 answers: bridged, 201 hangs up, one CallRecord", async () => {
    const callee = await startBob(200);
    const startedAt = new Date();
    const events = lane.events.mark();
    const since = alice.call(lane.sipUri("202"));
    await alice.waitForCallState("CONFIRMED", { since, timeoutMs: 20_000 });

    const bridge = await pollUntil("a bridge with both phones", async () => (await lane.ari.get<Bridge[]>("/bridges")).find((b) => b.channels.length === 2));
    const cliBridges = await lane.asterisk.cli("bridge show all");
    console.log(`[calls] GET /bridges: ${JSON.stringify(bridge)}\n[calls] bridge show all:\n${cliBridges}`);
    expect(bridge.bridge_type).toBe("mixing");
    expect(bridge.technology).toMatch(/native_rtp|simple_bridge/);
    const names = (await lane.ari.get<Channel[]>("/channels")).map((c) => c.name);
    // Identified by username, not captured by the trunk's identify on 127.0.0.1.
    expect(names.some((n) => n.startsWith(`PJSIP/${lane.account("201").username}-`))).toBe(true);
    expect(names.some((n) => n.startsWith("PJSIP/trunk-"))).toBe(false);

    await sleep(2_000);
    const hangup = lane.events.mark();
    const byeSince = alice.hangup();
    await alice.waitForDisconnect({ since: byeSince });
    await callee.waitForDisconnect();
    const [record, ...more] = await waitForRecords(startedAt, 1);
    await sleep(1_000);
    console.log(`[calls] ChannelHangupRequest after 201's BYE: ${JSON.stringify(hangupRequests(hangup))}`);
    printEvents("all events of the answered call", lane.events.since(events).filter((e) => /Hangup|Destroyed|StasisEnd|Bridge/.test(e.type)));
    console.log(`[calls] CallRecord: ${JSON.stringify(record, null, 1)}`);
    expect(more).toEqual([]);
    expect(await callRecordsSince(startedAt)).toHaveLength(1);
    expect(record).toMatchObject({ direction: "INTERNAL", callerNumber: "201", calledNumber: "202", disposition: "ANSWERED" });
    expect(record?.billableSec).toBeGreaterThanOrEqual(1);
  });

  it("[ASTERISK] an ARI hang-up of the caller ends the bridged call for both phones", async () => {
    const callee = await startBob(200);
    const startedAt = new Date();
    const since = alice.call(lane.sipUri("202"));
    await alice.waitForCallState("CONFIRMED", { since, timeoutMs: 20_000 });
    await pollUntil("bridged", async () => (await lane.ari.get<Bridge[]>("/bridges")).some((b) => b.channels.length === 2));
    const caller = await channelOf(lane.account("201").username);

    const hangup = lane.events.mark();
    const { status } = await lane.ari.request("DELETE", `/channels/${caller.id}?reason=normal`);
    expect(status).toBe(204);
    const [aliceEnd, bobEnd] = await Promise.all([alice.waitForDisconnect({ since }), callee.waitForDisconnect()]);
    await waitForRecords(startedAt, 1);
    await sleep(1_000);
    console.log(`[calls] ChannelHangupRequest after DELETE /channels/<201>?reason=normal: ${JSON.stringify(hangupRequests(hangup))}`);
    console.log(`[calls] pjsua saw: 201 ${aliceEnd.line}; 202 ${bobEnd.line}`);
    const records = await callRecordsSince(startedAt);
    console.log(`[calls] CallRecord: ${JSON.stringify(records)}`);
    expect(records).toHaveLength(1);
  });

  it("[ASTERISK] 202 busy (486): the caller is continued to voicemail", async () => {
    await startBob(486);
    const startedAt = new Date();
    const logMark = await lane.asterisk.mark();
    const events = lane.events.mark();
    const since = alice.call(lane.sipUri("202"));
    const toVoicemail = await lane.events.waitFor((e) => e.type === "ChannelDialplan" && (e.channel as { dialplan?: { context?: string } }).dialplan?.context === "voicemail", {
      since: events,
      what: "ChannelDialplan into context voicemail",
    });
    console.log(`[calls] busy: ${JSON.stringify(summarizeEvent(toVoicemail))}`);
    await lane.asterisk.waitForLog(/Executing \[.*@voicemail:\d+\] VoiceMail\(/, { since: logMark });
    await alice.waitForCallState("CONFIRMED", { since });
    // VoiceMail answers, greets and records; a caller leaves a message of a few seconds.
    await sleep(3_000);
    const hasEnded = alice.activeCalls.size === 0;
    const endSince = alice.hangup();
    const end = await alice.waitForDisconnect({ since: hasEnded ? since : endSince });
    const log = await lane.asterisk.log(logMark);
    console.log(`[calls] busy: 201 ${hasEnded ? "was hung up by Asterisk" : "hung up after 3 s in voicemail"}: ${end.line}\n[calls] busy: VoiceMail runs: ${executedApps(log, "VoiceMail").join("\n")}`);
    console.log(`[calls] busy: Asterisk log of the voicemail part:\n${log.split("\n").filter((l) => /voicemail|VoiceMail|Playing|WARNING|ERROR|NOTICE/.test(l)).join("\n")}`);
    expect(executedApps(log, "VoiceMail").join("\n")).toMatch(new RegExp(`VoiceMail\\(".*", "202@${lane.account("202").tenantId},b"\\)`));
    const [record] = await waitForRecords(startedAt, 1);
    console.log(`[calls] busy: CallRecord: ${JSON.stringify(record)}`);
    expect(record?.disposition).toBe("VOICEMAIL");
  });

  it("[ASTERISK] no answer: after the extension's ring timeout the call goes to voicemail", async () => {
    const bobAccount = lane.account("202");
    await lane.db.extension.update({ where: { id: bobAccount.extensionId }, data: { ringTimeoutSec: 4 } });
    // What the portal does after changing an extension: the worker drops its cached plan.
    await notifyDialPlanChanged(lane.db, bobAccount.tenantId);
    await sleep(500);
    const callee = await startBob();
    try {
      const startedAt = new Date();
      const logMark = await lane.asterisk.mark();
      const since = alice.call(lane.sipUri("202"));
      await callee.waitForIncomingCall();
      const ringingAt = Date.now();
      await lane.asterisk.waitForLog(/Executing \[.*@voicemail:\d+\] VoiceMail\(/, { since: logMark, timeoutMs: 30_000 });
      const rangSec = (Date.now() - ringingAt) / 1000;
      const bobEnd = await callee.waitForDisconnect();
      await alice.waitForCallState("CONFIRMED", { since });
      const aliceEnd = await alice.waitForDisconnect({ since: alice.hangup() });
      console.log(`[calls] no answer: rang ${rangSec.toFixed(1)} s; 202 saw ${bobEnd.line}; 201 hung up in voicemail: ${aliceEnd.line}`);
      expect(rangSec).toBeGreaterThanOrEqual(3.5);
      expect(rangSec).toBeLessThan(10);
      expect(executedApps(await lane.asterisk.log(logMark), "VoiceMail").join("\n")).toMatch(/202@.*,u"\)/);
      const [record] = await waitForRecords(startedAt, 1);
      console.log(`[calls] no answer: CallRecord: ${JSON.stringify(record)}`);
      expect(record?.disposition).toBe("VOICEMAIL");
    } finally {
      await lane.db.extension.update({ where: { id: bobAccount.extensionId }, data: { ringTimeoutSec: 20 } });
      await notifyDialPlanChanged(lane.db, bobAccount.tenantId);
    }
  });

  it("[ASTERISK] the carrier calls the Acme DID: identified as the trunk, rings 201", async () => {
    const acme = lane.account("201");
    expect(acme.did).toBeTruthy();
    const startedAt = new Date();
    const incomingSince = alice.mark();
    const since = lane.carrier.call(lane.sipUri(acme.did ?? ""));
    await alice.waitForIncomingCall({ since: incomingSince });
    const names = (await lane.ari.get<Channel[]>("/channels")).map((c) => c.name);
    console.log(`[calls] inbound: channels ${JSON.stringify(names)}`);
    expect(names.some((n) => n.startsWith("PJSIP/trunk-"))).toBe(true);
    alice.answer(200);
    await lane.carrier.waitForCallState("CONFIRMED", { since });
    await sleep(1_000);
    lane.carrier.hangup();
    await alice.waitForDisconnect({ since: incomingSince });
    const [record] = await waitForRecords(startedAt, 1);
    console.log(`[calls] inbound: CallRecord: ${JSON.stringify(record)}`);
    expect(record).toMatchObject({ direction: "INBOUND", disposition: "ANSWERED" });
  });

  it("[ASTERISK] with the worker stopped, a call gets the unavailable fallback (congestion, 503 from cause 34)", async () => {
    await startBob(200);
    await lane.worker.stop();
    try {
      const logMark = await lane.asterisk.mark();
      const startedAt = Date.now();
      const since = alice.call(lane.sipUri("202"));
      const end = await alice.waitForDisconnect({ since, timeoutMs: 30_000 });
      const seconds = (Date.now() - startedAt) / 1000;
      const log = await lane.asterisk.log(logMark);
      console.log(`[calls] worker down: 201 saw ${end.line} after ${seconds.toFixed(1)} s`);
      console.log(`[calls] worker down: Asterisk log:\n${log.split("\n").filter((l) => /Executing|Stasis|WARNING|ERROR|NOTICE|exited/.test(l)).join("\n")}`);
      // Stasis() fails at once and the dialplan falls through to `unavailable`.
      expect(log).toMatch(/Stasis app 'centrex' not (active|registered)/);
      expect(log).toMatch(/Executing \[s@unavailable:1\]/);
      // Two seconds of congestion tone (indications.conf), then Hangup(34): a 503, not ringing on.
      expect(executedApps(log, "Hangup").join("\n")).toMatch(/@unavailable:\d+\] Hangup\(".*", "34"\)/);
      expect(end.status).toBe(503);
      expect(seconds).toBeGreaterThanOrEqual(2);
      expect(seconds).toBeLessThan(10);
    } finally {
      await lane.worker.start();
    }
  });
});
