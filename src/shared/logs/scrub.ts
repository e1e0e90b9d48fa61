/**
 * What goes into Mreža's log files: error names, messages and stacks, and the app's own fixed
 * texts. This takes out what could still identify a person or carry data: e-mail addresses, phone
 * and ID numbers (OIB, JMBG), the user's name in a home folder path, file names (Mreža proposes
 * names such as `mreza-mentor-pack-ana-horvat-….mreza-mentor`), quoted text (where a message
 * echoes what was typed) and long encoded blobs (file contents, keys). Objects other than errors
 * and bytes are never written, only their kind. A log file can be sent to a helper as it is.
 */

/** Longest line kept; the rest is cut (a stack is long enough at this length). */
export const MAX_LOG_LINE = 4000;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
// C:\Users\ana.horvat\…, /home/ana/…, /Users/ana/…: the folder after these is a person's login.
const HOME = /((?:[A-Za-z]:)?[\\/](?:Users|home|Documents and Settings)[\\/])[^\\/\s"'<>:|?*]+/gi;
// A file name: something.ext where ext is a known data or Mreža extension. Our own code files
// (index-abc123.js, chunk names in stacks) are kept: they hold no data and the stack needs them.
const FILE_NAME = /[^\s\\/"'<>:|?*()]+\.(mreza(?:-[a-z]+)?|csv|xlsx|xls|gz|json|pdf|ics|txt|docx?)\b/giu;
// Text in quotes of any kind used in the six languages: what a message echoes of the input.
const QUOTED = /"[^"\n]{1,200}"|'[^'\n]{1,200}'|“[^”\n]{1,200}”|„[^“”\n]{1,200}[“”]|‘[^’\n]{1,200}’|«[^»\n]{1,200}»|»[^«\n]{1,200}«/gu;
// Base64, hex and similar runs long enough to be content or a key, never a word.
const BLOB = /[A-Za-z0-9+/=_-]{40,}/g;
// ISO dates and times stay: a log needs them and they identify no one.
const ISO_DATE_TIME = /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g;
// Phone numbers (+385 91 234 5678, 091/234-567) and ID numbers (11-digit OIB, 13-digit JMBG).
const NUMBER_RUN = /(?:\+|\b)\d[\d ()./-]{4,}\d\b/g;

function digits(text: string): number {
  return text.replace(/\D/g, '').length;
}

export function scrubText(text: string): string {
  const kept: string[] = [];
  // Dates are put aside first, so the number rule cannot take a date for a phone number.
  let out = text.replace(ISO_DATE_TIME, (m) => `\uE000${kept.push(m) - 1}\uE000`);
  out = out
    .replace(EMAIL, '<email>')
    .replace(HOME, '$1<user>')
    .replace(FILE_NAME, (_m, ext: string) => `<file>.${ext.toLowerCase()}`)
    .replace(QUOTED, '<text>')
    .replace(BLOB, '<data>')
    .replace(NUMBER_RUN, (m) => (digits(m) >= 6 ? '<number>' : m));
  out = out.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => kept[Number(i)] ?? '');
  return out.length > MAX_LOG_LINE ? `${out.slice(0, MAX_LOG_LINE)}…` : out;
}

/** One argument of a log call as it may be written: text scrubbed, errors by name/message/stack, bytes by size, anything else by kind. */
export function scrubValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return scrubText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Error) {
    const stack = value.stack && value.stack.includes(value.message) ? value.stack : `${value.name}: ${value.message}\n${value.stack ?? ''}`;
    const cause = value.cause instanceof Error ? `\nCaused by: ${value.cause.name}: ${value.cause.message}` : '';
    return scrubText(`${stack}${cause}`);
  }
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return `<${value.byteLength} bytes>`;
  if (Array.isArray(value)) return `<array of ${value.length}>`;
  return `<${typeof value}>`;
}
