/**
 * The shipped configuration on a real Asterisk: it boots without TLS keys and with a carrier on
 * loopback, the worker connects and provisions every demo account over ARI, and real phones
 * register and show up as REGISTERED in the database.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { errorAndWarningLines, problems } from "./harness/asterisk-log";
import { describeLane } from "./harness/describe-lane";
import { startLane, type Lane } from "./harness/lane";
import { pollUntil } from "./harness/output";

describeLane("[ASTERISK] boot and provisioning", () => {
  let lane: Lane;
  beforeAll(async () => {
    lane = await startLane({ label: "boot" });
  });
  afterAll(async () => lane?.teardown());

  it("[ASTERISK] loads the shipped pjsip.conf without TLS keys and with a loopback carrier", async () => {
    expect(lane.config.renderWarnings).toEqual([expect.stringMatching(/SIP over TLS \(transport-tls\) is disabled/)]);
    const log = await lane.asterisk.log();
    console.log(`[boot] Asterisk ERROR/WARNING lines at boot (${errorAndWarningLines(log).length}), not about absent optional configs:\n${problems(log).join("\n")}`);
    expect(problems(log, /transport|trunk|identify|res_pjsip/i)).toEqual([]);

    const transports = await lane.asterisk.cli("pjsip show transports");
    expect(transports).toMatch(/transport-udp\s+udp/);
    expect(transports).not.toContain("transport-tls");
    const trunk = await lane.asterisk.cli("pjsip show endpoint trunk");
    expect(trunk).toMatch(/Endpoint:\s+trunk\b/);
    expect(trunk).toContain(`trunk/sip:127.0.0.1:${lane.carrier.localPort}`);
    const identifies = await lane.asterisk.cli("pjsip show identifies");
    expect(identifies).toMatch(/trunk-identify\/trunk/);
    expect(identifies).toMatch(/Match:\s+127\.0\.0\.1\/32/);
  });

  it("[ASTERISK] the worker connects and its Stasis app is registered", async () => {
    const apps = await lane.ari.get<Array<{ name: string }>>("/applications");
    expect(apps.map((a) => a.name)).toContain("centrex");
    expect(await lane.worker.health()).toMatchObject({ ari: "connected" });
  });

  it("[ASTERISK] all 7 demo SIP accounts are provisioned through config/dynamic", async () => {
    const usernames = lane.accounts.map((a) => a.username);
    expect(usernames).toHaveLength(7);
    const endpoints = await lane.ari.get<Array<{ resource: string; state: string }>>("/endpoints/PJSIP");
    expect(endpoints.map((e) => e.resource).sort()).toEqual([...usernames, "trunk"].sort());
    const cliEndpoints = await lane.asterisk.cli("pjsip show endpoints");
    for (const username of usernames) expect(cliEndpoints).toContain(username);

    const sync = lane.worker.find((l) => l.msg === "provisioning full sync done");
    expect(sync[0]).toMatchObject({ pushed: 7, failed: 0 });
    expect(lane.worker.find((l) => /provisioning .*failed/.test(l.msg ?? ""))).toEqual([]);
    const afterPush = problems(await lane.asterisk.log());
    console.log(`[boot] Asterisk ERROR/WARNING lines up to now (boot + PUT of ${usernames.length * 3} objects):\n${afterPush.join("\n")}`);
  });

  it("[ASTERISK] real phones for 201 and 202 register, and their Registration rows become REGISTERED", async () => {
    const [alice, bob] = [lane.account("201"), lane.account("202")];
    await lane.startPhone("201");
    await lane.startPhone("202");
    for (const account of [alice, bob]) {
      const row = await pollUntil(`Registration of ${account.number}`, async () => {
        const found = await lane.db.registration.findUnique({ where: { sipAccountId: account.sipAccountId } });
        return found?.state === "REGISTERED" ? found : undefined;
      });
      console.log(`[boot] Registration ${account.number}: ${JSON.stringify(row)}`);
      const endpoint = await lane.ari.get<{ state: string; channel_ids: string[] }>(`/endpoints/PJSIP/${account.username}`);
      expect(endpoint.state).toBe("online");
    }
    const contacts = await lane.asterisk.cli("pjsip show contacts");
    expect(contacts).toContain(alice.username);
    expect(contacts).toContain(bob.username);
  });
});
