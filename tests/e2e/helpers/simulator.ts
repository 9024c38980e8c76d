/**
 * Drives the worker's ARI simulator through its scenario API, as a phone or a caller would:
 * registrations and calls then flow through the real worker, database, NOTIFY and SSE.
 */
import { inject } from "vitest";
import { SIMULATOR_AUTH } from "../../setup/e2e-server";

export async function scenario<T = unknown>(method: string, body: Record<string, unknown>): Promise<T> {
  const auth = Buffer.from(`${SIMULATOR_AUTH.username}:${SIMULATOR_AUTH.password}`).toString("base64");
  const res = await fetch(`${inject("simulatorUrl")}/scenario/${method}`, {
    method: "POST",
    headers: { authorization: `Basic ${auth}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`scenario ${method} failed: HTTP ${res.status} ${await res.text()}`);
  const text = await res.text(); // methods without a result answer with an empty body
  return (text ? JSON.parse(text) : undefined) as T;
}
