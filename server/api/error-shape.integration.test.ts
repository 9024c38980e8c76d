import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it, vi } from "vitest";
import { db } from "../db";
import { AppError } from "../errors";
import { createContextInner } from "./context";
import { createTRPCRouter, publicProcedure } from "./trpc";

// A router of the app's own procedures (same middleware and formatter) that fail on purpose.
const router = createTRPCRouter({
  boom: publicProcedure.query(() => {
    throw new Error("connection string postgres://secret@db leaked");
  }),
  expected: publicProcedure.query(() => {
    throw new AppError("CONFLICT", "That name is taken.", { fieldErrors: { name: "Taken" } });
  }),
  // A NUL byte that reaches PostgreSQL (error 22021) through the real driver adapter.
  nul: publicProcedure.query(async () => {
    await db.partner.create({ data: { name: "bad\u0000name" } });
    return "stored";
  }),
});

async function call(path: string) {
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`),
    router,
    createContext: () => createContextInner({ user: null, requestId: "req-123" }),
  });
  // superjson wraps the payload: { error: { json: shape } }.
  const raw = (await res.json()) as { error: { json: { message: string; data: Record<string, unknown> } } };
  return { status: res.status, body: { error: raw.error.json } };
}

describe("[ERRORS] the API's error contract", () => {
  it("hides unexpected errors behind a generic message with the request id, and logs them", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const { status, body } = await call("boom");
    expect(status).toBe(500);
    expect(body.error.message).toBe("Something went wrong. Reference: req-123");
    expect(JSON.stringify(body)).not.toContain("secret");
    expect(log.mock.calls.some((args) => String(args[0]).includes("req-123"))).toBe(true);
    log.mockRestore();
  });

  it("answers text PostgreSQL cannot store (a NUL byte) with 400, and stores nothing", async () => {
    const { status, body } = await call("nul");
    expect(status).toBe(400);
    expect(body.error.data).toMatchObject({ appCode: "INVALID" });
    expect(await db.partner.count({ where: { name: { startsWith: "bad" } } })).toBe(0);
  });

  it("passes expected errors through with a stable code and field messages", async () => {
    const { status, body } = await call("expected");
    expect(status).toBe(409);
    expect(body.error.message).toBe("That name is taken.");
    expect(body.error.data).toMatchObject({ code: "CONFLICT", appCode: "CONFLICT", fieldErrors: { name: "Taken" } });
  });
});
