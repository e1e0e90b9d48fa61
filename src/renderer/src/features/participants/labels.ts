import type { TFunction } from 'i18next';
import type { Person } from '@shared/model';
import type { ExportColumn } from '@shared/people/list';

/** A person's name as the list shows it; anonymised records say so instead. */
export function displayName(t: TFunction, p: Pick<Person, 'firstName' | 'lastName' | 'anonymised'>): string {
  return p.anonymised ? t('participants:anonymisedName') : `${p.lastName}, ${p.firstName}`;
}

export function exportHeader(t: TFunction, c: ExportColumn): string {
  return t(`participants:fields.${c}`);
}

export function exportValue(t: TFunction, c: ExportColumn, p: Person): string | number | undefined {
  switch (c) {
    case 'kind':
      return t(`participants:kinds.${p.kind}`);
    case 'gender':
      return t(`participants:genders.${p.gender}`);
    case 'employmentStatus':
      return p.employmentStatus ? t(`participants:employment.${p.employmentStatus}`) : '';
    case 'educationLevel':
      return p.educationLevel ? t(`participants:education.${p.educationLevel}`) : '';
    case 'birthYear':
      return p.birthYear;
    default:
      return p[c] ?? '';
  }
}
