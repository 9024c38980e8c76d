/**
 * Telnyx's number ordering API v2 (developers.telnyx.com: "List available phone numbers",
 * "Create a number order", "Retrieve a number order", "List number orders", "List phone
 * numbers", "Delete a phone number"). Bearer authentication; JSON bodies; errors as
 * `{ errors: [{ code, title, detail }] }`. Every call has a timeout, and every answer is
 * checked before it is believed: a vendor that answers garbage is an error, not a number.
 */
import { z } from "zod";
import { SupplierError, type DidSupplierAdapter, type SupplierOrder, type SupplierSearch } from "./types";

const DEFAULT_TIMEOUT_MS = 10_000;

const ZStatus = z.enum(["pending", "success", "failure"]);
const ZE164 = z.string().regex(/^\+[1-9]\d{6,14}$/);

const ZOrder = z.object({
  id: z.string().min(1),
  status: ZStatus,
  customer_reference: z.string().nullish(),
  phone_numbers: z.array(z.object({ phone_number: ZE164, status: ZStatus.or(z.string()).nullish() })).default([]),
});
const ZAvailable = z.object({
  data: z.array(
    z.object({
      phone_number: ZE164,
      region_information: z.array(z.object({ region_type: z.string().nullish(), region_name: z.string().nullish() })).nullish(),
    }),
  ),
});
const ZErrors = z.object({ errors: z.array(z.object({ title: z.string().nullish(), detail: z.string().nullish() })).min(1) });

export type TelnyxOptions = { baseUrl: string; apiKey: string; timeoutMs?: number };

export function telnyxAdapter({ baseUrl, apiKey, timeoutMs = DEFAULT_TIMEOUT_MS }: TelnyxOptions): DidSupplierAdapter {
  const root = baseUrl.replace(/\/+$/, "");

  async function call(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    let response: Response;
    try {
      response = await fetch(`${root}${path}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, accept: "application/json", ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: "error",
      });
    } catch (err) {
      const isTimeout = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
      throw new SupplierError(isTimeout ? "timeout" : "unavailable", isTimeout ? "Telnyx did not answer in time." : "Telnyx could not be reached.", { cause: err });
    }
    const text = await response.text().catch(() => "");
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      if (response.ok) throw new SupplierError("invalid_response", `Telnyx answered ${method} ${path} with something that is not JSON.`);
    }
    if (response.ok) return { status: response.status, json };
    const detail = describeErrors(json);
    if (response.status === 401 || response.status === 403) throw new SupplierError("auth", `Telnyx refused our API key${detail}.`);
    if (response.status >= 500 || response.status === 429) throw new SupplierError("unavailable", `Telnyx is having trouble (HTTP ${response.status})${detail}.`);
    throw new SupplierError("declined", `Telnyx refused the request (HTTP ${response.status})${detail}.`);
  }

  function parse<T>(schema: z.ZodType<T>, json: unknown, what: string): T {
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SupplierError("invalid_response", `Telnyx's answer to ${what} was not in the documented shape.`);
    return parsed.data;
  }

  const toOrder = (data: z.infer<typeof ZOrder>): SupplierOrder => ({
    orderId: data.id,
    status: data.status,
    reference: data.customer_reference ?? null,
    numbers: data.phone_numbers.map((n) => ({ e164: n.phone_number, status: ZStatus.safeParse(n.status).data ?? data.status })),
  });

  return {
    async search({ countryIso, areaCode, contains, limit }: SupplierSearch) {
      const query = new URLSearchParams({ "filter[country_code]": countryIso, "filter[limit]": String(limit) });
      if (areaCode) query.set("filter[national_destination_code]", areaCode);
      if (contains) query.set("filter[phone_number][contains]", contains);
      const { json } = await call("GET", `/available_phone_numbers?${query}`);
      return parse(ZAvailable, json, "a number search").data.map((n) => ({
        e164: n.phone_number,
        area: n.region_information?.find((r) => r.region_name)?.region_name ?? null,
      }));
    },

    async order(e164, reference) {
      const { json } = await call("POST", "/number_orders", { phone_numbers: [{ phone_number: e164 }], customer_reference: reference });
      const order = toOrder(parse(z.object({ data: ZOrder }), json, "an order").data);
      if (order.status === "failure") throw new SupplierError("declined", `Telnyx could not fulfil the order for ${e164}.`);
      return order;
    },

    async orderStatus(orderId) {
      const { json } = await call("GET", `/number_orders/${encodeURIComponent(orderId)}`);
      return toOrder(parse(z.object({ data: ZOrder }), json, "an order lookup").data);
    },

    async findOrderByReference(reference) {
      const query = new URLSearchParams({ "filter[customer_reference]": reference });
      const { json } = await call("GET", `/number_orders?${query}`);
      const orders = parse(z.object({ data: z.array(ZOrder) }), json, "an order search").data;
      // The filter is the vendor's; check it ourselves too, since acting on someone else's order would be worse than none.
      const match = orders.find((o) => o.customer_reference === reference);
      return match ? toOrder(match) : null;
    },

    async release(e164) {
      const query = new URLSearchParams({ "filter[phone_number]": e164 });
      const { json } = await call("GET", `/phone_numbers?${query}`);
      const numbers = parse(z.object({ data: z.array(z.object({ id: z.string().min(1), phone_number: ZE164 })) }), json, "a number lookup").data;
      const owned = numbers.find((n) => n.phone_number === e164);
      if (!owned) return; // already gone at the vendor: released is released
      await call("DELETE", `/phone_numbers/${encodeURIComponent(owned.id)}`);
    },
  };
}

function describeErrors(json: unknown): string {
  const parsed = ZErrors.safeParse(json);
  if (!parsed.success) return "";
  const first = parsed.data.errors[0]!;
  const text = [first.title, first.detail].filter(Boolean).join(": ").replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, 200);
  return text ? `: ${text}` : "";
}
