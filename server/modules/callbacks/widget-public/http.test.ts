import { describe, expect, it } from "vitest";
import { baseHeaders, errorResponse, matchOrigin, preflightResponse } from "./http";

const ALLOWED = ["https://www.acme.example", "http://localhost:8080"];

describe("[CALLBACKS] widget CORS", () => {
  it("allows exactly the stored origins", () => {
    expect(matchOrigin("https://www.acme.example", ALLOWED)).toBe("https://www.acme.example");
    expect(matchOrigin("http://localhost:8080", ALLOWED)).toBe("http://localhost:8080");
    for (const other of ["https://acme.example", "http://www.acme.example", "https://www.acme.example:444", "http://localhost:8081", "https://www.acme.example.evil.example"]) {
      expect(matchOrigin(other, ALLOWED)).toBeNull();
    }
  });

  it("refuses no Origin, the opaque origin and anything that is not a bare origin", () => {
    for (const bad of [null, "", "null", "https://www.acme.example/", "https://www.acme.example/page", "https://u:p@www.acme.example", "www.acme.example", "*"]) {
      expect(matchOrigin(bad, [...ALLOWED, "null", "*"])).toBeNull();
    }
  });

  it("names the origin (never *) and varies by Origin; nothing for a refused origin", () => {
    const allowed = baseHeaders({ allowedOrigin: "https://www.acme.example", methods: "GET", headers: "" });
    expect(allowed.get("access-control-allow-origin")).toBe("https://www.acme.example");
    expect(allowed.get("vary")).toBe("Origin");
    expect(allowed.get("cache-control")).toBe("no-store");
    const refused = baseHeaders({ allowedOrigin: null, methods: "GET", headers: "" });
    expect(refused.get("access-control-allow-origin")).toBeNull();
    expect(refused.get("vary")).toBe("Origin");
  });

  it("answers a preflight with 204 and the methods for an allowed origin, 403 otherwise", async () => {
    const ok = preflightResponse({ allowedOrigin: "http://localhost:8080", methods: "POST, OPTIONS", headers: "Content-Type" });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
    expect(ok.headers.get("access-control-allow-headers")).toBe("Content-Type");
    const no = preflightResponse({ allowedOrigin: null, methods: "POST, OPTIONS", headers: "Content-Type" });
    expect(no.status).toBe(403);
    expect(no.headers.get("access-control-allow-origin")).toBeNull();
    expect(await no.json()).toEqual({ error: { code: "ORIGIN_NOT_ALLOWED", message: expect.any(String) } });
  });

  it("sends Retry-After with 429 and 503 only, in whole seconds", () => {
    expect(errorResponse(429, "RATE_LIMITED", "m", baseHeaders(null), 12.2).headers.get("retry-after")).toBe("13");
    expect(errorResponse(503, "CHECK_UNAVAILABLE", "m", baseHeaders(null), 30).headers.get("retry-after")).toBe("30");
    expect(errorResponse(422, "CLOSED", "m", baseHeaders(null), 30).headers.get("retry-after")).toBeNull();
  });
});
