/** The provisioner against the ARI simulator, which merges PUTs into existing objects as Asterisk does. */
import { afterEach, beforeEach, expect, it } from "vitest";
import type { SipAccountRow } from "../dialplan/sip-account-queries";
import { silentLogger } from "../log";
import { startBench, type Bench } from "../simulator/test-helpers";
import { createProvisioner } from "./provisioner";

let bench: Bench;
let accounts: SipAccountRow[];
let requests: string[];

const account = (over: Partial<SipAccountRow> = {}): SipAccountRow => ({
  id: "s1", tenantId: "t1", username: "t1-201", authMd5: "0123abcd", realm: "centrex",
  extension: { number: "201", displayName: "Alice" }, ...over,
});
const fields = (type: string, id = "t1-201") => bench.sim.scenario.snapshot().config[`res_pjsip/${type}/${id}`];
const attributes = (type: string) => (fields(type) ?? []).map((t) => t.attribute).sort();

beforeEach(async () => {
  bench = await startBench();
  accounts = [account()];
  requests = [];
  const original = bench.ari.asterisk;
  const spy = <K extends "putObject" | "deleteObject">(name: K) => {
    const fn = original[name].bind(original) as (...args: never[]) => Promise<unknown>;
    (original as Record<K, unknown>)[name] = (...args: never[]) => {
      requests.push(`${name} ${(args[0] as unknown as { objectType: string }).objectType}`);
      return fn(...args);
    };
  };
  spy("putObject");
  spy("deleteObject");
});
afterEach(() => bench.close());

const provisioner = () => createProvisioner({
  ari: bench.ari, log: silentLogger(), listAll: async () => accounts,
  findChanged: async (id) => accounts.filter((a) => a.id === id || a.tenantId === id), staticEndpoints: ["trunk"],
});

it("creates an account's objects once and leaves them alone while nothing changed", async () => {
  expect(await provisioner().fullSync()).toMatchObject({ pushed: 1, unchanged: 0, failed: 0 });
  expect(requests.filter((r) => r.startsWith("putObject"))).toEqual(["putObject auth", "putObject aor", "putObject endpoint"]);
  requests = [];
  expect(await provisioner().fullSync()).toMatchObject({ pushed: 0, unchanged: 1, failed: 0 });
  expect(requests).toEqual([]);
});

it("re-creates the objects when a field must disappear, so exactly the database's fields remain", async () => {
  await provisioner().fullSync();
  expect(attributes("endpoint")).toContain("callerid");
  bench.sim.scenario.registerPhone({ endpoint: "t1-201" });
  requests = [];
  accounts = [account({ extension: null })];
  await provisioner().syncChanged("s1");
  // A plain PUT would merge: the old callerid would survive in Asterisk.
  expect(attributes("endpoint")).not.toContain("callerid");
  expect(attributes("endpoint")).toEqual(["allow", "aors", "auth", "context", "direct_media", "disallow", "set_var", "transport"]);
  // Only the endpoint changed: auth and AOR are untouched, so the phone stays registered.
  expect(requests).toEqual(["deleteObject endpoint", "putObject endpoint"]);
  expect(bench.sim.scenario.snapshot().registrations.map((r) => r.endpoint)).toEqual(["t1-201"]);
});

it("PUTs a changed auth over the old one without deleting the AOR", async () => {
  await provisioner().fullSync();
  requests = [];
  accounts = [account({ authMd5: "fedc3210" })];
  await provisioner().fullSync();
  expect(requests).toEqual(["putObject auth", "deleteObject endpoint", "putObject endpoint"]);
  expect(fields("auth")?.find((t) => t.attribute === "md5_cred")?.value).toBe("fedc3210");
});

it("deletes the PJSIP objects of accounts the database no longer has, never a trunk", async () => {
  await provisioner().fullSync();
  accounts = [];
  expect(await provisioner().fullSync()).toMatchObject({ deleted: 1, failed: 0 });
  expect(fields("endpoint")).toBeUndefined();
  expect(fields("auth")).toBeUndefined();
});
