import { z } from 'zod';
import { frozenKind } from '@main/services/common/frozen';
import type { CertificatePrint } from '@shared/documents/certificates/layout';
import { GENDERS } from '@shared/russian';

/**
 * What a certificate printed, frozen at issue (version 1): every later download renders this,
 * never today's registry, so a corrected surname or a renamed event leaves issued certificates
 * as they were handed out — a reprint is the same page.
 */
const printSchema = z
  .object({
    numberLabel: z.string(),
    issuedOn: z.string(),
    name: z.object({ printed: z.string(), nominative: z.string() }).strict(),
    gender: z.enum(GENDERS),
    centerName: z.string(),
    lead: z.string(),
    text: z.string(),
    signer: z.object({ position: z.string(), name: z.string() }).strict(),
    sealPlace: z.boolean(),
    logo: z.object({ hash: z.string(), widthMm: z.number(), heightMm: z.number() }).strict().nullable(),
    event: z
      .object({ id: z.number(), title: z.string(), firstDay: z.string(), lastDay: z.string(), hours: z.number().nullable() })
      .strict(),
  })
  .strict() satisfies z.ZodType<CertificatePrint>;

export const certificateSnapshot = frozenKind({ version: 1, schema: printSchema });
