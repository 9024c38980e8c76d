import { describe, expect, it } from "vitest";
import { scopeArgs } from "./tenancy-scope";

const T = "tenant-a";

describe("scopeArgs", () => {
  it.each(["findUnique", "findFirst", "findMany", "count", "aggregate", "groupBy", "update", "updateMany", "delete", "deleteMany"])(
    "adds the tenant to where for %s, overriding one given",
    (op) => {
      expect(scopeArgs(op, { where: { id: "x", tenantId: "tenant-b" } }, T)).toEqual({ where: { id: "x", tenantId: T } });
    },
  );

  it("adds where when there is none", () => {
    expect(scopeArgs("findMany", undefined, T)).toEqual({ where: { tenantId: T } });
  });

  it("stamps create data and every createMany row", () => {
    expect(scopeArgs("create", { data: { name: "a", tenantId: "tenant-b" } }, T)).toEqual({ data: { name: "a", tenantId: T } });
    expect(scopeArgs("createMany", { data: [{ n: 1 }, { n: 2 }] }, T)).toEqual({ data: [{ n: 1, tenantId: T }, { n: 2, tenantId: T }] });
    expect(scopeArgs("createManyAndReturn", { data: { n: 1 } }, T)).toEqual({ data: [{ n: 1, tenantId: T }] });
  });

  it("scopes both halves of an upsert", () => {
    expect(scopeArgs("upsert", { where: { id: "x" }, create: { n: 1 }, update: { n: 2 } }, T)).toEqual({
      where: { id: "x", tenantId: T },
      create: { n: 1, tenantId: T },
      update: { n: 2 },
    });
  });

  it("refuses relation-style tenant writes", () => {
    expect(() => scopeArgs("create", { data: { tenant: { connect: { id: "tenant-b" } } } }, T)).toThrow(/Tenant relations/);
  });

  it("fails closed on operations it does not know", () => {
    expect(() => scopeArgs("$queryRaw", {}, T)).toThrow(/not allowed/);
    expect(() => scopeArgs("someFutureOperation", {}, T)).toThrow(/not allowed/);
  });
});
