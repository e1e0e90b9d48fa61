// The part of papaparse src/shared uses (import/csv.ts). @types/papaparse pulls in all of Node's
// types (`/// <reference types="node" />`), which the src/shared and renderer programs must not
// see, so their tsconfig.json map 'papaparse' to this file; the Node programs (main, scripts)
// and the tests' program check the same code against @types/papaparse.
export interface ParseConfig {
  delimiter?: string;
  delimitersToGuess?: string[];
  preview?: number;
  skipEmptyLines?: boolean | 'greedy';
}
export interface ParseResult<T> {
  data: T[];
  errors: { type: string; code: string; message: string; row?: number }[];
  meta: { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean; cursor: number };
}
declare const Papa: {
  parse<T>(input: string, config?: ParseConfig): ParseResult<T>;
};
export default Papa;
