/**
 * Text files as NGOs really have them: UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's
 * "Unicode text"), Windows-1250 (Croatian, Slovenian, Bosnian Excel) and Windows-1251 (Serbian
 * Cyrillic Excel). Uses only the platform's TextDecoder, so it runs in Node and in the browser.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1250' | 'windows-1251';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Which single-byte code page fits: in Windows-1251 every byte from 0xC0 to 0xFF is a Cyrillic
 * letter, so Cyrillic text is mostly high bytes; Latin text written in Windows-1250 has only its
 * few diacritics (č ć š ž đ) above 0x7F.
 */
export function guessCodePage(bytes: Uint8Array): 'windows-1250' | 'windows-1251' {
  let letters = 0;
  let high = 0;
  for (const b of bytes) {
    if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) letters++;
    else if (b >= 0xc0) {
      letters++;
      high++;
    }
  }
  return letters > 0 && high / letters > 0.4 ? 'windows-1251' : 'windows-1250';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', bom: false };
  const encoding = guessCodePage(bytes);
  return { text: new TextDecoder(encoding).decode(bytes), encoding, bom: false };
}
