"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/errors";
import { useToast } from "@/components/ui/toast";

type Props = { queueId: string; extensionId: string; name: string; isLoggedIn: boolean };

/**
 * A member's state and the one button that flips it, saved at once (not with a form): the
 * worker rings only logged-in members. Every view of the queue is refreshed afterwards.
 */
export function MemberLoginButton({ queueId, extensionId, name, isLoggedIn }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const set = useMutation(
    trpc.callQueues.setMemberLogin.mutationOptions({
      onSuccess: async (saved) => {
        toast({ description: `${name} ${saved.isLoggedIn ? "logged in" : "logged out"}.` });
        await Promise.all([
          queryClient.invalidateQueries(trpc.callQueues.live.queryFilter()),
          queryClient.invalidateQueries(trpc.callQueues.find.queryFilter({ id: queueId })),
          queryClient.invalidateQueries(trpc.callQueues.list.queryFilter()),
        ]);
      },
      onError: (err) => toast({ variant: "error", description: errorMessage(err) }),
    }),
  );
  return (
    <span className="inline-flex items-center gap-2">
      <Badge tone={isLoggedIn ? "success" : "neutral"}>{isLoggedIn ? "Logged in" : "Logged out"}</Badge>
      <Button variant="secondary" size="sm" isLoading={set.isPending} aria-label={`${isLoggedIn ? "Log out" : "Log in"} ${name}`} onClick={() => set.mutate({ queueId, extensionId, isLoggedIn: !isLoggedIn })}>
        {isLoggedIn ? "Log out" : "Log in"}
      </Button>
    </span>
  );
}
