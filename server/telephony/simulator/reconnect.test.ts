import { afterAll, beforeAll, expect, it } from "vitest";
import { APP, startBench, type Bench } from "./test-helpers";

let bench: Bench;
beforeAll(async () => {
  bench = await startBench();
});
afterAll(() => bench.close());

it("drops event sockets server-side; the client reconnects, re-registers the app and gets events again", async () => {
  const { ari, log, sim } = bench;
  const disconnected = ari.events.once("disconnected");
  const reconnected = new Promise<number>((resolve) => {
    ari.on("connected", ({ connectionCount }) => resolve(connectionCount));
  });
  sim.scenario.dropConnections();
  expect((await disconnected).willReconnect).toBe(true);
  expect(await reconnected).toBe(2);
  expect((await ari.applications.get(APP)).name).toBe(APP);
  const id = sim.scenario.placeInboundCall({ from: "+447900123456", to: "+442071234567" });
  await log.next("StasisStart", (e) => e.channel.id === id);
});

it("tells a replaced connection with ApplicationReplaced", async () => {
  const { AriClient } = await import("../ari/client");
  const second = new AriClient({ baseUrl: bench.sim.url, username: "portal", password: "s3cr:t", app: APP });
  const replaced = bench.ari.events.once("ApplicationReplaced");
  await second.connect();
  expect((await replaced).application).toBe(APP);
  const id = bench.sim.scenario.placeInboundCall({ from: "+447900123456", to: "+442071234568" });
  const start = await new Promise<string>((resolve) => second.on("StasisStart", (e) => resolve(e.channel.id)));
  expect(start).toBe(id);
  await second.close();
});
