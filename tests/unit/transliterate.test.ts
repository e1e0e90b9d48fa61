import { describe, expect, it } from 'vitest';
import { cyrillicToLatin, foldForSearch, latinToCyrillic, LATIN_KEEP, mapStrings } from '../../src/shared/i18n/transliterate';

describe('latinToCyrillic', () => {
  it('converts single letters of both cases', () => {
    expect(latinToCyrillic('abcčćdđefghijklmnoprsštuvzž')).toBe('абцчћдђефгхијклмнопрсштувзж');
    expect(latinToCyrillic('ABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ')).toBe('АБЦЧЋДЂЕФГХИЈКЛМНОПРСШТУВЗЖ');
    expect(latinToCyrillic('Mreža')).toBe('Мрежа');
    expect(latinToCyrillic('Đorđe Ćirić, čačkalica')).toBe('Ђорђе Ћирић, чачкалица');
  });

  it('converts the digraphs lj, nj, dž in lower, title and upper case', () => {
    expect(latinToCyrillic('ljubav njiva džep')).toBe('љубав њива џеп');
    expect(latinToCyrillic('Ljubav Njegoš Džon')).toBe('Љубав Његош Џон');
    expect(latinToCyrillic('LJUBAV NJEGOŠ DŽEP')).toBe('ЉУБАВ ЊЕГОШ ЏЕП');
    expect(latinToCyrillic('Učitavanje, budžet, polje, konj')).toBe('Учитавање, буџет, поље, коњ');
  });

  it('keeps two letters where a prefix meets the root (digraph exceptions)', () => {
    expect(latinToCyrillic('nadživeti')).toBe('надживети');
    expect(latinToCyrillic('Nadživeti')).toBe('Надживети');
    expect(latinToCyrillic('podžupan podžanr predželudac odživeti')).toBe('поджупан поджанр преджелудац одживети');
    expect(latinToCyrillic('konjunkcija konjugacija injekcija')).toBe('конјункција конјугација инјекција');
    // … but real џ/њ words with the same beginnings stay digraphs
    expect(latinToCyrillic('odžak Odžaci nadžak konj konjski')).toBe('оџак Оџаци наџак коњ коњски');
  });

  it('leaves i18next placeholders, nesting and Trans tags untouched, converting the text between', () => {
    expect(latinToCyrillic('{{count}} osoba')).toBe('{{count}} особа');
    expect(latinToCyrillic('Zdravo, {{name}}! {{- html}} {{date, datetime}}')).toBe('Здраво, {{name}}! {{- html}} {{date, datetime}}');
    expect(latinToCyrillic('Vidi $t(common:save) i $t(people, {"count": {{n}} })')).toBe('Види $t(common:save) и $t(people, {"count": {{n}} })');
    expect(latinToCyrillic('<1>Klikni</1> ovde <0/> <br/> <strong>važno</strong>')).toBe('<1>Кликни</1> овде <0/> <br/> <strong>важно</strong>');
    expect(latinToCyrillic('<a href="https://mreza.org/pomoc">pomoć</a>')).toBe('<a href="https://mreza.org/pomoc">помоћ</a>');
    expect(latinToCyrillic('a&nbsp;b')).toBe('а&nbsp;б');
  });

  it('leaves URLs and e-mail addresses untouched', () => {
    expect(latinToCyrillic('Piši na info@mreza.org ili posetite https://mreza.org/o-nama.')).toBe(
      'Пиши на info@mreza.org или посетите https://mreza.org/o-nama.',
    );
    expect(latinToCyrillic('www.mreza.rs i mreza.org')).toBe('www.mreza.rs и mreza.org');
  });

  it('keeps the listed acronyms and brands, and foreign-looking words', () => {
    expect(latinToCyrillic('Izvoz u CSV, XLSX ili PDF; ICS kalendar; ID; NGO; EU; GDPR; OK')).toBe(
      'Извоз у CSV, XLSX или PDF; ICS календар; ID; NGO; EU; GDPR; OK',
    );
    expect(latinToCyrillic('HMAC-SHA256, UUID, BADGE, Interreg, e-mail')).toBe('HMAC-SHA256, UUID, BADGE, Interreg, e-mail');
    expect(latinToCyrillic('PDF-a')).toBe('PDF-а');
    expect(latinToCyrillic('Windows, Excel, iPhone, Müller, A4')).toBe('Windows, Excel, iPhone, Müller, A4');
    // listed words are matched as whole words, case-sensitively
    expect(latinToCyrillic('idi ok okej')).toBe('иди ок океј');
    for (const word of LATIN_KEEP) expect(latinToCyrillic(word)).toBe(word);
  });

  it('keeps Roman numerals except inside all-caps text', () => {
    expect(latinToCyrillic('Modul II i IV, XXI vek')).toBe('Модул II и IV, XXI век');
    expect(latinToCyrillic('DA LI STE VI SIGURNI')).toBe('ДА ЛИ СТЕ ВИ СИГУРНИ');
    expect(latinToCyrillic('Vi i mi')).toBe('Ви и ми');
  });

  it('accepts decomposed input (NFD)', () => {
    expect(latinToCyrillic('C\u030Cesar')).toBe('Чесар');
  });
});

