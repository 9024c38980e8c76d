/**
 * Every text input of every procedure refuses control characters with a field message, and
 * nothing reaches the database. The inputs are found by walking each procedure's zod schema
 * (tests/fixtures/text-inputs.ts), so a new procedure or field is covered without a new case,
 * and a text field built on plain z.string() instead of server/validation/text.ts fails here.
 */
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError, type z } from "zod";
import { createContextInner } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import type { ProcedureScope } from "@/server/api/trpc";
import { db } from "@/server/db";
import { textProblem, type TextKind } from "@/server/validation/text";
import { callByPath, listProcedures } from "../fixtures/procedures";
import { callerFor, seedTwoTenants, seedUser, sessionUser } from "../fixtures/seed-tenant";
import { inputWith, issuePath, textInputs, type TextInput } from "../fixtures/text-inputs";

/** Fields that take several lines: they keep line breaks and tabs. Everything else is one line. */
const MULTI_LINE_INPUTS = new Set(["tariff.importRates csv", "didInventory.import csv", "phoneBook.import csv"]);

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
/** C0, DEL and C1 (tab, LF and CR among them), Unicode's line breaks, a bidi override and a lone surrogate. */
const BAD_CHARACTERS = [...range(0x00, 0x1f), ...range(0x7f, 0x9f), "\u2028", "\u2029", "\u202e", "\u2067", "\ud800"];
const LAYOUT = new Set(["\n", "\r", "\t"]);

type Caller = Awaited<ReturnType<typeof callerFor>>;
type Issue = { path: PropertyKey[]; message: string; code: string; errors?: Issue[][] };

/** The issues at `path`, looking into the options of a union that refused as a whole. */
function issuesAt(issues: Issue[], path: (string | number)[], prefix: PropertyKey[] = []): Issue[] {
  return issues.flatMap((issue) => {
    const full = [...prefix, ...issue.path];
    const nested = issue.code === "invalid_union" ? (issue.errors ?? []).flatMap((option) => issuesAt(option, path, full)) : [];
    return JSON.stringify(full) === JSON.stringify(path) ? [issue, ...nested] : nested;
  });
}

/** One comparable digest of every table, so "nothing stored" covers tables the test did not think of. */
async function databaseDigest(): Promise<string> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`;
  const parts = await Promise.all(
    tables.map(({ name }) => db.$queryRawUnsafe<{ digest: string | null }[]>(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${name} t`)),
  );
  return tables.map(({ name }, i) => `${name}:${parts[i]![0]?.digest ?? "empty"}`).join("\n");
}

describe("[TEXT] control characters in every text input", () => {
  let callers: Record<ProcedureScope, Caller | null>;

  beforeAll(async () => {
    const world = await seedTwoTenants();
    const platformAdmin = await seedUser({ role: "PLATFORM_ADMIN" });
    callers = {
      public: null,
      signedIn: await callerFor(world.acme.users[0]!.id),
      tenant: await callerFor(world.acme.users[0]!.id),
      tenantAdmin: await callerFor(world.acme.admin.id),
      partnerAdmin: await callerFor(world.partnerAdmin.id),
      platformAdmin: await callerFor(platformAdmin.id),
    };
  });

  const procedures = listProcedures().map((proc) => {
    const def = (appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>)[proc.path]!._def;
    return { ...proc, inputs: def.inputs.flatMap((schema) => textInputs(schema)) };
  });

  it("finds the text inputs of the procedures (the walker knows every schema shape)", () => {
    const all = procedures.flatMap((proc) => proc.inputs.map((input) => `${proc.path} ${input.label}`));
    // A floor, not a count: adding fields must not break this, losing the walker's reach must.
    expect(all.length).toBeGreaterThan(60);
    expect(all).toContain("user.create name");
    expect(all).toContain("admin.billing.credit reason");
    expect(all).toContain("tariff.rate.upsert incrementSec.|1");
  });

  // Tens of thousands of calls: ~10 s alone, twice that beside other files on two cores.
  it("refuses each character in each text input with 400 and its field message, and stores nothing", async () => {
    const before = await databaseDigest();
    const multiLineSeen = new Set<string>();
    const failures: string[] = [];
    for (const proc of procedures) {
      const caller = callers[proc.scope ?? "public"];
      if (proc.inputs.length > 0 && !caller) throw new Error(`${proc.path}: no caller for scope ${proc.scope}`);
      for (const input of proc.inputs) {
        const name = `${proc.path} ${input.label}`;
        for (const char of BAD_CHARACTERS) {
          const outcome = await refusal(caller!, proc.path, input, `ab${char}cd`);
          const kind: TextKind = MULTI_LINE_INPUTS.has(name) ? "multiLine" : "singleLine";
          const expected = textProblem(`ab${char}cd`, kind);
          if (expected === null) {
            // Only a multi-line input may take the character, and then this field must not complain.
            if (outcome.messages.length > 0) failures.push(`${name} U+${code(char)}: refused a multi-line character (${outcome.messages.join("; ")})`);
            if (LAYOUT.has(char)) multiLineSeen.add(name);
            continue;
          }
          if (outcome.code !== "BAD_REQUEST") failures.push(`${name} U+${code(char)}: answered ${outcome.code}, not BAD_REQUEST`);
          else if (!outcome.messages.includes(expected)) failures.push(`${name} U+${code(char)}: no "${expected}" at the field (got ${outcome.messages.join("; ") || "nothing"})`);
        }
      }
    }
    expect(failures.slice(0, 20), `${failures.length} failures`).toEqual([]);
    expect([...multiLineSeen].sort()).toEqual([...MULTI_LINE_INPUTS].sort());
    expect(await databaseDigest()).toBe(before);
  }, 60_000);

  it("answers 400 over HTTP with the field message, for a NUL in a name", async () => {
    const platformAdmin = await seedUser({ role: "PLATFORM_ADMIN" });
    const user = await sessionUser(platformAdmin.id);
    const body = JSON.stringify({ json: { name: "Nul\u0000Corp", adminName: "Ann", adminEmail: "ann@nul.example", adminPassword: "Long-enough-1" } });
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/admin.partner.create", { method: "POST", body, headers: { "content-type": "application/json" } }),
      router: appRouter,
      createContext: () => createContextInner({ user, requestId: "req-nul" }),
    });
    expect(res.status).toBe(400);
    const payload = (await res.json()) as { error: { json: { data: { zodError: { fieldErrors: Record<string, string[]> } } } } };
    expect(payload.error.json.data.zodError.fieldErrors.name).toEqual([textProblem("\u0000", "singleLine")]);
    expect(await db.partner.count({ where: { name: { startsWith: "Nul" } } })).toBe(0);
  });
});

async function refusal(caller: Caller, path: string, input: TextInput, value: string) {
  const err = await callByPath(caller, path, inputWith(input.steps, value)).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof TRPCError)) return { code: err ? "a non-tRPC error" : "success", messages: [] as string[] };
  const issues = err.cause instanceof ZodError ? (err.cause.issues as unknown as Issue[]) : [];
  return { code: err.code, messages: issuesAt(issues, issuePath(input.steps)).map((issue) => issue.message) };
}

const code = (char: string) => char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
