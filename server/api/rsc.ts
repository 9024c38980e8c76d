import "server-only";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import { getSessionUser } from "../auth";
import { readClientAddress } from "../web/client-address-header";
import { createContextInner } from "./context";
import { makeQueryClient } from "./query-client";
import { appRouter } from "./root";

const createRscContext = cache(async () =>
  createContextInner({ user: await getSessionUser(), ip: readClientAddress(await headers()) }),
);

/** Per-request query client, so server prefetches hydrate into the page's client components. */
export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({ ctx: createRscContext, router: appRouter, queryClient: getQueryClient });