describe('cyrillicToLatin', () => {
  it('converts letters and digraph letters with the right case', () => {
    expect(cyrillicToLatin('абвгдђежзијклљмнњопрстћуфхцчџш')).toBe('abvgdđežzijklljmnnjoprstćufhcčdžš');
    expect(cyrillicToLatin('Љубав Његош Џон')).toBe('Ljubav Njegoš Džon');
    expect(cyrillicToLatin('ЉУБАВ ЊЕГОШ ЏЕП ПОЉ')).toBe('LJUBAV NJEGOŠ DŽEP POLJ');
    expect(cyrillicToLatin('Љ')).toBe('Lj');
  });

  it('leaves placeholders and Latin text alone', () => {
    expect(cyrillicToLatin('{{count}} особа, CSV, <1>кликни</1>')).toBe('{{count}} osoba, CSV, <1>klikni</1>');
  });

  it('round-trips Serbian Latin text', () => {
    for (const s of [
      'Dobrodošli u Mrežu! Učitavanje podataka…',
      'LJUBAV, Njegoš, džemper, nadživeti, konjunkcija, Đurđevdan',
      'Izvezi {{count}} učesnika u CSV. <1>Pomoć</1>',
    ]) {
      expect(cyrillicToLatin(latinToCyrillic(s))).toBe(s);
    }
  });
});

describe('foldForSearch', () => {
  it('matches without diacritics and across scripts', () => {
    expect(foldForSearch('Česar')).toBe('cesar');
    expect(foldForSearch('Česar')).toContain(foldForSearch('cesar'));
    expect(foldForSearch('Петровић')).toBe(foldForSearch('Petrović'));
    expect(foldForSearch('Петровић')).toBe('petrovic');
    expect(foldForSearch('PETROVIĆ')).toBe('petrovic');
  });

  it('folds đ to dj in both scripts', () => {
    expect(foldForSearch('Đurđević')).toBe('djurdjevic');
    expect(foldForSearch('Ђурђевић')).toBe('djurdjevic');
    expect(foldForSearch('Djurdjevic')).toBe('djurdjevic');
  });

  it('folds the other Serbian/Croatian/Slovenian letters and foreign accents', () => {
    expect(foldForSearch('Šćžč Џеп Ljiljana Њива')).toBe('sczc dzep ljiljana njiva');
    expect(foldForSearch('Müller José Łukasz Straße')).toBe('muller jose lukasz strasse');
    expect(foldForSearch('Z\u030Celjko')).toBe('zeljko');
  });
});

describe('mapStrings', () => {
  it('maps string leaves and keeps keys and structure', () => {
    expect(mapStrings({ a: 'x', b: { c: ['y', 'z'] }, n: 1 }, (s) => s.toUpperCase())).toEqual({
      a: 'X',
      b: { c: ['Y', 'Z'] },
      n: 1,
    });
  });
});
