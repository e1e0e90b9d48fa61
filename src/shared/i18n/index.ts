export * from './locales';
export * from './format';
export * from './setup';
export { cyrillicToLatin, foldForSearch, latinToCyrillic } from './transliterate';
export { genderContext } from './gender';
