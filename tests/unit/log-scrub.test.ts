import { describe, expect, it } from 'vitest';
import { MAX_LOG_LINE, scrubText, scrubValue } from '@shared/logs/scrub';

describe('scrubText: no personal data in the logs', () => {
  it('takes out e-mail addresses, phone and ID numbers', () => {
    const out = scrubText('sent to ana.horvat@udruga.hr, phone +385 91 234 5678 or 091/234-567, OIB 12345678903, JMBG 0101990330001');
    expect(out).not.toMatch(/ana|horvat|udruga\.hr|234|5678|12345678903|0101990330001/);
    expect(out).toContain('<email>');
    expect(out).toContain('<number>');
  });

  it('keeps dates, times, small numbers and the error text itself', () => {
    const out = scrubText('2026-03-01T09:15:02.123Z backup failed after 3 tries (QuotaExceededError) at 2026-03-01 line 42:17');
    expect(out).toBe('2026-03-01T09:15:02.123Z backup failed after 3 tries (QuotaExceededError) at 2026-03-01 line 42:17');
  });

  it('takes the login name out of home folder paths', () => {
    expect(scrubText('EACCES: open C:\\Users\\marija.kovac\\AppData\\Roaming\\Mreza\\logs')).toBe(
      'EACCES: open C:\\Users\\<user>\\AppData\\Roaming\\Mreza\\logs',
    );
    expect(scrubText('at /home/jovana/.config/Mreza')).toBe('at /home/<user>/.config/Mreza');
    expect(scrubText('/Users/amra/Library')).toBe('/Users/<user>/Library');
  });

  it('takes out file names, which carry names of people and organisations', () => {
    const out = scrubText('could not read mreza-mentor-pack-ana-horvat-2026-03-01.mreza-mentor and popis-sudionika_Šimić.xlsx');
    expect(out).not.toMatch(/ana|horvat|šimić|sudionika/i);
    expect(out).toContain('<file>.mreza-mentor');
    expect(out).toContain('<file>.xlsx');
  });

  it('takes out quoted text, where a message echoes what was typed', () => {
    for (const q of ['"Ivana Babić"', "'Ivana Babić'", '„Ivana Babić“', '“Ivana Babić”', '»Ivana Babić«', '«Ivana Babić»']) {
      expect(scrubText(`duplicate person ${q} in row 4`)).toBe('duplicate person <text> in row 4');
    }
  });

  it('takes out long encoded content and keys', () => {
    const blob = 'UEsDBBQAAAAIAAAAIQ' + 'A'.repeat(60);
    expect(scrubText(`bytes ${blob} end`)).toBe('bytes <data> end');
  });

  it('cuts an overlong line', () => {
    expect(scrubText('x '.repeat(5000)).length).toBeLessThanOrEqual(MAX_LOG_LINE + 1);
  });
});

describe('scrubValue', () => {
  it('writes an error by name, message and stack, scrubbed, with its cause', () => {
    const e = new Error('cannot open ana@x.org', { cause: new TypeError('bad "Marko"') });
    const out = String(scrubValue(e));
    expect(out).toContain('Error: cannot open <email>');
    expect(out).toContain('Caused by: TypeError: bad <text>');
    expect(out).not.toMatch(/ana@|Marko/);
  });

  it('never writes the contents of bytes, records or arrays', () => {
    expect(scrubValue(new Uint8Array([1, 2, 3]))).toBe('<3 bytes>');
    expect(scrubValue({ firstName: 'Ana', lastName: 'Horvat' })).toBe('<object>');
    expect(scrubValue(['Ana', 'Horvat'])).toBe('<array of 2>');
    expect(scrubValue(7)).toBe(7);
    expect(scrubValue(undefined)).toBeNull();
  });
});
