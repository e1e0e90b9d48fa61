// The labels live in src/shared so the command-line consolidation names things the same way.
export { categoryLabel, reportLabels, type NameMaps } from '@shared/indicators/reportLabels';
