"use client";

import { useCopy } from "@/components/extensions/use-copy";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyIcon } from "@/components/ui/icons";
import { widgetSnippet } from "./widget-snippet";

/** The tag to paste into the website, with a Copy button; announced when copied. */
export function SnippetPanel({ scriptOrigin, widgetId }: { scriptOrigin: string; widgetId: string }) {
  const { isCopied, copy } = useCopy();
  const snippet = widgetSnippet(scriptOrigin, widgetId);
  return (
    <Card
      title="Add it to your website"
      description="Paste this tag into every page that should show the Call me now button, just before </body>. The page's origin must be one of the websites listed below."
      actions={
        <Button variant="secondary" onClick={() => copy(snippet)} aria-label="Copy the snippet">
          <CopyIcon className="size-4" /> {isCopied ? "Copied" : "Copy"}
        </Button>
      }
    >
      <pre className="rounded-md bg-gray-900 p-3 text-sm break-all whitespace-pre-wrap text-gray-50">
        <code data-testid="widget-snippet">{snippet}</code>
      </pre>
      <p className="mt-3 text-sm text-gray-700">
        <a className="font-medium text-blue-700 underline hover:text-blue-900" href={`/callback-widget/demo.html?widget=${encodeURIComponent(widgetId)}`} target="_blank" rel="noopener">
          Try it on a demo page
        </a>{" "}
          (this portal&apos;s own address must be one of the allowed websites).
      </p>
      <p className="sr-only" aria-live="polite">
        {isCopied ? "Snippet copied to the clipboard." : ""}
      </p>
    </Card>
  );
}
