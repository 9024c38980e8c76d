import { describe, expect, it } from "vitest";
import { checkDeclaredRequest, matchDeclaredOperation } from "./operation-match";

// These run without Asterisk's spec files: the simulator relies on them at run time.
describe("matchDeclaredOperation", () => {
  it("matches a concrete path, with or without /ari, and decodes path params", () => {
    const match = matchDeclaredOperation("post", "/ari/channels/abc%2F1/answer?x=1");
    expect(match?.operation.path).toBe("/channels/{channelId}/answer");
    expect(match?.pathParams).toEqual({ channelId: "abc/1" });
  });
  it("prefers literal segments over placeholders", () => {
    expect(matchDeclaredOperation("POST", "/channels/create")?.operation.path).toBe("/channels/create");
    expect(matchDeclaredOperation("POST", "/channels/some-id")?.operation.path).toBe("/channels/{channelId}");
  });
  it("knows nothing the client does not declare", () => {
    expect(matchDeclaredOperation("POST", "/channels/c1/snoop")).toBeUndefined();
    expect(matchDeclaredOperation("GET", "/channels/c1/answer")).toBeUndefined();
  });
});

describe("checkDeclaredRequest", () => {
  it("accepts a conforming request, including the global api_key", () => {
    const query = { endpoint: "PJSIP/1001", app: "centrex", timeout: "30", api_key: "u:p" };
    expect(checkDeclaredRequest("POST", "/channels", { query, body: { variables: { A: "1" } } })).toEqual([]);
  });
  it("reports unknown, missing and invalid params", () => {
    expect(checkDeclaredRequest("POST", "/channels", { query: { app: "x" } })).toEqual(["query 'endpoint' is required"]);
    expect(checkDeclaredRequest("POST", "/channels/c1/answer", { query: { loud: "true" } })[0]).toMatch(/'loud' is not defined/);
    expect(checkDeclaredRequest("POST", "/channels", { query: { endpoint: "a", timeout: "soon" } })[0]).toMatch(/not a valid int/);
    expect(checkDeclaredRequest("DELETE", "/channels/c1", { query: { reason: "hungry" } })[0]).toMatch(/not one of/);
    expect(checkDeclaredRequest("POST", "/bridges/b1/addChannel", { query: { channel: "c1", mute: "yes" } })[0]).toMatch(/not a valid boolean/);
    expect(checkDeclaredRequest("POST", "/channels/c1/answer", { body: { x: 1 } })[0]).toMatch(/body 'x' is not defined/);
    expect(checkDeclaredRequest("POST", "/nope")[0]).toMatch(/no such ARI operation/);
  });
});
