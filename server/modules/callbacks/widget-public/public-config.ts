/**
 * What a widget tells the visitor's page before anything is asked: its texts, colours and
 * whether it takes requests now. Nothing about the company (destination, origins, tenant) is
 * in it: the widget id is public, so this is all anyone can learn from it.
 */
import type { CallbackWidget } from "@/server/generated/prisma/client";

export interface PublicWidgetConfig {
  id: string;
  title: string;
  introText: string;
  buttonLabel: string;
  closedText: string;
  successText: string;
  accentColor: string;
  /** The configured text colour, or black/white when that would not be readable on the accent. */
  accentTextColor: string;
  requireCaptcha: boolean;
  /** Open by its opening hours right now. */
  isOpen: boolean;
  /** Takes a request now: open, or closed but placing it later or elsewhere. */
  acceptsRequests: boolean;
  /** Closed but taking requests: they are placed at this instant (ISO), when it opens. */
  placedAt: string | null;
  nextOpening: string | null;
}

type WidgetFields = Pick<
  CallbackWidget,
  "id" | "title" | "introText" | "buttonLabel" | "closedText" | "successText" | "accentColor" | "accentTextColor" | "requireCaptcha" | "outsideHours" | "outsideDestination"
>;

export function toPublicWidgetConfig(widget: WidgetFields, open: { isOpen: boolean; nextOpening: Date | null }): PublicWidgetConfig {
  const waitsForOpening = !open.isOpen && widget.outsideHours === "NEXT_OPENING" && open.nextOpening !== null;
  const goesElsewhere = !open.isOpen && widget.outsideHours === "ALTERNATE_DESTINATION" && widget.outsideDestination !== null;
  const accent = isHexColor(widget.accentColor) ? widget.accentColor : "#1d4ed8";
  return {
    id: widget.id,
    title: widget.title,
    introText: widget.introText,
    buttonLabel: widget.buttonLabel,
    closedText: widget.closedText,
    successText: widget.successText,
    accentColor: accent,
    accentTextColor: readableTextColor(accent, widget.accentTextColor),
    requireCaptcha: widget.requireCaptcha,
    isOpen: open.isOpen,
    acceptsRequests: open.isOpen || waitsForOpening || goesElsewhere,
    placedAt: waitsForOpening ? open.nextOpening!.toISOString() : null,
    nextOpening: open.nextOpening?.toISOString() ?? null,
  };
}

const isHexColor = (color: string) => /^#[0-9a-fA-F]{6}$/.test(color);

/** WCAG 2 relative luminance of "#rrggbb". */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** WCAG AA for normal text: the button's label must be readable whatever colours were chosen. */
export const MIN_CONTRAST = 4.5;

export function readableTextColor(background: string, preferred: string): string {
  if (isHexColor(preferred) && contrastRatio(background, preferred) >= MIN_CONTRAST) return preferred;
  return contrastRatio(background, "#ffffff") >= contrastRatio(background, "#000000") ? "#ffffff" : "#000000";
}
