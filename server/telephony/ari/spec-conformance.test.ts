import { beforeAll, describe, expect, it } from "vitest";
import { ARI_EVENT_TYPES } from "./events";
import { ARI_OPERATIONS, type AriOperation } from "./operations";
import { checkOperationDeclaration, hasAriSpec, loadAriSpec, type AriSpec } from "./spec";
import { bridgeFixture, channelFixture, endpointFixture, eventFixtures, playbackFixture, recordingFixture } from "./test-fixtures";

const withSpec = describe.runIf(hasAriSpec("the client's operations, events and fixtures against Asterisk's spec"));
let spec: AriSpec;
beforeAll(() => {
  if (hasAriSpec("spec conformance")) spec = loadAriSpec();
});

withSpec("ARI client operations conform to Asterisk's spec", () => {
  it.each(ARI_OPERATIONS.map((op) => [`${op.method} ${op.path}`, op] as const))("%s", (_, op) => {
    expect(checkOperationDeclaration(spec, op)).toEqual([]);
  });

  it("lists each method+path once", () => {
    const keys = ARI_OPERATIONS.map((op) => `${op.method} ${op.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

withSpec("checkOperationDeclaration catches what Asterisk does not define", () => {
  const valid: AriOperation = { method: "POST", path: "/channels/{channelId}/play", query: { media: "required" }, body: {} };

  it("accepts a valid declaration (control)", () => {
    expect(checkOperationDeclaration(spec, valid)).toEqual([]);
  });
  it("rejects a bogus path and a wrong method", () => {
    expect(checkOperationDeclaration(spec, { ...valid, path: "/channels/{channelId}/playSound" })).toHaveLength(1);
    expect(checkOperationDeclaration(spec, { ...valid, method: "PUT" })[0]).toMatch(/no such operation/);
  });
  it("rejects a bogus query param", () => {
    const errors = checkOperationDeclaration(spec, { ...valid, query: { media: "required", volume: "optional" } });
    expect(errors).toEqual([expect.stringMatching(/'volume' is not defined/)]);
  });
  it("rejects a query param sent as body and vice versa", () => {
    expect(checkOperationDeclaration(spec, { ...valid, query: {}, body: { media: "required" } })[0]).toMatch(/query param, not body/);
    const originate = { method: "POST", path: "/channels", query: { endpoint: "required", variables: "optional" }, body: {} } as const;
    expect(checkOperationDeclaration(spec, originate)[0]).toMatch(/'variables' is a body param, not query/);
  });
  it("rejects a required param that is not always sent", () => {
    expect(checkOperationDeclaration(spec, { ...valid, query: { media: "optional" } })[0]).toMatch(/required query param 'media'/);
    expect(checkOperationDeclaration(spec, { ...valid, query: {} })[0]).toMatch(/required query param 'media'/);
  });
  it("rejects a path placeholder Asterisk does not name that way", () => {
    expect(checkOperationDeclaration(spec, { ...valid, path: "/channels/{id}/play" })[0]).toMatch(/no such operation/);
  });
  it("rejects a scalar param declared as a string, or with the wrong type", () => {
    const dial = { method: "POST", path: "/channels/{channelId}/dial", query: { timeout: "optional" }, body: {} } as const;
    expect(checkOperationDeclaration(spec, { ...dial, types: { timeout: "int" } })).toEqual([]);
    expect(checkOperationDeclaration(spec, dial)[0]).toMatch(/'timeout' is declared as string, Asterisk says int/);
    expect(checkOperationDeclaration(spec, { ...dial, types: { timeout: "boolean" } })[0]).toMatch(/declared as boolean/);
    expect(checkOperationDeclaration(spec, { ...valid, types: { media: "int" } })[0]).toMatch(/'media' is declared as int, Asterisk says string/);
  });
  it("rejects an enum value Asterisk does not allow", () => {
    const hangup = { method: "DELETE", path: "/channels/{channelId}", query: { reason: "optional" }, body: {}, values: { reason: ["normal", "hungry"] } } as const;
    expect(checkOperationDeclaration(spec, hangup)).toEqual([expect.stringMatching(/'hungry' is not allowed/)]);
  });
});

withSpec("typed events and fixtures conform to the spec's models", () => {
  it.each([...ARI_EVENT_TYPES])("%s is an Event subtype", (type) => {
    expect(spec.models.Event?.subTypes).toContain(type);
  });
  it.each(eventFixtures().map((e) => [e.type, e] as const))("%s fixture validates", (type, event) => {
    expect(spec.validateModel(type, event)).toEqual([]);
    expect(spec.validateModel("Message", event)).toEqual([]);
  });
  it("resource fixtures validate", () => {
    expect(spec.validateModel("Channel", channelFixture())).toEqual([]);
    expect(spec.validateModel("Bridge", bridgeFixture())).toEqual([]);
    expect(spec.validateModel("Endpoint", endpointFixture())).toEqual([]);
    expect(spec.validateModel("Playback", playbackFixture())).toEqual([]);
    expect(spec.validateModel("LiveRecording", recordingFixture())).toEqual([]);
  });
});
