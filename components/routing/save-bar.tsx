import { Button } from "@/components/ui/button";

/** The end of a routing form: why nothing was saved (if so), then the one Save button. */
export function SaveBar({ errorCount, isPending, label }: { errorCount: number; isPending: boolean; label: string }) {
  return (
    <div className="flex flex-wrap items-center justify-end gap-3">
      {errorCount > 0 && (
        <p role="alert" className="text-sm text-red-700">
          Nothing was saved: correct the {errorCount === 1 ? "field" : `${errorCount} fields`} marked above.
        </p>
      )}
      <Button type="submit" isLoading={isPending}>
        {label}
      </Button>
    </div>
  );
}
