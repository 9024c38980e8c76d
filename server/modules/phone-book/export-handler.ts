/**
 * GET /api/phone-book/export?book=company|personal: the book as CSV (csv-format.ts columns),
 * streamed page by page so a large company book never sits whole in memory. Everyone may
 * export the company book (they can read it) and their own; nobody another person's.
 */
import type { LiveSession } from "../../auth/session-watch";
import { endsWithSession } from "../../web/session-bound-stream";
import { csvCell, type CsvCell } from "../../csv/write-csv";
import { tenantDb } from "../../tenancy";
import { visibleContactsWhere } from "./access";
import { CONTACT_CSV_HEADER } from "./csv-format";
import { NUMBER_LABELS, PHONE_BOOKS, type PhoneBook } from "./schema";

const PAGE = 500;
const line = (cells: readonly CsvCell[]) => `${cells.map(csvCell).join(",")}\r\n`;
const json = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });

/** `getSession`: the request's live session; the download ends when it does (session-bound-stream.ts). */
type Deps = { getSession: (request: Request) => Promise<Pick<LiveSession, "user" | "watch"> | null> };

export function createPhoneBookExportHandler({ getSession }: Deps) {
  return async function GET(request: Request): Promise<Response> {
    const session = await getSession(request);
    if (!session) return json(401, "unauthorized", "Sign in to export your phone book.");
    const { user } = session;
    if (!user.tenantId) return json(403, "forbidden", "Phone books are for customer accounts.");
    const book = new URL(request.url).searchParams.get("book") ?? "company";
    if (!(PHONE_BOOKS as readonly string[]).includes(book)) return json(400, "invalid", "Choose the company or your personal phone book.");
    const db = tenantDb(user.tenantId);
    const where = visibleContactsWhere(user, book as PhoneBook);
    const encoder = new TextEncoder();
    let afterId: string | undefined;
    let isHeaderSent = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!isHeaderSent) {
          isHeaderSent = true;
          return controller.enqueue(encoder.encode(line(CONTACT_CSV_HEADER)));
        }
        const contacts = await db.contact.findMany({
          where: { AND: [where, afterId ? { id: { gt: afterId } } : {}] },
          select: { id: true, name: true, company: true, email: true, numbers: { select: { label: true, number: true }, orderBy: { position: "asc" } } },
          orderBy: { id: "asc" },
          take: PAGE,
        });
        if (contacts.length === 0) return controller.close();
        afterId = contacts.at(-1)!.id;
        const text = contacts.map((c) => line([
          c.name, c.company, c.email,
          ...NUMBER_LABELS.map((label) => c.numbers.filter((n) => n.label === label).map((n) => n.number).join("; ")),
        ])).join("");
        controller.enqueue(encoder.encode(text));
      },
    });
    return new Response(endsWithSession(body, session.watch), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="phone-book-${book}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  };
}
