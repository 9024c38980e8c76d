import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP, PASS, USER, provisionPhone, specProblems, startBench, type Bench } from "./test-helpers";

let bench: Bench;
beforeAll(async () => {
  bench = await startBench();
});
afterAll(() => bench.close());

const auth = `Basic ${Buffer.from(`${USER}:${PASS}`).toString("base64")}`;
const raw = (method: string, path: string, body?: unknown, headers: Record<string, string> = { authorization: auth }) =>
  fetch(`${bench.sim.url}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

describe("asterisk/config/dynamic", () => {
  const ref = { configClass: "res_pjsip", objectType: "endpoint", id: "t42-1001" };

  it("round-trips PUT, GET (merged update) and DELETE", async () => {
    const put = await bench.ari.asterisk.putObject(ref, [{ attribute: "context", value: "t42" }, { attribute: "allow", value: "ulaw" }]);
    expect(put).toEqual([{ attribute: "context", value: "t42" }, { attribute: "allow", value: "ulaw" }]);
    await bench.ari.asterisk.putObject(ref, [{ attribute: "allow", value: "alaw" }]);
    const got = await bench.ari.asterisk.getObject(ref);
    expect(got).toEqual([{ attribute: "context", value: "t42" }, { attribute: "allow", value: "alaw" }]);
    for (const tuple of got) expect(specProblems("ConfigTuple", tuple)).toEqual([]);
    expect(bench.sim.scenario.snapshot().config["res_pjsip/endpoint/t42-1001"]).toEqual(got);
    expect((await bench.ari.endpoints.get("PJSIP", "t42-1001")).state).toBe("offline");
    await bench.ari.asterisk.deleteObject(ref);
    await expect(bench.ari.asterisk.getObject(ref)).rejects.toMatchObject({ status: 404 });
    await expect(bench.ari.asterisk.deleteObject(ref)).rejects.toMatchObject({ status: 404 });
    await expect(bench.ari.asterisk.getObject({ ...ref, configClass: "res_nope" })).rejects.toMatchObject({ status: 404 });
  });

  it("refuses a malformed body with 400", async () => {
    const res = await raw("PUT", "/asterisk/config/dynamic/res_pjsip/aor/x", { fields: [{ attribute: "a" }] });
    expect(res.status).toBe(400);
  });
});

describe("request validation against the spec", () => {
  it.each([
    ["POST", "/channels?app=centrex", "query 'endpoint' is required"],
    ["POST", "/channels/c1/answer?loud=true", "query 'loud' is not defined"],
    ["DELETE", "/channels/c1?reason=hungry", "is not one of"],
    ["POST", "/channels?endpoint=PJSIP/a&app=x&timeout=soon", "is not a valid int"],
  ])("%s %s -> 400", async (method, path, message) => {
    const res = await raw(method, path);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain(message);
  });

  it("answers 404 for unknown resources, ids and undeclared operations, 405 for wrong methods", async () => {
    expect((await raw("GET", "/nope")).status).toBe(404);
    expect((await raw("PUT", "/channels")).status).toBe(405);
    // Asterisk defines snoop, but the worker never sends it, so the simulator does not serve it.
    expect((await raw("POST", "/channels/c1/snoop?app=centrex")).status).toBe(404);
    for (const call of [bench.ari.channels.get("x"), bench.ari.bridges.get("x"), bench.ari.playbacks.get("x"), bench.ari.recordings.getLive("x")]) {
      await expect(call).rejects.toMatchObject({ status: 404, isNotFound: true });
    }
  });

  it("answers 401 for bad credentials on REST, the event socket and the scenario API", async () => {
    expect((await raw("GET", "/asterisk/info", undefined, { authorization: "Basic bm9wZTpub3Bl" })).status).toBe(401);
    expect((await raw("GET", `/asterisk/info?api_key=${USER}:${PASS}`, undefined, {})).status).toBe(200);
    const status = await new Promise<number | undefined>((resolve) => {
      const ws = new WebSocket(`${bench.sim.url.replace("http", "ws")}/events?app=x&api_key=${USER}:wrong`);
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode));
      ws.on("open", () => resolve(101));
    });
    expect(status).toBe(401);
    expect((await fetch(bench.sim.url.replace("/ari", "/scenario/snapshot"), { method: "POST" })).status).toBe(401);
  });
});

describe("resources", () => {
  it("serves asterisk info/ping, applications and endpoints in the spec's shapes", async () => {
    expect(specProblems("AsteriskInfo", await bench.ari.asterisk.info())).toEqual([]);
    expect(Object.keys(await bench.ari.asterisk.info(["system"]))).toEqual(["system"]);
    expect(specProblems("AsteriskPing", await bench.ari.asterisk.ping())).toEqual([]);
    const app = await bench.ari.applications.get(APP);
    expect(specProblems("Application", app)).toEqual([]);
    await expect(bench.ari.applications.get("other")).rejects.toMatchObject({ status: 404 });
    await provisionPhone(bench, "carol");
    expect((await bench.ari.applications.subscribe(APP, "endpoint:PJSIP/carol")).endpoint_ids).toContain("PJSIP/carol");
    await bench.ari.applications.unsubscribe(APP, "endpoint:PJSIP/carol");
    await expect(bench.ari.applications.unsubscribe(APP, "endpoint:PJSIP/carol")).rejects.toMatchObject({ status: 409 });
    await expect(bench.ari.applications.subscribe(APP, "weird:x")).rejects.toMatchObject({ status: 400 });
    const endpoints = await bench.ari.endpoints.listByTech("PJSIP");
    expect(endpoints.map((e) => `${e.resource}:${e.state}`)).toEqual(expect.arrayContaining(["trunk:online", "carol:online"]));
    for (const e of endpoints) expect(specProblems("Endpoint", e)).toEqual([]);
    await expect(bench.ari.endpoints.listByTech("IAX2")).rejects.toMatchObject({ status: 404 });
  });

  it("manages Stasis device states and derives endpoint device states", async () => {
    await bench.ari.deviceStates.update("Stasis:queue-1", "INUSE");
    expect(await bench.ari.deviceStates.get("Stasis:queue-1")).toEqual({ name: "Stasis:queue-1", state: "INUSE" });
    expect(await bench.ari.deviceStates.list()).toContainEqual({ name: "Stasis:queue-1", state: "INUSE" });
    await expect(bench.ari.deviceStates.update("PJSIP/carol", "BUSY")).rejects.toMatchObject({ status: 409 });
    await bench.ari.deviceStates.delete("Stasis:queue-1");
    await expect(bench.ari.deviceStates.delete("Stasis:queue-1")).rejects.toMatchObject({ status: 404 });
    expect((await bench.ari.deviceStates.get("PJSIP/trunk")).state).toBe("NOT_INUSE");
  });

  it("serves the scenario API over HTTP", async () => {
    const post = (method: string, body: unknown) =>
      fetch(bench.sim.url.replace("/ari", `/scenario/${method}`), { method: "POST", headers: { authorization: auth }, body: JSON.stringify(body) });
    const res = await post("placeInboundCall", { from: "+447900123456", to: "+442071234567" });
    const { channelId } = (await res.json()) as { channelId: string };
    await bench.log.next("StasisStart", (e) => e.channel.id === channelId);
    expect((await post("hangup", { channelId })).status).toBe(204);
    await bench.log.next("ChannelDestroyed", (e) => e.channel.id === channelId);
    expect((await post("setPhoneBehaviour", { endpoint: "carol", mode: "sleepy" })).status).toBe(400);
    expect((await post("nope", {})).status).toBe(404);
    const stats = (await (await post("stats", {})).json()) as { violations: string[] };
    expect(stats.violations).toEqual([]);
  });
});
