import { z } from 'zod';

// Sizes are decimal: 1 KB = 1000 B (what bundle analyzers and web budgets report).
export const DimensionSchema = z.enum(['size', 'time', 'percent', 'count', 'ratio', 'number']);
export type Dimension = z.infer<typeof DimensionSchema>;

export const ComparatorSchema = z.enum(['<', '<=', '>', '>=', '=']);
export type Comparator = z.infer<typeof ComparatorSchema>;

/** A measured amount, normalised to its dimension's base unit (bytes, milliseconds, percent points, …). */
export const QuantitySchema = z.object({
  value: z.number().finite(),
  dimension: DimensionSchema,
  /** The unit as the plan wrote it ("KB", "ms", "users", "/5"), kept for display. */
  unit: z.string().optional(),
});
export type Quantity = z.infer<typeof QuantitySchema>;

export const NumericTargetSchema = z.object({
  kind: z.literal('numeric'),
  text: z.string(),
  op: ComparatorSchema,
  /** Named thresholds inside one checklist item ("LCP <2.5s, CLS <0.1"). */
  label: z.string().optional(),
  ...QuantitySchema.shape,
});

export const WordTargetSchema = z.object({
  kind: z.literal('word'),
  text: z.string(),
  /** Lower-cased qualitative word ("pass", "complete", "functional", "optimized"). */
  word: z.string(),
});

export const TargetSchema = z.discriminatedUnion('kind', [NumericTargetSchema, WordTargetSchema]);
export type NumericTarget = z.infer<typeof NumericTargetSchema>;
export type WordTarget = z.infer<typeof WordTargetSchema>;
export type Target = z.infer<typeof TargetSchema>;
