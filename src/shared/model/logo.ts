import { z } from 'zod';
import { LOGO_TYPES, MAX_LOGO_BYTES, MAX_LOGO_SIDE } from '../files/image';

/**
 * A logo printed on sign-in sheets, certificates, the donor report and the evidence pack: the
 * organisation's own and each programme's funders'. Stored as base64 so it prints from any
 * document as a data: URL (the renderer's CSP allows data: images). Checked by files/image.ts
 * when it comes in; the schema bounds what any other path (a backup) may bring.
 */
export const logoSchema = z.object({
  mime: z.enum(LOGO_TYPES),
  dataBase64: z
    .string()
    .max(Math.ceil(MAX_LOGO_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  width: z.number().int().min(1).max(MAX_LOGO_SIDE),
  height: z.number().int().min(1).max(MAX_LOGO_SIDE),
  /** What the logo says, for the printed page's alt text (the file name without extension). */
  label: z.string().trim().max(120).optional(),
});
export type Logo = z.infer<typeof logoSchema>;

export const logoDataUrl = (logo: Logo): string => `data:${logo.mime};base64,${logo.dataBase64}`;
