import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backoffDelayMs } from "./backoff";
import { AriClient } from "./client";
import type { AriEventMap, StasisStart } from "./events";
import { stasisStartFixture } from "./test-fixtures";
import { startTestAriServer, type TestAriServer } from "./test-server";

let server: TestAriServer;
let ari: AriClient;

const until = async (cond: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
};

beforeEach(async () => {
  server = await startTestAriServer();
  ari = new AriClient({
    baseUrl: server.baseUrl, username: "portal", password: "pw", app: "centrex",
    reconnect: { initialDelayMs: 20, maxDelaySeconds: 0.08 }, pingIntervalMs: 50,
  });
});
afterEach(async () => {
  await ari.close();
  await server.close();
});

describe("AriEventStream", () => {
  it("connects to /ari/events with app, subscribeAll=false and api_key", async () => {
    await ari.connect();
    expect(ari.events.isConnected).toBe(true);
    expect(server.socketQueries).toEqual([{ app: "centrex", subscribeAll: "false", api_key: "portal:pw" }]);
  });

  it("dispatches typed events, unknown types and parse errors", async () => {
    const got: StasisStart[] = [];
    const messages: string[] = [];
    const errors: Error[] = [];
    ari.on("StasisStart", (e) => void got.push(e));
    ari.on("message", (m) => void messages.push(m.type));
    ari.on("error", (e) => void errors.push(e));
    ari.on("StasisEnd", () => { throw new Error("should not be called"); });
    await ari.connect();
    server.broadcast("not json");
    server.broadcast({ type: "FutureEvent", application: "centrex" });
    server.broadcast(stasisStartFixture());
    await until(() => got.length === 1);
    expect(got[0]?.channel.dialplan.exten).toBe("1002");
    expect(messages).toEqual(["FutureEvent", "StasisStart"]);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/unparseable ARI event/)]);
  });

  it("reports a throwing or rejecting listener as an error and keeps dispatching", async () => {
    const errors: Error[] = [];
    let count = 0;
    ari.on("error", (e) => void errors.push(e));
    ari.on("StasisStart", () => { count += 1; throw new Error("boom"); });
    ari.on("StasisStart", async () => { throw new Error("async boom"); });
    await ari.connect();
    server.broadcast(stasisStartFixture());
    server.broadcast(stasisStartFixture());
    await until(() => errors.length === 4);
    expect(count).toBe(2);
    expect(errors[0]?.message).toMatch(/listener for 'StasisStart' failed: Error: boom/);
  });

  it("reconnects with backoff after the server drops the socket, emitting connected again", async () => {
    const lifecycle: string[] = [];
    const disconnects: AriEventMap["disconnected"][] = [];
    ari.on("connected", ({ connectionCount }) => void lifecycle.push(`connected:${connectionCount}`));
    ari.on("disconnected", (d) => void (lifecycle.push("disconnected"), disconnects.push(d)));
    ari.on("error", () => {});
    await ari.connect();
    server.setRefuseSockets(true);
    for (const ws of server.sockets) ws.terminate();
    await until(() => lifecycle.includes("disconnected"));
    await new Promise((r) => setTimeout(r, 150)); // several refused attempts while "Asterisk" is down
    server.setRefuseSockets(false);
    await until(() => lifecycle.includes("connected:2"));
    expect(lifecycle).toEqual(["connected:1", "disconnected", "connected:2"]);
    expect(disconnects[0]?.willReconnect).toBe(true);
    expect(server.socketQueries).toHaveLength(2);
  });

  it("drops a socket that stops answering pings and reconnects", async () => {
    const silent = await startTestAriServer({ autoPong: false });
    const client = new AriClient({ baseUrl: silent.baseUrl, username: "u", password: "p", app: "a", pingIntervalMs: 30, reconnect: { initialDelayMs: 10 } });
    const lifecycle: string[] = [];
    client.on("connected", () => void lifecycle.push("connected"));
    client.on("disconnected", () => void lifecycle.push("disconnected"));
    try {
      await client.connect();
      await until(() => lifecycle.length >= 3, 1500);
      expect(lifecycle.slice(0, 3)).toEqual(["connected", "disconnected", "connected"]);
    } finally {
      await client.close();
      await silent.close();
    }
  });

  it("close() stops reconnecting and rejects a pending connect", async () => {
    await ari.connect();
    await ari.close();
    expect(ari.events.isConnected).toBe(false);
    await new Promise((r) => setTimeout(r, 120));
    expect(server.socketQueries).toHaveLength(1);

    server.setRefuseSockets(true);
    const other = new AriClient({ baseUrl: server.baseUrl, username: "u", password: "p", app: "x", reconnect: { initialDelayMs: 10 } });
    other.on("error", () => {});
    const pending = other.connect();
    await new Promise((r) => setTimeout(r, 50));
    await other.close();
    await expect(pending).rejects.toThrow(/closed before connecting/);
  });
});

describe("backoffDelayMs", () => {
  it("doubles from the initial delay up to the cap, with jitter in [half, full]", () => {
    const opts = { initialDelayMs: 100, maxDelaySeconds: 1 };
    expect([0, 1, 2, 3, 4, 10, 5000].map((n) => backoffDelayMs(n, opts, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
    expect([0, 1, 4].map((n) => backoffDelayMs(n, opts, () => 0))).toEqual([50, 100, 500]);
  });
});
