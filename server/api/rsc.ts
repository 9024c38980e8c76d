import "server-only";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import { env } from "../env.js";
import { getSessionUser } from "../auth";
import { clientIp } from "../auth/client-ip";
import { createContextInner } from "./context";
import { makeQueryClient } from "./query-client";
import { appRouter } from "./root";

const createRscContext = cache(async () =>
  createContextInner({ user: await getSessionUser(), ip: clientIp(await headers(), env.TRUST_PROXY) }),
);

/** Per-request query client, so server prefetches hydrate into the page's client components. */
export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({ ctx: createRscContext, router: appRouter, queryClient: getQueryClient });
