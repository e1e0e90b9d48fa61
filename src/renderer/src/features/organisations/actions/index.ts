export type { OrganisationActionContext } from './context';
export { removeOrganisation, saveOrganisation, type SaveResult } from './saveOrganisation';
export { checkOrganisationImport, openOrganisationFile, orgRowsToImport, writeOrganisationImport, type OpenOrgImportResult } from './importOrganisations';
