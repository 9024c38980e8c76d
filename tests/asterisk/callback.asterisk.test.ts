/**
 * A portal click-to-call on a real Asterisk: the worker claims the request, rings 201's pjsua
 * phone first (originated into the Stasis app with `callback,<id>`), and when it answers routes
 * 202 as if 201 had dialled it, then bridges the two. Each leg leaves a CDR linked to the request.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeLane } from "./harness/describe-lane";
import { startLane, type Lane } from "./harness/lane";
import { pollUntil, sleep } from "./harness/output";
import type { Phone } from "./harness/pjsua";

type Bridge = { id: string; technology: string; bridge_type: string; channels: string[] };

describeLane("[ASTERISK] web callback", () => {
  let lane: Lane;
  let alice: Phone; // 201: the account the click-to-call starts from
  let bob: Phone; // 202: what it calls

  beforeAll(async () => {
    lane = await startLane({ label: "callback" });
    alice = await lane.startPhone("201", { autoAnswer: 200 });
    bob = await lane.startPhone("202", { autoAnswer: 200 });
  });
  afterAll(async () => lane?.teardown());

  it("[ASTERISK] click-to-call from 201 to 202: 201 rings first, then 202, bridged, two linked CDRs", async () => {
    const from = lane.account("201");
    const request = await lane.db.callbackRequest.create({ data: { tenantId: from.tenantId, source: "PORTAL", sipAccountId: from.sipAccountId, dialled: "202" } });
    await lane.db.$executeRaw`SELECT pg_notify('callback_queued', '')`;

    const connected = await pollUntil("request CONNECTED", async () =>
      (await lane.db.callbackRequest.findFirst({ where: { id: request.id, state: "CONNECTED" } })) ?? undefined, 30_000);
    const bridge = await pollUntil("a bridge with both phones", async () =>
      (await lane.ari.get<Bridge[]>("/bridges")).find((b) => b.channels.includes(connected.firstChannelId!) && b.channels.length === 2));
    console.log(`[callback] request: ${JSON.stringify(connected)}\n[callback] bridge: ${JSON.stringify(bridge)}`);
    expect(bridge.channels.sort()).toEqual([connected.firstChannelId, connected.secondChannelId].sort());
    expect(bridge.bridge_type).toBe("mixing");
    // 201's phone saw the callback first, showing whom it is being put through to.
    const firstDial = lane.events.events.find((e) => e.type === "Dial" && (e as { peer?: { id?: string } }).peer?.id === connected.firstChannelId);
    expect((firstDial as { peer: { caller: { number: string } } } | undefined)?.peer.caller.number).toBe("202");

    await sleep(2_000);
    const since = bob.hangup();
    await bob.waitForDisconnect({ since });
    await alice.waitForDisconnect();
    const done = await pollUntil("request COMPLETED", async () =>
      (await lane.db.callbackRequest.findFirst({ where: { id: request.id, state: "COMPLETED" } })) ?? undefined, 15_000);
    expect(done.endedAt).not.toBeNull();
    const records = await pollUntil("two linked CDRs", async () => {
      const rows = await lane.db.callRecord.findMany({ where: { callbackRequestId: request.id } });
      return rows.length === 2 ? rows : undefined;
    }, 15_000);
    console.log(`[callback] CallRecords: ${JSON.stringify(records, null, 1)}`);
    expect(records.find((r) => r.channelId === connected.firstChannelId)).toMatchObject({ direction: "INTERNAL", calledNumber: "201", disposition: "ANSWERED", hangupCause: "Normal Clearing" });
    expect(records.find((r) => r.channelId === connected.secondChannelId)).toMatchObject({ direction: "INTERNAL", calledNumber: "202", disposition: "ANSWERED" });
  }, 120_000);
});
