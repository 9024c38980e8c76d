/**
 * Hunt-group words and mappings, pure and browser-safe: what each strategy does, said the way
 * the form explains it, and the database enums' names for the engine's strategy names.
 */
import type { HuntStrategy, LeastUsedMeasure } from "../../../generated/prisma/enums";
import type { HuntStrategyName, LeastUsedMeasureName } from "./schema";

export const STRATEGY_TO_DB: Record<HuntStrategyName, HuntStrategy> = {
  ringAll: "RING_ALL",
  inOrder: "IN_ORDER",
  roundRobin: "ROUND_ROBIN",
  leastUsed: "LEAST_USED",
  random: "RANDOM",
};
export const STRATEGY_FROM_DB = Object.fromEntries(Object.entries(STRATEGY_TO_DB).map(([k, v]) => [v, k])) as Record<HuntStrategy, HuntStrategyName>;

export const LEAST_USED_TO_DB: Record<LeastUsedMeasureName, LeastUsedMeasure> = { answeredToday: "ANSWERED_TODAY", longestIdle: "LONGEST_IDLE" };
export const LEAST_USED_FROM_DB: Record<LeastUsedMeasure, LeastUsedMeasureName> = { ANSWERED_TODAY: "answeredToday", LONGEST_IDLE: "longestIdle" };

export const STRATEGY_LABELS: Record<HuntStrategyName, string> = {
  ringAll: "Ring all",
  inOrder: "In order",
  roundRobin: "Round robin",
  leastUsed: "Least used",
  random: "Random",
};

/** One sentence per strategy, for the form and the list. */
export const STRATEGY_EXPLANATIONS: Record<HuntStrategyName, string> = {
  ringAll: "Every member’s phone rings at once; the first to answer takes the call.",
  inOrder: "Members ring one after another, top of the list first, each for their own ring time.",
  roundRobin: "Like in order, but each call starts with the member after the one the last call started with, so calls are shared out.",
  leastUsed: "The member who has been used least rings first, then the next least used.",
  random: "Members ring one after another in a new random order for every call.",
};

export const LEAST_USED_LABELS: Record<LeastUsedMeasureName, string> = {
  answeredToday: "Fewest calls answered today",
  longestIdle: "Longest since their last call",
};
