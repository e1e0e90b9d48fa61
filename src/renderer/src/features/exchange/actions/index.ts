export type { ExchangeActionContext, SaveFile } from './context';
export { exchangeProblemOf, type ExchangeProblem, type Outcome } from './outcome';
export { joinLeadProject, saveInvitation, saveLeadKeyFile, startLeadProject } from './project';
export { peopleWithheld, whyWithheld, writePartnerBundle, type PartnerExportChoice } from './partnerExport';
export { applyBundles, confirmKey, inspectBundles, planStatus, type ConfirmedKeys } from './bundleImport';
