import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AriClient } from "./client";
import { AriError } from "./request";
import { checkDeclaredRequest } from "./operation-match";
import { checkRequest, hasAriSpec } from "./spec";
import { channelFixture } from "./test-fixtures";
import { startTestAriServer, type TestAriServer } from "./test-server";

let server: TestAriServer;
let ari: AriClient;

beforeAll(async () => {
  server = await startTestAriServer();
  ari = new AriClient({ baseUrl: server.baseUrl, username: "portal", password: "s3cr:t", app: "centrex", timeoutMs: 300 });
});
afterAll(() => server.close());
const HAS_SPEC = hasAriSpec("the client's requests against Asterisk's spec");
afterEach(() => {
  // Everything the client put on the wire is in its own table, and (with the spec) Asterisk defines it.
  for (const req of server.requests) {
    const body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : undefined;
    const parts = { query: req.query, ...(body ? { body } : {}) };
    expect(checkDeclaredRequest(req.method, req.path, parts)).toEqual([]);
    if (HAS_SPEC) expect(checkRequest(req.method, req.path, parts)).toEqual([]);
  }
  server.requests.length = 0;
  server.reply(() => ({ status: 204 }));
});

const last = () => server.requests.at(-1);

describe("AriClient REST", () => {
  it("sends HTTP basic auth and parses JSON", async () => {
    server.reply(() => ({ status: 200, json: channelFixture() }));
    await expect(ari.channels.get("1722506400.42")).resolves.toMatchObject({ id: "1722506400.42" });
    expect(last()?.headers.authorization).toBe(`Basic ${Buffer.from("portal:s3cr:t").toString("base64")}`);
    expect(last()).toMatchObject({ method: "GET", path: "/channels/1722506400.42" });
  });

  it("encodes path params, lists and booleans", async () => {
    await ari.channels.play("chan/1 x", ["sound:hello", "digits:12#"], { skipms: 0 });
    expect(last()?.path).toBe("/channels/chan%2F1%20x/play");
    expect(last()?.query).toEqual({ media: "sound:hello,digits:12#", skipms: "0" });
    await ari.bridges.addChannel("b1", ["c1", "c2"], { absorbDTMF: true });
    expect(last()?.query).toEqual({ channel: "c1,c2", absorbDTMF: "true" });
    await ari.channels.hangup("c1", "busy");
    expect(last()).toMatchObject({ method: "DELETE", path: "/channels/c1", query: { reason: "busy" } });
  });

  it("sends originate variables and provisioning fields as the JSON body", async () => {
    await ari.channels.originateWithId("leg-a", { endpoint: "PJSIP/t42-1001", app: "centrex", appArgs: "callback,7", variables: { CALLBACK_ID: "7" } });
    expect(last()?.query).toEqual({ endpoint: "PJSIP/t42-1001", app: "centrex", appArgs: "callback,7" });
    expect(JSON.parse(last()?.body ?? "")).toEqual({ variables: { CALLBACK_ID: "7" } });
    expect(last()?.headers["content-type"]).toBe("application/json");
    const ref = { configClass: "res_pjsip", objectType: "endpoint", id: "t42-1001" };
    await ari.asterisk.putObject(ref, [{ attribute: "context", value: "t42" }]);
    expect(last()).toMatchObject({ method: "PUT", path: "/asterisk/config/dynamic/res_pjsip/endpoint/t42-1001" });
    expect(JSON.parse(last()?.body ?? "")).toEqual({ fields: [{ attribute: "context", value: "t42" }] });
  });

  it("unwraps channel variables", async () => {
    server.reply(() => ({ status: 200, json: { value: "t42" } }));
    await expect(ari.channels.getVariable("c1", "TENANT")).resolves.toBe("t42");
    expect(last()?.query).toEqual({ variable: "TENANT" });
  });

  it("maps HTTP errors to AriError with status, method and path", async () => {
    server.reply(() => ({ status: 404, json: { message: "Channel not found" } }));
    const err = await ari.channels.answer("gone").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AriError);
    expect(err).toMatchObject({ kind: "http", status: 404, method: "POST", path: "/channels/gone/answer", pathTemplate: "/channels/{channelId}/answer", isNotFound: true });
    expect((err as Error).message).toContain("Channel not found");
  });

  it("times out slow calls", async () => {
    server.reply(() => ({ status: 204, delayMs: 1000 }));
    await expect(ari.bridges.destroy("b1")).rejects.toMatchObject({ kind: "timeout", status: undefined, method: "DELETE" });
  });

  it("reports network failures as AriError", async () => {
    const offline = new AriClient({ baseUrl: "http://127.0.0.1:1/ari", username: "u", password: "p", app: "a" });
    await expect(offline.asterisk.ping()).rejects.toMatchObject({ kind: "network", name: "AriError" });
  });

  it("refuses operations and params that are not declared", async () => {
    const request = ari.request as (m: string, p: string, a?: object) => Promise<unknown>;
    await expect(request("POST", "/channels/{channelId}/snoop", { pathParams: { channelId: "c" } })).rejects.toThrow(/not in ARI_OPERATIONS/);
    await expect(request("POST", "/channels/{channelId}/answer", { pathParams: { channelId: "c" }, query: { x: 1 } })).rejects.toThrow(/'x' is not a query param/);
    await expect(request("POST", "/channels/{channelId}/play", { pathParams: { channelId: "c" } })).rejects.toThrow(/needs 'media'/);
    await expect(request("POST", "/channels/{channelId}/answer", {})).rejects.toThrow(/needs path param 'channelId'/);
    await expect(request("DELETE", "/channels/{channelId}", { pathParams: { channelId: "c" }, query: { reason: "hungry" } })).rejects.toThrow(/not an allowed reason/);
    expect(server.requests).toHaveLength(0);
  });
});
