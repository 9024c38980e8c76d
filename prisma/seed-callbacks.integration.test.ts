import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { submitWidgetCallback } from "@/server/modules/callbacks/intake/submit";
import { seedDemoOnce } from "./seed";
import { DEMO_WIDGET } from "./seed-callbacks";

describe("[CALLBACK] demo seed", () => {
  it("gives Acme one website widget, to the Sales hunt group, that takes a request from the portal's own origin", async () => {
    await seedDemoOnce();
    await seedDemoOnce();
    const widgets = await db.callbackWidget.findMany({ where: { tenant: { name: DEMO_WIDGET.tenant } } });
    expect(widgets.map((w) => w.name)).toEqual([DEMO_WIDGET.name]);
    const group = await db.huntGroup.findFirstOrThrow({ where: { tenantId: widgets[0]!.tenantId, number: "600" } });
    expect(widgets[0]!.destination).toEqual({ kind: "huntGroup", huntGroupId: group.id });
    // Acme is prepaid in the demo; a Wednesday at 10:00 London time is open.
    const result = await submitWidgetCallback(
      { widgetId: widgets[0]!.id, origin: "http://localhost:3000", visitorNumber: "020 7946 0999", honeypot: "", captchaToken: null, clientIp: "203.0.113.9" },
      new Date("2026-12-02T10:00:00Z"),
    );
    expect(result).toMatchObject({ ok: true, request: { visitorNumber: "+442079460999", state: "QUEUED" } });
  });
});
