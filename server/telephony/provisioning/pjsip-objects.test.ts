import { describe, expect, it } from "vitest";
import { pjsipObjectsFor, pjsipRefsToDelete, provisionedFingerprints } from "./pjsip-objects";

const field = (fields: { attribute: string; value: string }[], name: string) => fields.find((f) => f.attribute === name)?.value;

describe("pjsipObjectsFor", () => {
  const objects = pjsipObjectsFor({ username: "t1-201", authMd5: "abc", realm: "centrex", extension: { number: "201", displayName: 'Al "The" <Boss>' } });

  it("pushes auth and aor before the endpoint that references them", () => {
    expect(objects.map((o) => o.ref.objectType)).toEqual(["auth", "aor", "endpoint"]);
    expect(objects.every((o) => o.ref.id === "t1-201" && o.ref.configClass === "res_pjsip")).toBe(true);
  });

  it("uses md5 credentials, one contact with qualify, and a sanitised caller id", () => {
    const [auth, aor, endpoint] = objects;
    expect(field(auth!.fields, "auth_type")).toBe("md5");
    expect(field(auth!.fields, "md5_cred")).toBe("abc");
    expect(field(aor!.fields, "max_contacts")).toBe("1");
    expect(field(aor!.fields, "qualify_frequency")).toBe("30");
    expect(field(endpoint!.fields, "callerid")).toBe('"Al The Boss" <201>');
    expect(field(endpoint!.fields, "direct_media")).toBe("no");
    expect(field(endpoint!.fields, "context")).toBe("from-internal");
  });

  it("omits the caller id of an account without an extension and deletes endpoint first", () => {
    const [, , endpoint] = pjsipObjectsFor({ username: "x", authMd5: "m", realm: "r", extension: null });
    expect(field(endpoint!.fields, "callerid")).toBeUndefined();
    expect(pjsipRefsToDelete("x").map((r) => r.objectType)).toEqual(["endpoint", "aor", "auth"]);
  });
});

describe("provisioned fingerprints", () => {
  const base = { username: "x", authMd5: "m", realm: "r", extension: { number: "201", displayName: "A" } };
  const stampOf = (a: typeof base | (Omit<typeof base, "extension"> & { extension: null })) =>
    provisionedFingerprints(pjsipObjectsFor(a)[2]!.fields);

  it("are stamped on the endpoint and read back in both forms a GET answers with", () => {
    const fp = stampOf(base)!;
    expect(fp.auth).toMatch(/^[0-9a-f]{12}$/);
    const stamp = `${fp.auth}.${fp.aor}.${fp.endpoint}`;
    // Asterisk answers the variable as its own tuple; the simulator as the set_var PUT.
    expect(provisionedFingerprints([{ attribute: "CENTREX_PROVISIONED", value: stamp }])).toEqual(fp);
    expect(provisionedFingerprints([{ attribute: "set_var", value: `OTHER=1;CENTREX_PROVISIONED=${stamp}` }])).toEqual(fp);
    expect(provisionedFingerprints([{ attribute: "callerid", value: "x" }])).toBeNull();
    expect(provisionedFingerprints([{ attribute: "CENTREX_PROVISIONED", value: "junk" }])).toBeNull();
  });
  it("change per object, only for the object whose fields changed", () => {
    const fp = stampOf(base)!;
    expect(stampOf({ ...base })).toEqual(fp);
    expect(stampOf({ ...base, authMd5: "n" })).toEqual({ ...fp, auth: expect.not.stringMatching(fp.auth) });
    const noExtension = stampOf({ ...base, extension: null })!;
    expect([noExtension.auth, noExtension.aor]).toEqual([fp.auth, fp.aor]);
    expect(noExtension.endpoint).not.toBe(fp.endpoint);
  });
});
