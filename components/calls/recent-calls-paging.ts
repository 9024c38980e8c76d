/** Shared by server prefetch and client hooks so both build the same infinite query. */
export const RECENT_CALLS_PAGING = {
  getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor ?? undefined,
};
