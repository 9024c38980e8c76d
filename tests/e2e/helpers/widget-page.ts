/**
 * Test support for the public widget: a customer's website on another port (another origin
 * than the app), embedding the snippet exactly as a site owner would paste it, and widgets
 * written straight into the demo database (the widgets admin is its own flow).
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type pg from "pg";

export interface SitePage {
  origin: string;
  /** The page embedding `widgetId`'s snippet. */
  urlFor(widgetId: string): string;
  close(): Promise<void>;
}

/** A plain page (no framework) on its own port whose snippet loads the widget from `appUrl`. */
export async function serveCustomerSite(appUrl: string): Promise<SitePage> {
  const server = http.createServer((req, res) => {
    const widgetId = new URL(req.url ?? "/", "http://site").searchParams.get("widget") ?? "";
    if (!/^[a-z0-9]+$/.test(widgetId)) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme shop</title>
<style>button { all: unset; color: red } * { font-size: 40px !important }</style></head>
<body><main><h1>Acme shop</h1><p>Our products.</p></main>
<script src="${appUrl}/callback-widget/v1.js" data-widget="${widgetId}" async></script>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    urlFor: (widgetId) => `${origin}/?widget=${widgetId}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface WidgetRow {
  tenantId: string;
  huntGroupId: string;
  allowedOrigins: string[];
  openHours?: unknown;
  outsideHours?: "CLOSED" | "NEXT_OPENING";
  closedText?: string;
}

/** Inserts a widget (ids look like cuids, as the public endpoints require) and returns its id. */
export async function insertWidget(db: pg.Client, w: WidgetRow): Promise<string> {
  const id = `e2ew${randomBytes(11).toString("hex")}`;
  await db.query(
    `INSERT INTO "CallbackWidget" (id, "tenantId", name, destination, "allowedOrigins", "openHours", "outsideHours", title, "introText", "buttonLabel", "closedText", "successText", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7::"CallbackOutsideHours", 'Talk to Acme', 'Leave your number and we call you right back.', 'Call me now', $8, 'Thanks! We are calling you now.', now())`,
    [id, w.tenantId, `E2E widget ${id}`, JSON.stringify({ kind: "huntGroup", huntGroupId: w.huntGroupId }), w.allowedOrigins, w.openHours === undefined ? null : JSON.stringify(w.openHours), w.outsideHours ?? "CLOSED", w.closedText ?? "We are closed."],
  );
  return id;
}

export async function deleteWidgets(db: pg.Client, ids: string[]): Promise<void> {
  await db.query(`DELETE FROM "CallbackRequest" WHERE "widgetId" = ANY($1)`, [ids]);
  await db.query(`DELETE FROM "CallbackWidget" WHERE id = ANY($1)`, [ids]);
}
