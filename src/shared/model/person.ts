import { z } from 'zod';
import { baseRecord, country, id, isoDate, isoDateTime, name, optionalText } from './base';

export const PERSON_KINDS = ['beneficiary', 'professional'] as const;
export const GENDERS = ['woman', 'man', 'other', 'notStated'] as const;
export const TARGET_GROUPS = [
  'roma',
  'disability',
  'singleParent',
  'longTermUnemployed',
  'minimumIncome',
  'violenceSurvivor',
  'lgbt',
  'returnee',
  'other',
] as const;
export const EMPLOYMENT_STATUSES = ['unemployed', 'longTermUnemployed', 'employed', 'selfEmployed', 'student', 'retired', 'inactive', 'unknown'] as const;
export const EDUCATION_LEVELS = ['none', 'primary', 'secondary', 'tertiary', 'unknown'] as const;
export const ORG_TYPES = ['socialWorkCentre', 'employmentOffice', 'ministry', 'localGovernment', 'ngo', 'school', 'healthcare', 'sme', 'other'] as const;

export const personSchema = baseRecord.extend({
  kind: z.enum(PERSON_KINDS),
  firstName: name(100),
  lastName: name(100),
  gender: z.enum(GENDERS),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  municipality: optionalText(120),
  country: country.optional(),
  phone: optionalText(40),
  email: z.email().optional(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES).optional(),
  educationLevel: z.enum(EDUCATION_LEVELS).optional(),
  /** Professionals only: where they work and what they do there. */
  institution: optionalText(200),
  institutionType: z.enum(ORG_TYPES).optional(),
  jobTitle: optionalText(120),
  /** Special-category data (GDPR art. 9): stored only with recorded consent. */
  targetGroups: z.array(z.enum(TARGET_GROUPS)).default([]),
  notes: optionalText(5000),
  /** Lower-case, diacritics- and script-folded "first last" used for search and duplicate checks. */
  nameKey: z.string().default(''),
  anonymised: z.boolean().default(false),
});
export type Person = z.infer<typeof personSchema>;

/** What a form or an import supplies: the person without ids, timestamps and derived fields. */
export const personDraftSchema = personSchema.omit({ id: true, orgId: true, createdAt: true, updatedAt: true, nameKey: true, anonymised: true });
export type PersonDraft = z.infer<typeof personDraftSchema>;
export type PersonDraftInput = z.input<typeof personDraftSchema>;

export const LEGAL_BASES = ['consent', 'contract', 'legalObligation', 'publicTask', 'legitimateInterest'] as const;
export const consentSchema = baseRecord.extend({
  personId: id,
  legalBasis: z.enum(LEGAL_BASES),
  date: isoDate,
  noticeVersion: name(40),
  processing: z.boolean(),
  specialCategories: z.boolean(),
  shareWithLead: z.boolean(),
  photos: z.boolean(),
  withdrawnAt: isoDate.optional(),
  /** Who recorded it in Mreža (the signed-in user's name), where known. Stays with the organisation. */
  recordedBy: optionalText(120),
});
export type Consent = z.infer<typeof consentSchema>;

/** What a consent form supplies. */
export const consentDraftSchema = consentSchema.omit({ id: true, orgId: true, createdAt: true, updatedAt: true, personId: true });
export type ConsentDraft = z.infer<typeof consentDraftSchema>;

/**
 * Whether a person record holds special-category data (GDPR Art. 9): any target group, or notes
 * with more than blanks. The one rule for the form, the import and a consent's withdrawal.
 */
export function holdsSpecialCategoryData(p: { targetGroups?: readonly string[] | undefined; notes?: string | undefined }): boolean {
  return (p.targetGroups?.length ?? 0) > 0 || (p.notes ?? '').trim() !== '';
}

/** A consent counts while it is not withdrawn; special-category data needs one that covers it. */
export function coversSpecialCategories(consents: readonly Pick<Consent, 'specialCategories' | 'withdrawnAt' | 'processing'>[]): boolean {
  return consents.some((c) => c.specialCategories && c.processing && !c.withdrawnAt);
}

/**
 * What withdrawing consent `consentId` deletes with it: when no other consent still covers special
 * categories, the person's target groups and notes (no basis is left to keep them). The confirmation
 * names this, and the withdrawal applies exactly this.
 */
export function lostOnWithdrawal(
  person: { targetGroups?: readonly string[] | undefined; notes?: string | undefined },
  consents: readonly Pick<Consent, 'id' | 'specialCategories' | 'withdrawnAt' | 'processing'>[],
  consentId: string,
): { targetGroups: string[]; notes: boolean } {
  if (coversSpecialCategories(consents.filter((c) => c.id !== consentId))) return { targetGroups: [], notes: false };
  return { targetGroups: [...(person.targetGroups ?? [])], notes: holdsSpecialCategoryData({ notes: person.notes }) };
}

export const OUTCOME_KINDS = ['qualification', 'employed', 'selfEmployed', 'businessRegistered', 'education'] as const;
/**
 * Legal forms of a business a mentee registers, across the four countries (which ones a country
 * offers: legalFormsFor in shared/people/legalForms). Codes, never translated; shown localised.
 */
export const LEGAL_FORMS = ['obrt', 'jdoo', 'doo', 'opg', 'preduzetnik', 'samostalniObrtnik', 'sp', 'association', 'cooperative', 'other'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];
/** The outcome kinds that are a business of her own, and so may carry a legal form and jobs created. */
export const BUSINESS_OUTCOME_KINDS = ['businessRegistered', 'selfEmployed'] as const satisfies ReadonlyArray<(typeof OUTCOME_KINDS)[number]>;
/** What a business outcome may record besides its kind: shared by the outcome and the match closure that writes it. */
export const businessDetailsShape = {
  legalForm: z.enum(LEGAL_FORMS).optional(),
  /** Jobs the business created (her own included); absent when nobody said. */
  jobsCreated: z.number().int().min(0).max(1000).optional(),
};
export const outcomeSchema = baseRecord.extend({
  personId: id,
  kind: z.enum(OUTCOME_KINDS),
  date: isoDate,
  ...businessDetailsShape,
  /** A job outcome's employer: an organisation of the register (Organisations), "employed at". */
  employerId: id.optional(),
  note: optionalText(500),
});
export type Outcome = z.infer<typeof outcomeSchema>;

/** Left behind by an erasure so the next export tells the lead to erase the person too. */
export const tombstoneSchema = baseRecord.extend({
  table: z.string().min(1),
  recordId: id,
  erasedAt: isoDateTime,
});
export type Tombstone = z.infer<typeof tombstoneSchema>;

/** The import column mapping the user confirmed last time for a file with these headers. */
export const importMappingSchema = z.object({
  /** The folded headers joined with "|" (see headerSignature in shared/import/headers). */
  id: z.string().min(1).max(4000),
  mapping: z.array(z.string().nullable()),
  updatedAt: isoDateTime,
});
export type ImportMapping = z.infer<typeof importMappingSchema>;
