import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A business date 'YYYY-MM-DD' that is a real calendar date. */
export const ZIsoDate = z
  .string()
  .regex(ISO_DATE, { message: 'date_format' })
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, { message: 'date_invalid' });

export const ZId = z.coerce.number().int().positive();
export const ZIdParams = z.object({ id: ZId });
export const ZVersion = z.number().int().positive();

/** Optional free text: trimmed, empty → null, bounded. */
export const zText = (max = 200) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const zRequiredText = (max = 200) => z.string().trim().min(1).max(max);

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function zPage<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
