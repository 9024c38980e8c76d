import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTelnyxLocal, type TelnyxLocal } from "@/tests/fixtures/telnyx-local";
import { telnyxAdapter } from "./telnyx";
import { SupplierError } from "./types";

let vendor: TelnyxLocal;
beforeEach(async () => {
  vendor = await startTelnyxLocal({ stock: { "+442079460777": "London", "+442079461234": "London", "+441614960000": "Manchester" } });
});
afterEach(() => vendor.close());

const adapter = (timeoutMs = 2_000) => telnyxAdapter({ baseUrl: vendor.baseUrl, apiKey: vendor.apiKey, timeoutMs });
const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as SupplierError);

describe("Telnyx adapter", () => {
  it("searches by country, area code and digits", async () => {
    expect(await adapter().search({ countryIso: "GB", areaCode: "20", contains: "777", limit: 10 })).toEqual([{ e164: "+442079460777", area: "London" }]);
    expect((await adapter().search({ countryIso: "GB", limit: 10 })).map((o) => o.e164)).toHaveLength(3);
    expect(vendor.requests[0]!.path).toContain("filter%5Bnational_destination_code%5D=20");
  });

  it("orders under our reference, finds the order by it, and releases the number", async () => {
    const order = await adapter().order("+442079460777", "ref-1");
    expect(order).toMatchObject({ status: "success", reference: "ref-1", numbers: [{ e164: "+442079460777", status: "success" }] });
    expect(await adapter().orderStatus(order.orderId)).toMatchObject({ orderId: order.orderId, status: "success" });
    expect((await adapter().findOrderByReference("ref-1"))?.orderId).toBe(order.orderId);
    expect(await adapter().findOrderByReference("ref-unknown")).toBeNull();
    await adapter().release("+442079460777");
    expect(vendor.deleted).toEqual(["+442079460777"]);
    await adapter().release("+442079460777"); // already gone: still done
    expect(vendor.countOf("deleteNumber")).toBe(1);
  });

  it("tells a declined order from an ambiguous failure", async () => {
    vendor.failNext("order", "decline");
    const declined = await failureOf(adapter().order("+442079460777", "ref-2"));
    expect(declined).toMatchObject({ kind: "declined", isAmbiguous: false });
    expect(declined?.message).toContain("no longer available");

    vendor.failNext("order", "5xx");
    expect(await failureOf(adapter().order("+442079460777", "ref-3"))).toMatchObject({ kind: "unavailable", isAmbiguous: true });

    vendor.failNext("order", "hang");
    expect(await failureOf(adapter(300).order("+442079460777", "ref-4"))).toMatchObject({ kind: "timeout", isAmbiguous: true });

    vendor.failNext("search", "garbage");
    expect(await failureOf(adapter().search({ countryIso: "GB", limit: 1 }))).toMatchObject({ kind: "invalid_response" });
  });

  it("reports a refused key as an auth failure", async () => {
    const wrongKey = telnyxAdapter({ baseUrl: vendor.baseUrl, apiKey: "KEY_wrong" });
    expect(await failureOf(wrongKey.search({ countryIso: "GB", limit: 1 }))).toMatchObject({ kind: "auth" });
  });

  it("does not believe an answer in the wrong shape", async () => {
    // A number that is not E.164 in a search answer is garbage, not a number for sale.
    vendor.stock.clear();
    vendor.stock.set("+44", null);
    const bad = await failureOf(adapter().search({ countryIso: "GB", limit: 10 }));
    expect(bad).toMatchObject({ kind: "invalid_response" });
  });
});
