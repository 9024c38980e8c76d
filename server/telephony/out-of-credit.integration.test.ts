/**
 * Out of credit through the worker and the simulator (issue 13): a prepaid company at its
 * limit dials out and hears the announcement, and no outbound leg is originated; once topped
 * up the same call goes through, and its charge lands in the ledger. Internal and emergency
 * calls go on while out of credit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedDid, seedExtensions, seedTariff, type SeededExtension } from "@/tests/fixtures/seed-telephony";
import { balanceOf, creditTenant } from "@/tests/fixtures/seed-billing";
import { cdrOf, dialsSince, markEvents } from "@/tests/fixtures/routing-calls";
import { eventually, startHarness, type Harness } from "@/tests/fixtures/telephony-harness";
import { OUT_OF_CREDIT_MEDIA } from "./engine/out-of-credit";

let h: Harness;
let tenantId: string;
let alice: SeededExtension;
let bob: SeededExtension;
const MOBILE = "07700900123";

beforeAll(async () => {
  const { partner } = await seedPartner();
  await seedTariff(partner.id, [{ prefix: "447", ratePerMinute: "0.12", connectFee: "0.05", incrementSec: 60 }]);
  tenantId = (await seedTenant({ partnerId: partner.id, extensionUsers: 0, isPrepaid: true })).tenant.id;
  [alice, bob] = (await seedExtensions(tenantId, 2)) as [SeededExtension, SeededExtension];
  await seedDid(tenantId, "+441632960901", alice.id); // a number to present: outbound calling
  // Spent exactly its limit: 2.00 credit, 3.00 of calls, a 1.00 credit limit.
  await creditTenant(tenantId, "2.00");
  await db.ledgerEntry.create({ data: { tenantId, kind: "CALL", amount: "-3.00", currency: "GBP", description: "Earlier calls", idempotencyKey: "call:earlier" } });
  await db.tenant.update({ where: { id: tenantId }, data: { creditLimit: "1.00" } });
  h = await startHarness();
  h.sim.scenario.registerPhone({ endpoint: alice.username });
  h.sim.scenario.registerPhone({ endpoint: bob.username });
  h.sim.scenario.setPhoneBehaviour(bob.username, { mode: "answer", answerAfterMs: 100 });
});

afterAll(async () => {
  await h?.stop();
});

/** Playback events since `mark`, as [type, media]: one playback of the three sounds, to the end. */
const playedSince = (mark: number) =>
  h.sim.scenario.stats().events.slice(mark)
    .filter((e) => e.type.startsWith("Playback"))
    .map((e) => [e.type, (e as unknown as { playback: { media_uri: string } }).playback.media_uri]);

describe("[BILLING] out of credit through the worker", () => {
  it("a prepaid company at its limit dialling out hears the announcement; nothing is dialled", async () => {
    const mark = markEvents(h);
    const callerId = h.sim.scenario.placeExtensionCall({ fromEndpoint: alice.username, to: MOBILE });
    const gone = await eventually("caller hung up", () => h.sim.scenario.snapshot().destroyed.find((d) => d.id === callerId));
    const played = playedSince(mark);
    expect(played[0]).toEqual(["PlaybackStarted", OUT_OF_CREDIT_MEDIA[0]]);
    expect(played.map(([type]) => type)).toEqual(["PlaybackStarted", "PlaybackContinuing", "PlaybackContinuing", "PlaybackFinished"]);
    expect(dialsSince(h, mark)).toEqual([]);
    expect(gone.cause).toBe(16);
    const cdr = await cdrOf(callerId);
    expect(cdr.cost?.toString() ?? "0").toBe("0");
    expect(await db.ledgerEntry.count({ where: { tenantId, idempotencyKey: `call:${callerId}` } })).toBe(0);
  });

  it("internal and emergency calls still go through while out of credit", async () => {
    const mark = markEvents(h);
    const internal = h.sim.scenario.placeExtensionCall({ fromEndpoint: alice.username, to: bob.number });
    await eventually("internal call bridged", () => h.sim.scenario.snapshot().bridges.find((b) => b.channels.includes(internal) && b.channels.length === 2));
    h.sim.scenario.hangup(internal);
    const emergency = h.sim.scenario.placeExtensionCall({ fromEndpoint: alice.username, to: "999" });
    await eventually("emergency call dialled", () => dialsSince(h, mark).includes("999@trunk"));
    h.sim.scenario.hangup(emergency);
    expect(dialsSince(h, mark)).toEqual([bob.username, "999@trunk"]);
  });

  it("after a top-up the same call goes out over the trunk, and its charge is debited", async () => {
    await creditTenant(tenantId, "5.00"); // no NOTIFY needed: the recent tail is read per call
    const mark = markEvents(h);
    const callerId = h.sim.scenario.placeExtensionCall({ fromEndpoint: alice.username, to: MOBILE });
    await eventually("answered", () => h.worker.registry.callers.get(callerId)?.answeredAt);
    expect(dialsSince(h, mark)).toEqual(["+447700900123@trunk"]);
    expect(playedSince(mark)).toEqual([]);
    h.advanceClock(61_000);
    h.sim.scenario.hangup(callerId);
    const cdr = await cdrOf(callerId);
    expect(cdr.cost?.toFixed(2)).toBe("0.29");
    await h.worker.flush();
    const debit = await db.ledgerEntry.findUniqueOrThrow({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: `call:${callerId}` } } });
    expect(debit).toMatchObject({ kind: "CALL", reference: cdr.id });
    expect(debit.amount.toFixed(2)).toBe("-0.29");
    expect(await balanceOf(tenantId)).toBe("3.71");
  });
});
