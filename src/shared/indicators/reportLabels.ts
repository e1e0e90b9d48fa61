/**
 * How the report's tables name things in the user's language: the renderer passes its i18next
 * `t`, the command-line consolidation one made by createI18n.
 */
import type { TFunction } from 'i18next';
import { municipalityLabel } from '../gazetteer';
import type { ReportLabels } from './report';

export interface NameMaps {
  programmes: Map<string, string>;
  organisations: Map<string, string>;
  /** The user's language, for names written in its script (municipalities in sr-Cyrl). */
  locale?: string;
}

/** How a breakdown's category keys read in the user's language. */
export function categoryLabel(t: TFunction, names: NameMaps, table: string, key: string): string {
  if (key === 'unknown') return t('reports:unknown');
  switch (table) {
    case 'byGender':
      return t(`reports:categories.gender.${key}`);
    case 'byAgeBand':
      return t(`reports:categories.ageBand.${key}`, { defaultValue: key });
    case 'byTargetGroup':
      return t(`reports:categories.targetGroup.${key}`);
    case 'byCountry':
      return t(`common:countries.${key}`, { defaultValue: key });
    case 'byProgramme':
      return names.programmes.get(key) ?? key;
    case 'byPartner':
      return names.organisations.get(key) ?? key;
    case 'byMunicipality':
      return municipalityLabel(key, names.locale);
    case 'servicesByPeople':
    case 'servicesBySessions':
      return t(`reports:categories.service.${key}`);
    case 'outcomes':
      return t(`reports:categories.outcome.${key}`);
    case 'referralsMade':
    case 'referralsAccepted':
    case 'referralsCompleted':
      return t(`reports:categories.referralKind.${key}`);
    default:
      return key;
  }
}

export function reportLabels(t: TFunction, names: NameMaps): ReportLabels {
  return {
    table: (id) => t(`reports:tables.${id}`),
    category: (table, key) => categoryLabel(t, names, table, key),
    indicator: (id) => t(`reports:indicators.${id}`),
    value: t('reports:value'),
    total: t('reports:total'),
    legend: {
      title: t('reports:legend.title'),
      mark: t('reports:legend.mark'),
      meaning: t('reports:legend.meaning'),
      small: (threshold) => t('reports:legend.small', { max: threshold - 1 }),
      secondary: t('reports:legend.secondary'),
    },
  };
}
