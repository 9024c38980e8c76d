/**
 * GET /api/reports/export.csv through its handler: the session and input checks, the table's
 * numbers equal to reports.table's, and the calls streamed page by page by keyset with the
 * row count announced up front.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { unwatchedSession } from "@/server/web/session-bound-stream";
import { callerFor, seedPartner, sessionUser } from "@/tests/fixtures/seed-tenant";
import { insertCdrs, seedReportCompany, type TestCdr } from "@/tests/fixtures/seed-reports";
import { createReportExportHandler, TOTAL_ROWS_HEADER } from "./export";
import { reportExportUrl } from "./schema";

const RANGE = { preset: "custom" as const, from: "2027-04-01", to: "2027-04-30" };
const url = (path: string) => new Request(new URL(path, "http://portal.test"));
const exportAs = (user: SessionUser | null, path: string, pageSize = 3) => createReportExportHandler({ getSession: async () => unwatchedSession(user), pageSize })(url(path));

/** Reads the body chunk by chunk, as a page showing progress would. */
async function readChunks(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(decoder.decode(value));
  }
  const lines = chunks.join("").split("\r\n");
  expect(lines.pop()).toBe(""); // every line ends with CRLF
  return { chunks, lines: lines.map((l) => l.split(",")) };
}

describe("[REPORTS] CSV export", () => {
  let world: Awaited<ReturnType<typeof seedReportCompany>>;
  let admin: SessionUser;
  let alice: SessionUser;

  beforeAll(async () => {
    world = await seedReportCompany((await seedPartner()).partner.id);
    admin = await sessionUser(world.admin.id);
    alice = await sessionUser(world.alice.id);
    const cdrs: TestCdr[] = [];
    // 8 calls of Alice's, 3 of Bob's, 1 to no extension, on different April days and hours.
    for (let i = 0; i < 8; i++) cdrs.push({ extensionId: world.ext201.id, direction: i % 2 ? "OUTBOUND" : "INBOUND", disposition: i % 3 ? "ANSWERED" : "NO_ANSWER", startedAt: `2027-04-${String(2 + i).padStart(2, "0")}T0${i}:15:00Z`, ringSec: 4, talkSec: 30 + i, cost: i % 2 ? "0.1" : null });
    for (let i = 0; i < 3; i++) cdrs.push({ extensionId: world.ext202.id, direction: "INBOUND", disposition: "ANSWERED", startedAt: `2027-04-20T1${i}:00:00Z`, ringSec: 2, talkSec: 10 });
    cdrs.push({ extensionId: null, direction: "INBOUND", disposition: "BUSY", startedAt: "2027-04-30T22:30:00Z" }); // 23:30 BST, still the 30th
    cdrs.push({ extensionId: world.ext201.id, direction: "INBOUND", disposition: "ANSWERED", startedAt: "2027-04-30T23:30:00Z", talkSec: 5 }); // 1 May BST: outside
    await insertCdrs(world.tenant.id, cdrs);
  });

  it("needs a session and a customer account, and a valid range", async () => {
    expect((await exportAs(null, reportExportUrl({ range: RANGE }))).status).toBe(401);
    const staff = { ...admin, tenantId: null };
    expect((await exportAs(staff, reportExportUrl({ range: RANGE }))).status).toBe(403);
    expect((await exportAs(admin, "/api/reports/export.csv?range=custom&from=2027-04-30&to=2027-04-01")).status).toBe(400);
    expect((await exportAs(admin, "/api/reports/export.csv?range=custom&from=2026-01-01&to=2027-12-31")).status).toBe(400);
    const wrongKind = await exportAs(admin, "/api/reports/export.csv?range=today&kind=everything");
    expect(wrongKind.status).toBe(400);
    expect(await wrongKind.json()).toMatchObject({ error: { code: "invalid" } });
  });

  it("writes the report table with the same numbers as reports.table", async () => {
    const response = await exportAs(admin, reportExportUrl({ range: RANGE }));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="call-report-2027-04-01-to-2027-04-30.csv"');
    const table = await (await callerFor(world.admin.id)).reports.table({ range: RANGE });
    const { lines } = await readChunks(response);
    expect(lines[0]).toEqual(["Extension", "Calls in", "Calls out", "Answered", "Missed", "Answered (%)", "Talk time (s)", "Average talk (s)", "Average ring (s)", "Cost (GBP)"]);
    const asCells = (label: string, r: (typeof table)["total"] | (typeof table)["averagePerExtension"]) =>
      [label, r.callsIn, r.callsOut, r.answered, r.missed, r.answeredRate === null ? "" : Number((r.answeredRate * 100).toFixed(2)), r.talkSec, r.avgTalkSec ?? "", r.avgRingSec ?? "", r.cost === null ? "" : Number(r.cost)].map(String);
    expect(lines.slice(1)).toEqual([
      ...table.rows.map((r) => asCells(r.label, r)),
      asCells("Total", table.total),
      asCells("Average per extension", table.averagePerExtension),
    ]);
    expect(Number(response.headers.get(TOTAL_ROWS_HEADER))).toBe(lines.length - 1);
    expect(lines.find((l) => l[0] === "Total")!.slice(1, 3)).toEqual(["8", "4"]);
  });

  it("streams an admin's calls newest first, page by page, with the row count up front", async () => {
    const response = await exportAs(admin, reportExportUrl({ range: RANGE }, "calls"));
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="calls-2027-04-01-to-2027-04-30.csv"');
    expect(response.headers.get(TOTAL_ROWS_HEADER)).toBe("12");
    const { chunks, lines } = await readChunks(response);
    const [header, ...rows] = lines;
    expect(header).toEqual(["Started (Europe/London)", "Direction", "From", "To", "Extension", "Result", "Answered by", "Ring (s)", "Talk (s)", "Cost", "Currency"]);
    expect(rows).toHaveLength(12);
    // The header, then pages of 3: 3 + 3 + 3 + 3, then the empty page that ends it.
    expect(chunks.length).toBe(5);
    // A caller id is outside input: the CSV writer quotes a leading "+" so it opens as text, not a formula.
    expect(rows[0]!.slice(0, 6)).toEqual(["2027-04-30 23:30:00", "INBOUND", "'+447700900123", "201", "", "BUSY"]);
    const started = rows.map((r) => r[0]!);
    expect([...started].sort().reverse()).toEqual(started);
    expect(rows.filter((r) => r[4] === "201 Alice Archer")).toHaveLength(8);
    expect(rows.find((r) => r[1] === "OUTBOUND")!.slice(9)).toEqual(["0.1", "GBP"]);
  });

  it("gives an extension user only their own calls, and no cost columns when they may not see costs", async () => {
    const response = await exportAs(alice, reportExportUrl({ range: RANGE }, "calls"));
    expect(response.headers.get(TOTAL_ROWS_HEADER)).toBe("8");
    const { lines } = await readChunks(response);
    expect(lines[0]).not.toContain("Cost");
    expect(lines.slice(1).map((r) => r[4])).toEqual(Array(8).fill("201 Alice Archer"));
    const bobsOnly = await exportAs(alice, reportExportUrl({ range: RANGE, extensionIds: [world.ext202.id] }, "calls"));
    expect(bobsOnly.headers.get(TOTAL_ROWS_HEADER)).toBe("0");
    expect((await readChunks(bobsOnly)).lines).toHaveLength(1);
  });

  it("stops a calls export as soon as the session that started it ends", async () => {
    let endSession = () => {};
    let isWatching = false;
    const session = {
      user: admin,
      watch: (onEnd: () => void) => {
        endSession = onEnd;
        isWatching = true;
        return () => (isWatching = false);
      },
    };
    const response = await createReportExportHandler({ getSession: async () => session, pageSize: 1 })(url(reportExportUrl({ range: RANGE }, "calls")));
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false); // the header line
    expect((await reader.read()).done).toBe(false); // the first page
    // Signed out (or suspended, or a password change) mid-download: the rest is never sent.
    endSession();
    await expect(reader.read()).rejects.toThrow(/session .* has ended/);
    expect(isWatching).toBe(false);
  });
});
