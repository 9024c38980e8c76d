/** Shared by server prefetch and client hooks so both build the same infinite queries. */
export const CALLBACK_PAGING = {
  getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor ?? undefined,
};
