import { describe, expect, it } from "vitest";
import { contrastRatio, MIN_CONTRAST, readableTextColor, toPublicWidgetConfig } from "./public-config";

const WIDGET = {
  id: "cwidget00000000000000001",
  title: "Talk to us",
  introText: "We call you back.",
  buttonLabel: "Call me now",
  closedText: "We are closed.",
  successText: "Thanks!",
  accentColor: "#1d4ed8",
  accentTextColor: "#ffffff",
  requireCaptcha: false,
  outsideHours: "CLOSED" as const,
  outsideDestination: null,
};
const MONDAY_9 = new Date("2026-12-07T09:00:00Z");

describe("[CALLBACKS] a widget's public config", () => {
  it("shows texts and whether it takes requests, and nothing about the company", () => {
    const config = toPublicWidgetConfig(WIDGET, { isOpen: true, nextOpening: null });
    const { outsideHours: _hours, outsideDestination: _elsewhere, ...texts } = WIDGET;
    expect(config).toStrictEqual({ ...texts, isOpen: true, acceptsRequests: true, placedAt: null, nextOpening: null });
  });

  it("takes requests when closed only if they wait for the opening or go elsewhere", () => {
    const closed = { isOpen: false, nextOpening: MONDAY_9 };
    expect(toPublicWidgetConfig(WIDGET, closed)).toMatchObject({ acceptsRequests: false, placedAt: null, nextOpening: MONDAY_9.toISOString() });
    expect(toPublicWidgetConfig({ ...WIDGET, outsideHours: "NEXT_OPENING" }, closed)).toMatchObject({ acceptsRequests: true, placedAt: MONDAY_9.toISOString() });
    expect(toPublicWidgetConfig({ ...WIDGET, outsideHours: "NEXT_OPENING" }, { isOpen: false, nextOpening: null })).toMatchObject({ acceptsRequests: false });
    expect(toPublicWidgetConfig({ ...WIDGET, outsideHours: "ALTERNATE_DESTINATION", outsideDestination: { kind: "extension", extensionId: "x" } }, closed)).toMatchObject({ acceptsRequests: true, placedAt: null });
  });

  it("replaces an unreadable text colour with black or white", () => {
    expect(readableTextColor("#1d4ed8", "#ffffff")).toBe("#ffffff");
    expect(readableTextColor("#1d4ed8", "#2563eb")).toBe("#ffffff");
    expect(readableTextColor("#fde047", "#ffffff")).toBe("#000000");
    expect(readableTextColor("#fde047", "not a colour")).toBe("#000000");
    for (const bg of ["#000000", "#ffffff", "#777777", "#ff0000", "#00ff00", "#1d4ed8"]) {
      expect(contrastRatio(bg, readableTextColor(bg, bg))).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
    expect(toPublicWidgetConfig({ ...WIDGET, accentColor: "#fde047" }, { isOpen: true, nextOpening: null }).accentTextColor).toBe("#000000");
  });

  it("computes WCAG contrast", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
  });
});
