import { useFormat } from "@/components/format/format-provider";
import { Button } from "@/components/ui/button";
import { ChevronLeftIcon, ChevronRightIcon } from "@/components/ui/icons";

type PagerProps = { page: number; pageCount: number; total: number; noun: string; onPage: (page: number) => void };

/** Previous / next with a "page 2 of 40 · 1,987 rates" status read out on change. */
export function Pager({ page, pageCount, total, noun, onPage }: PagerProps) {
  const format = useFormat();
  return (
    <nav aria-label={`${noun} pages`} className="mt-3 flex items-center justify-between gap-3 text-sm text-gray-700">
      <p aria-live="polite">
        Page {page} of {pageCount} · {format.number(total)} {noun}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <ChevronLeftIcon className="size-4" /> Previous
        </Button>
        <Button variant="secondary" size="sm" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
          Next <ChevronRightIcon className="size-4" />
        </Button>
      </div>
    </nav>
  );
}
