import { legalFormsFor } from '../country/defaults';
import { inPeriod } from '../indicators/dataset';
import { BUSINESS_OUTCOME_KINDS, LEGAL_FORMS, type Country, type LegalForm, type Outcome } from '../model';

export type BusinessDetails = Pick<Outcome, 'legalForm' | 'jobsCreated'>;

/** Whether an outcome (or a closure's outcome) of this kind is a business of her own. */
export function isBusinessOutcome(kind: string | undefined): boolean {
  return (BUSINESS_OUTCOME_KINDS as readonly (string | undefined)[]).includes(kind);
}

/**
 * Why these details cannot go on an outcome of this kind in an organisation of this country,
 * or null: a legal form and jobs belong to a business of her own, and the legal form must be
 * one the country has.
 */
export function businessDetailsProblem(
  kind: string | undefined,
  details: BusinessDetails,
  country: Country | undefined,
): 'detailsNotForKind' | 'legalFormNotInCountry' | null {
  if (details.legalForm === undefined && details.jobsCreated === undefined) return null;
  if (!isBusinessOutcome(kind)) return 'detailsNotForKind';
  if (details.legalForm !== undefined && !legalFormsFor(country).includes(details.legalForm)) return 'legalFormNotInCountry';
  return null;
}

/**
 * Up to v3 a closed match wrote its legal form and jobs into the outcome's note as machine text
 * ("obrt; jobs:1", "jobs:2"). This takes them out: a `jobs:N` token anywhere, a legal form only as
 * a whole "; "-separated part (never out of prose such as "Registrirala obrt"); the rest of the
 * note stays as the user wrote it. Undefined when the note carries neither.
 */
export function parseLegacyOutcomeNote(note: string | undefined): (BusinessDetails & { note: string | undefined }) | undefined {
  if (!note) return undefined;
  let legalForm: LegalForm | undefined;
  let jobsCreated: number | undefined;
  const rest: string[] = [];
  for (const part of note.split(';')) {
    const text = part.trim();
    const jobs = /^(.*?)\s*\bjobs:\s*(\d{1,4})\b\s*(.*)$/.exec(text);
    if (jobs && jobsCreated === undefined && Number(jobs[2]) <= 1000) {
      jobsCreated = Number(jobs[2]);
      const left = `${jobs[1]} ${jobs[3]}`.trim();
      if (left) rest.push(left);
    } else if (legalForm === undefined && (LEGAL_FORMS as readonly string[]).includes(text)) {
      legalForm = text as LegalForm;
    } else if (text) rest.push(text);
  }
  if (legalForm === undefined && jobsCreated === undefined) return undefined;
  return { legalForm, jobsCreated, note: rest.length ? rest.join('; ') : undefined };
}

/**
 * An outcome as the v4 upgrade leaves it: the legal form and jobs a v3 closure wrote into the
 * note become fields (business outcomes only; other kinds and prose notes stay as they were).
 * Returns the same object when nothing changes.
 */
export function migrateLegacyOutcome<T extends Pick<Outcome, 'kind' | 'note' | 'legalForm' | 'jobsCreated'>>(outcome: T): T {
  if (!isBusinessOutcome(outcome.kind)) return outcome;
  const parsed = parseLegacyOutcomeNote(outcome.note);
  if (!parsed) return outcome;
  const next = { ...outcome };
  if (next.legalForm === undefined && parsed.legalForm !== undefined) next.legalForm = parsed.legalForm;
  if (next.jobsCreated === undefined && parsed.jobsCreated !== undefined) next.jobsCreated = parsed.jobsCreated;
  if (parsed.note === undefined) delete next.note;
  else next.note = parsed.note;
  return next;
}

type OutcomeFacts = Pick<Outcome, 'personId' | 'kind' | 'date'> & Partial<BusinessDetails>;

/**
 * For the report's drill-down: the legal form and jobs of each person's outcomes of one kind
 * dated in the period (as the outcome figures count them), oldest first.
 */
export function businessDetailsByPerson(
  outcomes: readonly OutcomeFacts[],
  kind: string,
  period: { from?: string | undefined; to?: string | undefined },
): Map<string, BusinessDetails[]> {
  const out = new Map<string, BusinessDetails[]>();
  const rows = outcomes.filter((o) => o.kind === kind && inPeriod(o.date, period)).sort((a, b) => a.date.localeCompare(b.date));
  for (const o of rows) {
    if (o.legalForm === undefined && o.jobsCreated === undefined) continue;
    const list = out.get(o.personId) ?? [];
    list.push({ legalForm: o.legalForm, jobsCreated: o.jobsCreated });
    out.set(o.personId, list);
  }
  return out;
}
