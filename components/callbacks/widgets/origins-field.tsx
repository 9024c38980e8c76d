"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MAX_ALLOWED_ORIGINS } from "@/server/modules/callbacks/widgets/schema";

type Props = { origins: string[]; onChange: (origins: string[]) => void; errors: Record<string, string> };

/** The websites allowed to use the widget, one origin per row; each row shows its own error. */
export function OriginsField({ origins, onChange, errors }: Props) {
  const edit = (i: number, value: string) => onChange(origins.map((o, j) => (j === i ? value : o)));
  return (
    <fieldset className="space-y-2" aria-describedby="origins-hint">
      <legend className="text-sm font-medium text-gray-900">Websites that may use it</legend>
      <p id="origins-hint" className="text-xs text-gray-600">
        The exact origin of each site: https://, the host name and a port if it is not the usual one, with no path (https://www.example.com, not
        https://www.example.com/contact). Each subdomain is a site of its own; wildcards are not allowed. http:// only for localhost while testing.
      </p>
      {origins.map((origin, i) => {
        const error = errors[`allowedOrigins.${i}`];
        const errorId = `origin-${i}-error`;
        return (
          <div key={i} className="space-y-1">
            <div className="flex items-center gap-2">
              <Input
                value={origin}
                onChange={(e) => edit(i, e.target.value)}
                aria-label={`Website ${i + 1}`}
                placeholder="https://www.example.com"
                inputMode="url"
                autoComplete="off"
                spellCheck={false}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
              />
              <Button variant="ghost" size="sm" onClick={() => onChange(origins.filter((_, j) => j !== i))} disabled={origins.length === 1} aria-label={`Remove website ${i + 1}`}>
                Remove
              </Button>
            </div>
            {error && (
              <p id={errorId} className="text-sm text-red-700">
                {error}
              </p>
            )}
          </div>
        );
      })}
      {errors.allowedOrigins && <p className="text-sm text-red-700" role="alert">{errors.allowedOrigins}</p>}
      <Button variant="secondary" size="sm" onClick={() => onChange([...origins, ""])} disabled={origins.length >= MAX_ALLOWED_ORIGINS}>
        Add a website
      </Button>
    </fieldset>
  );
}
