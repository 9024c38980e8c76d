import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;
export type DidRow = Outputs["didInventory"]["find"]["items"][number];
export type DidImportReport = Outputs["didInventory"]["import"];
export type TierRow = Outputs["didTier"]["find"]["tiers"][number];
export type DidPriceRow = Outputs["didPrice"]["find"]["prices"][number];
