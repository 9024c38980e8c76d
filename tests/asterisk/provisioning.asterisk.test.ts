/**
 * Re-provisioning on a real Asterisk: a sync of unchanged accounts writes nothing (no PJSIP
 * object re-created, no contact deleted, phones stay registered), and an account that loses its
 * extension ends with exactly the database's fields (no callerid left over from a merge) while
 * its phone stays registered, because the AOR holding its contact is never deleted.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { notifySipAccountsChanged } from "@/server/telephony/dialplan/notify";
import { expectedFingerprints, pjsipObjectsFor, provisionedFingerprints } from "@/server/telephony/provisioning/pjsip-objects";
import { summarizeEvent } from "./harness/ari";
import { describeLane } from "./harness/describe-lane";
import { startLane, type Lane } from "./harness/lane";
import { registrationOf } from "./harness/lane-queries";
import { pollUntil, sleep } from "./harness/output";

type ConfigTuple = { attribute: string; value: string };
const PHONES = ["201", "202", "203"];

describeLane("[ASTERISK] re-provisioning", () => {
  let lane: Lane;

  beforeAll(async () => {
    lane = await startLane({ label: "provisioning" });
    for (const number of PHONES) await lane.startPhone(number);
    await pollUntil("phones REGISTERED", async () => (await Promise.all(PHONES.map((n) => registrationOf(lane, n)))).every((r) => r?.state === "REGISTERED"));
  });
  afterAll(async () => lane?.teardown());

  const endpointConfig = (username: string) => lane.ari.get<ConfigTuple[]>(`/asterisk/config/dynamic/res_pjsip/endpoint/${encodeURIComponent(username)}`);
  const endpointEventsOf = (since: number, usernames: string[]) =>
    lane.endpointEvents.since(since).filter((e) => usernames.includes(String((e.endpoint as { resource?: string } | undefined)?.resource)));
  /** The callerid Asterisk reports for an endpoint created with none (a scratch endpoint, deleted again). */
  async function callerIdOfNewEndpoint(): Promise<string | undefined> {
    const resource = "/asterisk/config/dynamic/res_pjsip/endpoint/lane-no-callerid";
    await lane.ari.request("PUT", resource, { fields: [{ attribute: "context", value: "default" }] });
    try {
      return (await lane.ari.get<ConfigTuple[]>(resource)).find((t) => t.attribute === "callerid")?.value;
    } finally {
      await lane.ari.request("DELETE", resource);
    }
  }
  /** What must still hold for every phone: listed by Asterisk, its row REGISTERED. */
  async function expectPhonesRegistered(numbers: string[]) {
    const contacts = await lane.asterisk.cli("pjsip show contacts");
    const rows = await Promise.all(numbers.map(async (n) => [n, (await registrationOf(lane, n))?.state] as const));
    console.log(`[provisioning] pjsip show contacts:\n${contacts}\n[provisioning] Registration rows: ${JSON.stringify(rows)}`);
    for (const number of numbers) expect({ number, isListed: contacts.includes(`${lane.account(number).username}/sip:`) }).toEqual({ number, isListed: true });
    expect(rows).toEqual(numbers.map((n) => [n, "REGISTERED"]));
  }

  it("[ASTERISK] a full sync after a worker restart, and a tenant NOTIFY, change nothing in Asterisk", async () => {
    const usernames = lane.accounts.map((a) => a.username);
    const logMark = await lane.asterisk.mark();
    const workerMark = lane.worker.mark();
    const eventMark = lane.endpointEvents.mark();
    await lane.worker.stop();
    await lane.worker.start();
    const [sync, ...more] = lane.worker.find((l) => l.msg === "provisioning full sync done", workerMark);
    console.log(`[provisioning] worker restart: ${JSON.stringify(sync)}`);
    expect(more).toEqual([]);
    expect(sync).toMatchObject({ pushed: 0, unchanged: lane.accounts.length, deleted: 0, failed: 0 });

    await notifySipAccountsChanged(lane.db, lane.account("201").tenantId);
    await sleep(3_000);
    const events = endpointEventsOf(eventMark, usernames);
    const deleted = (await lane.asterisk.log(logMark)).split("\n").filter((l) => /has been deleted/.test(l));
    console.log(`[provisioning] endpoint events of the accounts since the restart: ${JSON.stringify(events.map(summarizeEvent))}`);
    console.log(`[provisioning] worker lines: ${lane.worker.lines.slice(workerMark).map((l) => JSON.stringify(l)).join("\n")}`);
    // A re-created endpoint starts offline and comes online again: any event means a write.
    expect(events.map(summarizeEvent)).toEqual([]);
    expect(deleted).toEqual([]);
    await expectPhonesRegistered(PHONES);
  });

  it("[ASTERISK] an account that loses its extension keeps exactly the database's fields, and its phone stays registered", async () => {
    const carol = lane.account("203");
    const logMark = await lane.asterisk.mark();
    const eventMark = lane.endpointEvents.mark();
    const before = await endpointConfig(carol.username);
    console.log(`[provisioning] 203 before: callerid ${JSON.stringify(before.filter((t) => t.attribute === "callerid"))}`);
    expect(before).toContainEqual({ attribute: "callerid", value: expect.stringContaining("203") });

    await lane.db.extension.update({ where: { id: carol.extensionId }, data: { sipAccountId: null } });
    await notifySipAccountsChanged(lane.db, carol.sipAccountId);
    const row = await lane.db.sipAccount.findUniqueOrThrow({ where: { id: carol.sipAccountId } });
    const want = expectedFingerprints(pjsipObjectsFor({ username: row.username, authMd5: row.authMd5, realm: row.realm, extension: null }));
    const after = await pollUntil("203's endpoint re-provisioned without its extension", async () => {
      const fields = await endpointConfig(carol.username);
      return JSON.stringify(provisionedFingerprints(fields)) === JSON.stringify(want) ? fields : undefined;
    }, 10_000);
    await sleep(3_000);

    const log = await lane.asterisk.log(logMark);
    console.log(`[provisioning] 203 after: callerid ${JSON.stringify(after.filter((t) => t.attribute === "callerid"))}`);
    console.log(`[provisioning] 203 endpoint events since: ${JSON.stringify(endpointEventsOf(eventMark, [carol.username]).map(summarizeEvent))}`);
    console.log(`[provisioning] Asterisk log since:\n${log}`);
    // Asterisk answers an unset callerid as "<unknown>"; an endpoint made without one says the same.
    const unset = await callerIdOfNewEndpoint();
    console.log(`[provisioning] callerid of an endpoint created without one: ${JSON.stringify(unset)}`);
    expect(after.filter((t) => t.attribute === "callerid" && t.value.trim() !== "" && t.value !== unset)).toEqual([]);
    expect(log.split("\n").filter((l) => /has been deleted/.test(l))).toEqual([]);
    expect((await lane.ari.get<{ state: string }>(`/endpoints/PJSIP/${carol.username}`)).state).toBe("online");
    await expectPhonesRegistered(PHONES);
    expect((await lane.asterisk.log()).split("\n").filter((l) => /stir_shaken/i.test(l))).toEqual([]);
  });
});
