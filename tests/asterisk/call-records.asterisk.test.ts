/**
 * What the worker writes about a call on a real Asterisk: the CDR's hang-up cause is Asterisk's
 * text from the caller's ChannelDestroyed ("Normal Clearing", "User busy"), never the soft-hangup
 * flag a ChannelHangupRequest carries (32, 4); and Live status names the other party on both
 * sides ("Bob Baker (202)"), never a dial string. Prints the hang-up events for review.
 */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { notifyDialPlanChanged } from "@/server/telephony/dialplan/notify";
import { summarizeEvent, type AriEvent } from "./harness/ari";
import { describeLane } from "./harness/describe-lane";
import { startLane, type Lane } from "./harness/lane";
import { bridgeWith, callRecordsSince, callStateOf, liveChannelOf, waitForCallRecords } from "./harness/lane-queries";
import { pollUntil, sleep } from "./harness/output";
import type { Phone } from "./harness/pjsua";

describeLane("[ASTERISK] call records and live status", () => {
  let lane: Lane;
  let alice: Phone; // 201, places every call
  let bob: Phone; // 202, answers by hand: 200, or 486 for busy

  beforeAll(async () => {
    lane = await startLane({ label: "call-records" });
    alice = await lane.startPhone("201");
    bob = await lane.startPhone("202");
  });
  afterAll(async () => lane?.teardown());
  afterEach(async () => {
    await Promise.all([alice, bob].map((phone) => phone?.hangupAll()));
  });

  const channelEvents = (since: number, channelId: string, type: string) =>
    lane.events.since(since, type).filter((e) => (e.channel as { id?: string } | undefined)?.id === channelId);
  const print = (label: string, events: AriEvent[]) => console.log(`[call-records] ${label}:\n${events.map((e) => JSON.stringify(summarizeEvent(e))).join("\n")}`);

  /** 201 calls 202 and 202 answers with 200; resolves with 201's caller channel once bridged. */
  async function answeredCall() {
    const incoming = bob.mark();
    const since = alice.call(lane.sipUri("202"));
    await bob.waitForIncomingCall({ since: incoming });
    const caller = await liveChannelOf(lane, lane.account("201").username);
    bob.answer(200);
    await alice.waitForCallState("CONFIRMED", { since, timeoutMs: 20_000 });
    await bridgeWith(lane, 2);
    return { since, caller };
  }

  it("[ASTERISK] 201 hangs up an answered call (BYE): the CallRecord's cause is Normal Clearing", async () => {
    const startedAt = new Date();
    const events = lane.events.mark();
    const { since, caller } = await answeredCall();
    await sleep(1_000);
    const bye = alice.hangup();
    await Promise.all([alice.waitForDisconnect({ since: bye }), bob.waitForDisconnect({ since })]);
    const [record] = await waitForCallRecords(lane, startedAt, 1);
    await sleep(1_000);

    print("ChannelHangupRequest of 201's channel after its BYE", channelEvents(events, caller.id, "ChannelHangupRequest"));
    print("ChannelDestroyed of 201's channel", channelEvents(events, caller.id, "ChannelDestroyed"));
    console.log(`[call-records] BYE: CallRecord ${JSON.stringify(record)}`);
    expect(await callRecordsSince(lane, startedAt)).toHaveLength(1);
    expect(record).toMatchObject({ channelId: caller.id, disposition: "ANSWERED", hangupCause: "Normal Clearing" });
  });

  it("[ASTERISK] 202 busy without voicemail: the worker hangs 201 up busy and records User busy", async () => {
    const bobAccount = lane.account("202");
    await lane.db.extension.update({ where: { id: bobAccount.extensionId }, data: { voicemailEnabled: false } });
    await notifyDialPlanChanged(lane.db, bobAccount.tenantId);
    await sleep(500);
    try {
      const startedAt = new Date();
      const events = lane.events.mark();
      const incoming = bob.mark();
      const since = alice.call(lane.sipUri("202"));
      await bob.waitForIncomingCall({ since: incoming });
      const caller = await liveChannelOf(lane, lane.account("201").username);
      bob.answer(486);
      const end = await alice.waitForDisconnect({ since });
      const [record] = await waitForCallRecords(lane, startedAt, 1);
      await sleep(1_000);

      const destroyed = channelEvents(events, caller.id, "ChannelDestroyed");
      print("ChannelHangupRequest of 201's channel (the worker hangs it up)", channelEvents(events, caller.id, "ChannelHangupRequest"));
      print("ChannelDestroyed of 201's channel", destroyed);
      console.log(`[call-records] busy: 201 saw ${end.line}\n[call-records] busy: CallRecord ${JSON.stringify(record)}`);
      expect(end.status).toBe(486);
      expect(await callRecordsSince(lane, startedAt)).toHaveLength(1);
      expect(destroyed.map((e) => e.cause_txt)).toEqual(["User busy"]);
      expect(record).toMatchObject({ channelId: caller.id, disposition: "BUSY", hangupCause: "User busy" });
    } finally {
      await lane.db.extension.update({ where: { id: bobAccount.extensionId }, data: { voicemailEnabled: true } });
      await notifyDialPlanChanged(lane.db, bobAccount.tenantId);
    }
  });

  it("[ASTERISK] during an answered call each side's live status names the other person", async () => {
    const seen: string[] = [];
    const sample = async () => {
      const [a, b] = await Promise.all([callStateOf(lane, "201"), callStateOf(lane, "202")]);
      for (const [n, row] of [["201", a], ["202", b]] as const) if (row) seen.push(`${n} ${row.state} ${row.peer ?? "-"}`);
      return { alice: a, bob: b };
    };
    const incoming = bob.mark();
    const since = alice.call(lane.sipUri("202"));
    await bob.waitForIncomingCall({ since: incoming });
    await sleep(500);
    await sample(); // ringing
    bob.answer(200);
    await alice.waitForCallState("CONFIRMED", { since, timeoutMs: 20_000 });
    const inCall = await pollUntil("both extensions IN_CALL", async () => {
      const rows = await sample();
      return rows.alice?.state === "IN_CALL" && rows.bob?.state === "IN_CALL" ? rows : undefined;
    });
    alice.hangup();
    await bob.waitForDisconnect({ since: incoming });
    await pollUntil("both extensions IDLE again", async () => {
      const rows = await sample();
      return rows.alice?.state === "IDLE" && rows.bob?.state === "IDLE";
    });

    console.log(`[call-records] ExtensionCallState rows seen (number state peer):\n${[...new Set(seen)].join("\n")}`);
    expect({ alice: inCall.alice?.peer, bob: inCall.bob?.peer }).toEqual({ alice: "Bob Baker (202)", bob: "Alice Admin (201)" });
    expect(seen.filter((line) => /PJSIP\//.test(line))).toEqual([]);
  });
});
