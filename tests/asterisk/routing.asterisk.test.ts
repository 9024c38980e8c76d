/**
 * Call routing on a real Asterisk with real phones: a follow-me that rings two phones in
 * order (the first does not answer within its ring time, the second answers and is bridged
 * with the caller) and a ring-all hunt group (every member rings, one answers, the others
 * stop). The carrier places the calls to Acme's DID. No prompts are involved: this Asterisk
 * has no core sound files.
 */
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { notifyDialPlanChanged } from "@/server/telephony/dialplan/notify";
import { describeLane } from "./harness/describe-lane";
import { startLane, type Lane } from "./harness/lane";
import { bridgeWith, waitForCallRecords, type AriChannel } from "./harness/lane-queries";
import { sleep } from "./harness/output";
import type { Phone } from "./harness/pjsua";

describeLane("[ASTERISK] call routing", () => {
  let lane: Lane;
  let phones: Phone[] = [];

  beforeAll(async () => {
    lane = await startLane({ label: "routing" });
  });
  afterAll(async () => lane?.teardown());
  afterEach(async () => {
    await Promise.all([...phones, lane.carrier].map((phone) => phone.hangupAll()));
    await Promise.all(phones.map((phone) => phone.quit()));
    phones = [];
  });

  const start = async (number: string) => {
    const phone = await lane.startPhone(number);
    phones.push(phone);
    return phone;
  };
  /** What the portal does after a routing change: the worker drops its cached plan. */
  const changed = async (tenantId: string) => {
    await notifyDialPlanChanged(lane.db, tenantId);
    await sleep(500);
  };
  const channelNames = async () => (await lane.ari.get<AriChannel[]>("/channels")).map((c) => c.name);

  it("[ASTERISK] follow-me rings 202 for its ring time, then 203, who answers and is bridged with the caller", async () => {
    const [owner, first, second] = ["201", "202", "203"].map((n) => lane.account(n)) as [ReturnType<Lane["account"]>, ReturnType<Lane["account"]>, ReturnType<Lane["account"]>];
    await lane.db.extension.update({ where: { id: owner.extensionId }, data: { followMeEnabled: true, followMeStrategy: "SEQUENTIAL", followMeRingSelfSec: null } });
    await lane.db.followMeStep.createMany({ data: [
      { tenantId: owner.tenantId, extensionId: owner.extensionId, position: 0, destination: { kind: "extension", extensionId: first.extensionId }, ringSec: 5 },
      { tenantId: owner.tenantId, extensionId: owner.extensionId, position: 1, destination: { kind: "extension", extensionId: second.extensionId }, ringSec: 20 },
    ] });
    await changed(owner.tenantId);
    const [bob, carol] = [await start("202"), await start("203")];
    try {
      const startedAt = new Date();
      const bobMark = bob.mark();
      const carolMark = carol.mark();
      const since = lane.carrier.call(lane.sipUri(owner.did ?? ""));
      await bob.waitForIncomingCall({ since: bobMark, timeoutMs: 15_000 });
      const bobRangAt = Date.now();
      await bob.waitForDisconnect({ since: bobMark, timeoutMs: 15_000 });
      const bobRangSec = (Date.now() - bobRangAt) / 1000;
      await carol.waitForIncomingCall({ since: carolMark, timeoutMs: 15_000 });
      console.log(`[routing] follow-me: 202 rang ${bobRangSec.toFixed(1)} s before 203 rang`);
      expect(bobRangSec).toBeGreaterThan(3.5);
      expect(bobRangSec).toBeLessThan(9);
      carol.answer(200);
      await lane.carrier.waitForCallState("CONFIRMED", { since, timeoutMs: 15_000 });
      const bridge = await bridgeWith(lane, 2);
      console.log(`[routing] follow-me: bridge ${JSON.stringify(bridge)}; channels ${JSON.stringify(await channelNames())}`);
      expect(bridge.bridge_type).toBe("mixing");
      expect(bridge.technology).toMatch(/native_rtp|simple_bridge/);
      await sleep(1_000);
      const end = lane.carrier.hangup();
      await lane.carrier.waitForDisconnect({ since: end });
      await carol.waitForDisconnect({ since: carolMark });
      const [record] = await waitForCallRecords(lane, startedAt, 1);
      console.log(`[routing] follow-me: CallRecord ${JSON.stringify(record)}`);
      expect(record).toMatchObject({ direction: "INBOUND", disposition: "ANSWERED", answeredByExtensionId: second.extensionId, forwardedVia: "FOLLOW_ME" });
      expect(record?.answeredBy).toMatch(/\(203\)$/);
    } finally {
      await lane.db.followMeStep.deleteMany({ where: { extensionId: owner.extensionId } });
      await lane.db.extension.update({ where: { id: owner.extensionId }, data: { followMeEnabled: false } });
      await changed(owner.tenantId);
    }
  });

  it("[ASTERISK] a ring-all hunt group rings every member; 202 answers and the others stop", async () => {
    const members = ["201", "202", "203"].map((n) => lane.account(n));
    const tenantId = members[0]!.tenantId;
    const did = members[0]!.did ?? "";
    const group = await lane.db.huntGroup.create({
      data: { tenantId, number: "690", name: "Lane ring all", strategy: "RING_ALL", ringSec: 30, members: { create: members.map((m, position) => ({ tenantId, extensionId: m.extensionId, position, ringSec: 30 })) } },
    });
    const before = await lane.db.did.findUniqueOrThrow({ where: { number: did } });
    await lane.db.did.update({ where: { number: did }, data: { targetType: "HUNT_GROUP", targetExtensionId: null, targetHuntGroupId: group.id } });
    await changed(tenantId);
    const [alice, bob, carol] = [await start("201"), await start("202"), await start("203")] as [Phone, Phone, Phone];
    try {
      const startedAt = new Date();
      const marks = [alice.mark(), bob.mark(), carol.mark()] as const;
      const since = lane.carrier.call(lane.sipUri(did));
      await Promise.all([alice, bob, carol].map((p, i) => p.waitForIncomingCall({ since: marks[i], timeoutMs: 15_000 })));
      console.log(`[routing] ring all: ringing ${JSON.stringify(await channelNames())}`);
      bob.answer(200);
      await lane.carrier.waitForCallState("CONFIRMED", { since, timeoutMs: 15_000 });
      // The other members' phones stop ringing (CANCEL) once 202 answered.
      const [aliceEnd, carolEnd] = await Promise.all([alice.waitForDisconnect({ since: marks[0] }), carol.waitForDisconnect({ since: marks[2] })]);
      console.log(`[routing] ring all: 201 ${aliceEnd.line}; 203 ${carolEnd.line}`);
      const bridge = await bridgeWith(lane, 2);
      expect(bridge.technology).toMatch(/native_rtp|simple_bridge/);
      const names = await channelNames();
      expect(names.filter((n) => n.startsWith(`PJSIP/${members[1]!.username}-`))).toHaveLength(1);
      expect(names.some((n) => n.startsWith(`PJSIP/${members[0]!.username}-`) || n.startsWith(`PJSIP/${members[2]!.username}-`))).toBe(false);
      await sleep(1_000);
      const end = lane.carrier.hangup();
      await lane.carrier.waitForDisconnect({ since: end });
      const [record] = await waitForCallRecords(lane, startedAt, 1);
      console.log(`[routing] ring all: CallRecord ${JSON.stringify(record)}`);
      expect(record).toMatchObject({ direction: "INBOUND", disposition: "ANSWERED", answeredByExtensionId: members[1]!.extensionId, forwardedVia: "HUNT_GROUP" });
    } finally {
      await lane.db.did.update({ where: { number: did }, data: { targetType: before.targetType, targetExtensionId: before.targetExtensionId, targetHuntGroupId: null } });
      await lane.db.huntGroup.delete({ where: { id: group.id } });
      await changed(tenantId);
    }
  });
});
