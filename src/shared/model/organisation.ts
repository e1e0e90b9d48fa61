import { z } from 'zod';
import { baseRecord, country, isoDate, name, optionalText } from './base';
import { logoSchema } from './logo';
import { LOCALES } from '../i18n/locales';
import { isTimeZone } from '../calendar/localDay';

/** lead or partner in the project; 'other' for organisations the project serves (e.g. SMEs). */
export const ORG_ROLES = ['lead', 'partner', 'other'] as const;
/**
 * What an organisation is; SMEs are the employers a project helps to open jobs (a donor indicator),
 * 'employer' any other business that employs people (a larger company).
 */
export const ORG_KINDS = ['ngo', 'sme', 'public', 'other', 'employer'] as const;
/** The kinds in the order the Organisations screen offers them (the register's own order). */
export const REGISTER_KINDS = ['sme', 'employer', 'public', 'ngo', 'other'] as const satisfies ReadonlyArray<(typeof ORG_KINDS)[number]>;

export const organisationSchema = baseRecord.extend({
  name: name(200),
  country,
  town: name(120),
  role: z.enum(ORG_ROLES),
  /** The organisation's own installation is the one row with isSelf; the lead also stores its partners. */
  isSelf: z.boolean(),
  kind: z.enum(ORG_KINDS).default('ngo'),
  /** For SMEs: when the project's support was given, and the jobs it helped to open. */
  supportedOn: isoDate.optional(),
  jobsCreated: z.number().int().min(0).max(100000).optional(),
  /** Register entries (role 'other', the Organisations screen): what it does, whom to call, what the project gave. */
  sector: optionalText(120),
  contactPerson: optionalText(120),
  support: optionalText(1000),
  /**
   * The IANA time zone whose calendar day is "today" (calendar/localDay.ts). Absent on older
   * records and until chosen in Settings: then the country's zone (orgTimeZone).
   */
  timeZone: z.string().max(64).refine(isTimeZone).optional(),
  /** The organisation's logo, printed on its paperwork (Settings → Organisation). */
  logo: logoSchema.optional(),
});
export type Organisation = z.infer<typeof organisationSchema>;

/** What the first-run screen and the organisation settings form ask for. */
export const organisationSetupSchema = organisationSchema
  .pick({ name: true, country: true, town: true, role: true })
  .extend({ role: z.enum(['lead', 'partner']), language: z.enum(LOCALES), userName: name(120) });
export type OrganisationSetup = z.infer<typeof organisationSetupSchema>;

/**
 * What the Organisations form and its import supply: an employer, SME, public institution or NGO
 * the project works with. `town` is its municipality (the gazetteer's canonical name where known).
 */
export const organisationDraftSchema = organisationSchema
  .pick({ name: true, kind: true, country: true, town: true, sector: true, contactPerson: true, support: true, supportedOn: true, jobsCreated: true })
  .extend({ kind: z.enum(ORG_KINDS) });
export type OrganisationDraft = z.infer<typeof organisationDraftSchema>;
export type OrganisationDraftInput = z.input<typeof organisationDraftSchema>;
