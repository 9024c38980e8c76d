"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatInternational } from "@/components/format/phone-display";
import { QueryError } from "@/components/layout/query-error";
import { useTRPC } from "@/components/providers/trpc-react";
import { Card } from "@/components/ui/card";
import { errorMessage, serverFieldErrors } from "@/components/ui/errors";
import { Skeleton } from "@/components/ui/skeleton";
import type { TFlowEntry, TWhatIfInput } from "@/server/modules/routing/what-if/schema";
import { CallFlowDiagram } from "./call-flow-diagram";
import { FlowTextList } from "./flow-text-list";
import { WhatIfAnswerView } from "./what-if-answer";
import { WhatIfForm } from "./what-if-form";

/**
 * The call flow of a number, extension or hunt group, drawn from the compiled dial plan, with
 * "what happens if…": the engine's own plan for a question call, whose path lights up on the
 * diagram. `fixedDialled`: a number's page passes the number (E.164).
 */
export function CallFlowPanel({ entry, fixedDialled = null }: { entry: TFlowEntry; fixedDialled?: string | null }) {
  const trpc = useTRPC();
  const flow = useQuery(trpc.routing.callFlow.queryOptions({ entry }));
  const [question, setQuestion] = useState<TWhatIfInput | null>(null);
  const answer = useQuery({ ...trpc.routing.whatIf.queryOptions(question!), enabled: question !== null, retry: false });
  const fieldErrors = answer.isError ? serverFieldErrors(answer.error) : {};
  const path = answer.data?.path ?? [];
  const graph = answer.data?.graph ?? flow.data?.graph;

  return (
    <Card title="Call flow" description="What this really does with a call, drawn from the dial plan the phone system uses. Ask “what happens if…” to light up the path a call takes.">
      <div className="space-y-4">
        {flow.isPending && <Skeleton className="h-64 w-full" />}
        {flow.isError && <QueryError error={flow.error} onRetry={() => flow.refetch()} />}
        {graph && flow.data && <CallFlowDiagram graph={graph} path={path} didIds={flow.data.didIds} />}
        {graph && flow.data && (
          <details>
            <summary className="cursor-pointer text-sm text-indigo-700">The call flow as a list</summary>
            <div className="mt-2"><FlowTextList graph={graph} path={path} didIds={flow.data.didIds} /></div>
          </details>
        )}
        <WhatIfForm entry={entry} fixedDialled={fixedDialled ? formatInternational(fixedDialled) : null} isPending={answer.isFetching} serverErrors={fieldErrors} onAsk={setQuestion} />
        {answer.isError && Object.keys(fieldErrors).length === 0 && <p role="alert" className="text-sm text-red-700">{errorMessage(answer.error)}</p>}
        {answer.data && <WhatIfAnswerView answer={answer.data} />}
      </div>
    </Card>
  );
}
