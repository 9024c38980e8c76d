/**
 * Failed calls that carry passwords never put them in a log: the browser's tRPC client (with
 * the portal's error link) talks over real HTTP to the app router, and every console line
 * either side writes is captured and searched for the passwords sent.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { errorLogLink } from "@/components/providers/error-log-link";
import { createContextInner } from "@/server/api/context";
import { appRouter, type AppRouter } from "@/server/api/root";
import { seedPartner, seedTenant, sessionUser } from "../fixtures/seed-tenant";

const SECRETS = ["Never-logged-current-1", "Never-logged-new-2", "Never-logged-create-3"];

describe("[LOGS] secrets in failed calls", () => {
  let server: http.Server;
  let baseUrl: string;
  const lines: string[] = [];

  beforeAll(async () => {
    const { partner } = await seedPartner();
    const { admin } = await seedTenant({ partnerId: partner.id });
    const user = await sessionUser(admin.id);
    server = http.createServer(async (req, res) => {
      const body = await new Promise<Buffer>((resolve) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve(Buffer.concat(chunks)));
      });
      const response = await fetchRequestHandler({
        endpoint: "/api/trpc",
        req: new Request(`http://localhost${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: req.method === "POST" ? new Uint8Array(body) : undefined }),
        router: appRouter,
        createContext: () => createContextInner({ user, requestId: "req-secrets" }),
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" ")));
    }
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await new Promise((resolve) => server.close(resolve));
  });

  it("logs which call failed and why, and never the passwords it carried", async () => {
    const client = createTRPCClient<AppRouter>({
      links: [errorLogLink<AppRouter>((line) => console.warn(line)), httpBatchLink({ url: `${baseUrl}/api/trpc`, transformer: superjson })],
    });
    // Wrong current password: the service refuses it.
    await expect(client.account.changePassword.mutate({ currentPassword: SECRETS[0]!, newPassword: SECRETS[1]!, confirmPassword: SECRETS[1]! })).rejects.toThrow();
    // Invalid email: refused by the schema, with the password beside it.
    await expect(client.user.create.mutate({ name: "Leak Test", email: "not-an-email", role: "EXTENSION_USER", password: SECRETS[2]! })).rejects.toThrow();

    expect(lines.some((line) => line.includes("mutation account.changePassword failed"))).toBe(true);
    expect(lines.some((line) => /mutation user\.create failed \(BAD_REQUEST\): email: Enter a valid email address/.test(line))).toBe(true);
    for (const secret of SECRETS) expect(lines.filter((line) => line.includes(secret))).toEqual([]);
  });
});
