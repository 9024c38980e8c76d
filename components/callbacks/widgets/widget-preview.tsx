import { contrastRatio, formatRatio, MIN_CONTRAST } from "@/server/modules/callbacks/widgets/contrast";
import { HEX_COLOUR } from "@/server/modules/callbacks/widgets/contrast";

type Look = { title: string; introText: string; buttonLabel: string; closedText: string; successText: string; accentColor: string; accentTextColor: string };

/** A colour the preview can paint: a half-typed value falls back to the saved default. */
const paintable = (colour: string, fallback: string) => (HEX_COLOUR.test(colour) ? colour : fallback);

/**
 * What visitors see, drawn from the form as it is typed: the dialog with its texts and
 * colours, and the two messages that replace the form (closed, and after a request). A
 * picture, not a working form: nothing in it can be focused or submitted.
 */
export function WidgetPreview({ look }: { look: Look }) {
  const accent = paintable(look.accentColor, "#1d4ed8");
  const onAccent = paintable(look.accentTextColor, "#ffffff");
  const ratio = contrastRatio(accent, onAccent);
  const isReadable = ratio >= MIN_CONTRAST;
  return (
    <figure className="space-y-3" aria-labelledby="widget-preview-caption">
      <figcaption id="widget-preview-caption" className="text-sm font-medium text-gray-900">
        Preview
      </figcaption>
      <div className="overflow-hidden rounded-lg border border-gray-300 bg-white shadow-md" aria-hidden="true" data-testid="widget-preview">
        <div className="px-4 py-3 font-semibold" style={{ backgroundColor: accent, color: onAccent }}>
          {look.title || "Title"}
        </div>
        <div className="space-y-3 p-4 text-sm text-gray-900">
          <p>{look.introText}</p>
          <div className="space-y-1">
            <div className="font-medium">Your phone number</div>
            <div className="h-9 rounded-md border border-gray-400 bg-white" />
          </div>
          <div className="inline-block rounded-md px-4 py-2 font-medium" style={{ backgroundColor: accent, color: onAccent }}>
            {look.buttonLabel || "Button"}
          </div>
        </div>
      </div>
      <dl className="space-y-2 text-sm">
        <div>
          <dt className="font-medium text-gray-900">After a request</dt>
          <dd className="text-gray-700">{look.successText}</dd>
        </div>
        <div>
          <dt className="font-medium text-gray-900">Outside opening hours</dt>
          <dd className="text-gray-700">{look.closedText}</dd>
        </div>
        <div>
          <dt className="font-medium text-gray-900">Contrast of the button text</dt>
          <dd className={isReadable ? "text-green-800" : "text-red-700"} data-testid="widget-contrast">
            {formatRatio(ratio)} {isReadable ? "— readable (WCAG AA)" : `— too low: use at least ${MIN_CONTRAST}:1`}
          </dd>
        </div>
      </dl>
    </figure>
  );
}
