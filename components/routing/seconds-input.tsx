/** A small "ring for N seconds" box inside a sentence; the accessible name says what it times. */
export function SecondsInput({ label, value, onChange, error, max = 300 }: { label: string; value: number; onChange: (seconds: number) => void; error?: string; max?: number }) {
  return (
    <input
      type="number"
      inputMode="numeric"
      min={5}
      max={max}
      className="h-9 w-20 rounded-md border border-gray-300 px-2 aria-[invalid=true]:border-red-600"
      value={value || ""}
      aria-label={label}
      aria-invalid={error ? true : undefined}
      onChange={(e) => onChange(Number(e.target.value))}
    />
  );
}
