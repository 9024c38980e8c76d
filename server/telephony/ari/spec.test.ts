import { describe, expect, it } from "vitest";
import { checkRequest, findOperation, hasAriSpec, validateModel } from "./spec";
import { stasisStartFixture } from "./test-fixtures";

const withSpec = describe.runIf(hasAriSpec("the spec loader and its checks"));

withSpec("findOperation", () => {
  it("matches a concrete path against templates and decodes path params", () => {
    const match = findOperation("post", "/ari/channels/abc%2F1/answer?x=1");
    expect(match?.operation.path).toBe("/channels/{channelId}/answer");
    expect(match?.operation.nickname).toBe("answer");
    expect(match?.pathParams).toEqual({ channelId: "abc/1" });
  });
  it("prefers literal segments over placeholders", () => {
    expect(findOperation("POST", "/channels/create")?.operation.nickname).toBe("create");
    expect(findOperation("POST", "/channels/some-id")?.operation.nickname).toBe("originateWithId");
  });
  it("lists params with their kind, requirement and allowed values", () => {
    const op = findOperation("DELETE", "/channels/c1")?.operation;
    const reason = op?.params.find((p) => p.name === "reason");
    expect(reason).toMatchObject({ paramType: "query", required: false });
    expect(reason?.allowedValues).toContain("busy");
    const fields = findOperation("PUT", "/asterisk/config/dynamic/res_pjsip/endpoint/1001")?.operation.params;
    expect(fields?.find((p) => p.name === "fields")?.paramType).toBe("body");
    // endpoints.json omits `required` on path params; they are required anyway.
    expect(findOperation("GET", "/endpoints/PJSIP/1001")?.operation.params.every((p) => p.required)).toBe(true);
  });
  it("returns undefined for unknown paths and methods", () => {
    expect(findOperation("GET", "/channels/c1/answer")).toBeUndefined();
    expect(findOperation("POST", "/nope")).toBeUndefined();
  });
});

withSpec("validateModel", () => {
  it("accepts a valid StasisStart", () => {
    expect(validateModel("StasisStart", stasisStartFixture())).toEqual([]);
  });
  it("requires the Event and Message fields an event inherits", () => {
    const { application: _a, timestamp: _t, ...rest } = stasisStartFixture();
    expect(validateModel("StasisStart", rest).sort()).toEqual([
      "StasisStart.application: required by StasisStart",
      "StasisStart.timestamp: required by StasisStart",
    ]);
    const { type: _type, ...untyped } = stasisStartFixture();
    expect(validateModel("StasisStart", untyped)[0]).toMatch(/StasisStart\.type/);
  });
  it("reports a missing required field in a nested model", () => {
    const event = stasisStartFixture();
    const { dialplan: _d, ...channel } = event.channel;
    expect(validateModel("StasisStart", { ...event, channel })).toEqual(["StasisStart.channel.dialplan: required by Channel"]);
  });
  it("reports wrong types", () => {
    const event = stasisStartFixture();
    expect(validateModel("StasisStart", { ...event, args: "inbound" })[0]).toMatch(/args: expected List\[string\]/);
    expect(validateModel("StasisStart", { ...event, args: [1] })[0]).toMatch(/args\[0\]: expected string/);
    const channel = { ...event.channel, dialplan: { ...event.channel.dialplan, priority: 1.5 } };
    expect(validateModel("StasisStart", { ...event, channel })[0]).toMatch(/priority: expected long/);
    expect(validateModel("StasisStart", { ...event, timestamp: "yesterday" })[0]).toMatch(/timestamp: expected Date/);
  });
  it("enforces allowableValues, the discriminator and unknown fields", () => {
    const event = stasisStartFixture();
    expect(validateModel("StasisStart", { ...event, channel: { ...event.channel, state: "Talking" } })[0]).toMatch(/not one of/);
    expect(validateModel("StasisStart", { ...event, type: "StasisEnd" })[0]).toMatch(/not StasisStart or a subtype/);
    expect(validateModel("Event", { ...event, type: "Bogus" })[0]).toMatch(/not Event or a subtype/);
    expect(validateModel("StasisStart", { ...event, extra: 1 })).toEqual(["StasisStart.extra: not defined by StasisStart"]);
    expect(validateModel("StasisStart", { ...event, extra: 1 }, { allowExtraProperties: true })).toEqual([]);
    expect(validateModel("NoSuchModel", {})).toEqual(["spec has no model 'NoSuchModel'"]);
  });
});

withSpec("checkRequest", () => {
  it("accepts a conforming request, including the global api_key", () => {
    expect(checkRequest("POST", "/ari/channels/c1/play", { query: { media: "sound:a,sound:b", skipms: "100", api_key: "u:p" } })).toEqual([]);
  });
  it("reports unknown, missing and invalid params", () => {
    expect(checkRequest("POST", "/channels/c1/play", { query: { media: "sound:a", volume: "3" } })[0]).toMatch(/'volume' is not defined/);
    expect(checkRequest("POST", "/channels/c1/play", {})).toEqual(["query 'media' is required"]);
    expect(checkRequest("POST", "/channels/c1/play", { query: { media: "m", skipms: "fast" } })[0]).toMatch(/not a valid int/);
    expect(checkRequest("DELETE", "/channels/c1", { query: { reason: "hungry" } })[0]).toMatch(/not one of/);
    expect(checkRequest("POST", "/channels", { query: { endpoint: "PJSIP/1" }, body: { vars: {} } })[0]).toMatch(/body 'vars'/);
    expect(checkRequest("GET", "/nope")[0]).toMatch(/no such ARI operation/);
  });
});
