import { z } from "@/lib/zod";

// Query-string filters of the item analysis page and its CSV export (one schema for both).

export const itemFiltersSchema = z.object({
  /** first: each learner's first attempt only (default); all: every attempt, retakes included. */
  scope: z.enum(["first", "all"]).catch("first"),
  flagged: z
    .enum(["1"])
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
});
export type ItemFilters = z.infer<typeof itemFiltersSchema>;
export type AttemptScope = ItemFilters["scope"];

/** Next's searchParams (string | string[]) or URLSearchParams → filters; bad values fall back. */
export function parseItemFilters(params: Record<string, string | string[] | undefined> | URLSearchParams): ItemFilters {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return Array.isArray(value) ? value[0] : (value ?? undefined);
  };
  return itemFiltersSchema.parse({ scope: get("scope"), flagged: get("flagged") });
}

export function itemFiltersQuery(filters: ItemFilters): string {
  const params = new URLSearchParams();
  if (filters.scope !== "first") params.set("scope", filters.scope);
  if (filters.flagged) params.set("flagged", "1");
  const query = params.toString();
  return query ? `?${query}` : "";
}
