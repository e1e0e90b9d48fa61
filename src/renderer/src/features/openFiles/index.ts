export { offerOpenedFile, useOpenedFile } from './pending';
export { useOpenedFileRouting } from './useOpenedFileRouting';
