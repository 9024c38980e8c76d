import { useFormat } from "@/components/format/format-provider";

export type ScaleBand = { minQuantity: number; maxQuantity: number | null; monthlyPrice: string; label: string };

type BandScaleProps = { bands: readonly ScaleBand[]; currency: string; existing: number; after: number };

/** Where `n` sits inside a band, 0..1. Open-ended bands stretch to fit `after`, so it shows. */
function positionIn(band: ScaleBand, n: number, after: number): number {
  const span = band.maxQuantity === null ? Math.max(after, band.minQuantity * 2) - band.minQuantity + 1 : band.maxQuantity - band.minQuantity + 1;
  // Kept off the very edges so a centred label never spills out of the card.
  return Math.min(0.9, Math.max(0.1, (n - band.minQuantity + 0.5) / span));
}

const contains = (band: ScaleBand, n: number) => n >= band.minQuantity && (band.maxQuantity === null || n <= band.maxQuantity);

/**
 * The plan's bands side by side, equal widths (a 1–5 band next to "11 and above" would vanish
 * at true scale), with today's count marked above and the count after purchase below. Every
 * mark is also text, so the scale reads the same without colour or sight.
 */
export function BandScale({ bands, currency, existing, after }: BandScaleProps) {
  const format = useFormat();
  return (
    <div>
      <p className="text-sm font-medium text-gray-900">Price bands</p>
      <ol className="mt-2 flex gap-1" aria-label="Price bands, by the number of accounts you have">
        {bands.map((band) => {
          const isReached = contains(band, after);
          const hasNow = existing > 0 && contains(band, existing);
          return (
            <li key={band.minQuantity} className="relative min-w-0 flex-1 pt-6 pb-6">
              {hasNow && <Marker position={positionIn(band, existing, after)} text={`Now ${existing}`} placement="above" />}
              <div
                className={`rounded-md border px-2 py-2 text-center text-xs ${isReached ? "border-indigo-700 bg-indigo-600 text-white" : "border-gray-300 bg-gray-50 text-gray-800"}`}
              >
                <span className="block font-semibold">{band.label}</span>
                <span className="block tabular-nums">{format.money(band.monthlyPrice, currency)} each</span>
                {isReached && <span className="sr-only"> (the band this purchase reaches)</span>}
              </div>
              {isReached && <Marker position={positionIn(band, after, after)} text={`After ${after}`} placement="below" />}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function Marker({ position, text, placement }: { position: number; text: string; placement: "above" | "below" }) {
  const isAbove = placement === "above";
  return (
    <span
      className={`absolute flex -translate-x-1/2 flex-col items-center text-xs font-medium whitespace-nowrap ${isAbove ? "top-0 text-gray-700" : "bottom-0 flex-col-reverse text-indigo-800"}`}
      style={{ left: `${(position * 100).toFixed(1)}%` }}
    >
      {text}
      <span aria-hidden="true" className={`h-0 w-0 border-x-4 border-x-transparent ${isAbove ? "border-t-4 border-t-gray-700" : "border-b-4 border-b-indigo-800"}`} />
    </span>
  );
}
