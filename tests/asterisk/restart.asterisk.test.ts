/**
 * An Asterisk restart under a running worker: Asterisk forgets every pushed PJSIP object (the
 * memory wizard), the ARI WebSocket drops, and the worker must reconnect and push them all
 * again. Registrations live in astdb, which survives the restart. Prints the endpoint and
 * contact events of both phases for review.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { summarizeEvent } from "./harness/ari";
import { describeLane } from "./harness/describe-lane";
import { startLane, type Lane } from "./harness/lane";
import { pollUntil, sleep } from "./harness/output";
import type { Phone } from "./harness/pjsua";

type Endpoint = { resource: string; state: string; channel_ids: string[] };

describeLane("[ASTERISK] restart", () => {
  let lane: Lane;
  let alice: Phone;
  let bob: Phone;

  beforeAll(async () => {
    lane = await startLane({ label: "restart" });
    alice = await lane.startPhone("201");
    bob = await lane.startPhone("202", { autoAnswer: 200 });
  });
  afterAll(async () => lane?.teardown());

  const registrationStates = async () =>
    Object.fromEntries(
      await Promise.all(
        ["201", "202"].map(async (n) => [n, (await lane.db.registration.findUnique({ where: { sipAccountId: lane.account(n).sipAccountId } }))?.state ?? null] as const),
      ),
    );

  it("[ASTERISK] after a restart the worker reconnects and re-provisions, and the phones come back", async () => {
    await pollUntil("both phones REGISTERED", async () => Object.values(await registrationStates()).every((s) => s === "REGISTERED"));
    const workerMark = lane.worker.mark();
    const eventMark = lane.endpointEvents.mark();
    const before = lane.worker.find((l) => l.msg === "provisioning full sync done").length;

    await lane.asterisk.restart();
    const restartedAt = Date.now();
    // Before the worker has pushed anything again (it reconnects within its 2 s backoff).
    const endpointsAfterRestart = await lane.ari.get<Endpoint[]>("/endpoints");
    const aliceAfterRestart = await lane.ari.request("GET", `/endpoints/PJSIP/${lane.account("201").username}`);
    console.log(`[restart] GET /ari/endpoints right after the restart: ${JSON.stringify(endpointsAfterRestart)}`);
    console.log(`[restart] GET /ari/endpoints/PJSIP/<201> right after the restart: ${aliceAfterRestart.status} ${JSON.stringify(aliceAfterRestart.body)}`);
    console.log(`[restart] pjsip show contacts right after the restart:\n${await lane.asterisk.cli("pjsip show contacts")}`);

    await lane.worker.waitForLog((l) => l.msg === "provisioning full sync done", { since: workerMark, timeoutMs: 30_000 });
    const pushedAfterMs = Date.now() - restartedAt;
    expect(lane.worker.find((l) => l.msg === "provisioning full sync done")).toHaveLength(before + 1);
    expect((await lane.worker.health())?.ari).toBe("connected");
    const endpoints = await lane.ari.get<Endpoint[]>("/endpoints/PJSIP");
    expect(endpoints.map((e) => e.resource).sort()).toEqual([...lane.accounts.map((a) => a.username), "trunk"].sort());
    console.log(`[restart] re-provisioned ${pushedAfterMs} ms after Asterisk was back; worker lines since the restart:\n${lane.worker.lines.slice(workerMark).map((l) => JSON.stringify(l)).join("\n")}`);

    // Contacts come back from astdb once their AOR exists again; qualify (30 s) confirms them.
    const aliceName = lane.account("201").username;
    const contact = await pollUntil(
      "201's contact is known again",
      async () => {
        const endpoint = await lane.ari.get<Endpoint>(`/endpoints/PJSIP/${aliceName}`);
        return endpoint.state === "online" ? endpoint : undefined;
      },
      45_000,
    ).then(
      (e) => `online ${Math.round((Date.now() - restartedAt) / 1000)} s after the restart without re-registering: ${JSON.stringify(e)}`,
      () => "still not online 45 s after the restart",
    );
    console.log(`[restart] 201: ${contact}`);
    console.log(`[restart] pjsip show contacts after re-provisioning:\n${await lane.asterisk.cli("pjsip show contacts")}`);
    console.log(`[restart] Registration rows now: ${JSON.stringify(await registrationStates())}`);
    console.log(
      `[restart] endpoint events (app subscribed to endpoint:PJSIP, like the worker) since the restart:\n${lane.endpointEvents
        .since(eventMark)
        .map((e) => `${e.timestamp} ${JSON.stringify(summarizeEvent(e))}`)
        .join("\n")}`,
    );

    // Whatever astdb gave back, a re-REGISTER (the phone's next refresh) must restore everything.
    await Promise.all([alice, bob].map(async (phone) => phone.waitForRegistered({ since: phone.reregister() })));
    await pollUntil("both phones REGISTERED after re-registering", async () => Object.values(await registrationStates()).every((s) => s === "REGISTERED"));
    await callAndHangUp();
  });

  it("[ASTERISK] after a worker restart the full sync runs cleanly and calls work", async () => {
    const workerMark = lane.worker.mark();
    const eventMark = lane.endpointEvents.mark();
    const logMark = await lane.asterisk.mark();
    await lane.worker.stop();
    await lane.worker.start();
    const [sync] = lane.worker.find((l) => l.msg === "provisioning full sync done", workerMark);
    console.log(`[restart] worker restart: ${JSON.stringify(sync)}`);
    expect(sync).toMatchObject({ failed: 0 });
    expect((await lane.ari.get<Endpoint[]>("/endpoints/PJSIP")).map((e) => e.resource)).toHaveLength(lane.accounts.length + 1);
    await sleep(2_000);
    const contactLines = (await lane.asterisk.log(logMark)).split("\n").filter((l) => /[Cc]ontact|Reachable|Unreachable/.test(l));
    console.log(`[restart] worker restart: Asterisk contact lines:\n${contactLines.join("\n")}`);
    console.log(`[restart] worker restart: pjsip show contacts:\n${await lane.asterisk.cli("pjsip show contacts")}`);
    console.log(`[restart] worker restart: Registration rows ${JSON.stringify(await registrationStates())}`);
    console.log(
      `[restart] worker restart: endpoint events (endpoint:PJSIP):\n${lane.endpointEvents
        .since(eventMark)
        .map((e) => `${e.timestamp} ${JSON.stringify(summarizeEvent(e))}`)
        .join("\n")}`,
    );
    // However the push treated the registrations, the phones' next REGISTER restores them.
    await Promise.all([alice, bob].map(async (phone) => phone.waitForRegistered({ since: phone.reregister() })));
    await callAndHangUp();
  });

  async function callAndHangUp() {
    const since = alice.call(lane.sipUri("202"));
    await alice.waitForCallState("CONFIRMED", { since, timeoutMs: 20_000 });
    alice.hangup();
    await alice.waitForDisconnect({ since });
  }
});
