/**
 * ~100 tricky inputs for the sr-Latn → sr-Cyrl generator (issue 18, item 6): what must stay in
 * Latin (placeholders, tags, URLs, e-mail addresses, file names and extensions, key names, ISO
 * language codes, acronyms, brands), Latin words inflected with a hyphen ("Excel-a" → "Excel-а"),
 * and l+j / n+j / d+ž split after a prefix anywhere in the word ("izvanjezički").
 */
import { describe, expect, it } from 'vitest';
import { cyrillicToLatin, latinToCyrillic } from '../../src/shared/i18n/transliterate';

const cases: [latin: string, cyrillic: string][] = [
  // keyboard keys keep their printed names
  ['Pritisnite Enter.', 'Притисните Enter.'],
  ['Tab prelazi na sledeće polje', 'Tab прелази на следеће поље'],
  ['razmaknica (Space) označava uslugu', 'размакница (Space) означава услугу'],
  ['Ctrl+Enter čuva', 'Ctrl+Enter чува'],
  ['Shift+Tab vraća nazad', 'Shift+Tab враћа назад'],
  ['Esc zatvara prozor', 'Esc затвара прозор'],
  ['Backspace briše znak', 'Backspace брише знак'],
  ['Delete briše red', 'Delete брише ред'],
  ['Home i End idu na početak i kraj', 'Home и End иду на почетак и крај'],
  ['PageUp, PageDown', 'PageUp, PageDown'],
  ['Cmd+S na Mac-u', 'Cmd+S на Mac-у'],
  ['F1 otvara pomoć', 'F1 отвара помоћ'],
  ['Alt+F4', 'Alt+F4'],
  // file extensions and file names
  ['Zakazani susreti (.ics)', 'Заказани сусрети (.ics)'],
  ['Tabela (.xlsx)', 'Табела (.xlsx)'],
  ['datoteke .csv i .xlsx', 'датотеке .csv и .xlsx'],
  ['Sačuvaj kao *.pdf', 'Сачувај као *.pdf'],
  ['paket .mreza od mentora', 'пакет .mreza од ментора'],
  ['datoteka izvoz.csv je spremna', 'датотека izvoz.csv је спремна'],
  ['otvorite ucesnici.xlsx', 'отворите ucesnici.xlsx'],
  ['kopija mreza-2026-03-17.mreza', 'копија mreza-2026-03-17.mreza'],
  ['Kraj rečenice.Nova rečenica', 'Крај реченице.Нова реченица'],
  ['format dd.mm.gggg.', 'формат дд.мм.гггг.'],
  ['DD.MM.GGGG.', 'ДД.ММ.ГГГГ.'],
  ['itd. i sl.', 'итд. и сл.'],
  // ISO language codes
  ['Jezici (hr, sr, bs, sl, hu, en, …)', 'Језици (hr, sr, bs, sl, hu, en, …)'],
  ['kod sr-Latn i sr-Cyrl', 'код sr-Latn и sr-Cyrl'],
  ['jezik: sr', 'језик: sr'],
  ['Ne ja, nego on i ona', 'Не ја, него он и она'],
  // acronyms kept, Serbian acronyms converted
  ['Izvoz u CSV, XLSX ili PDF', 'Извоз у CSV, XLSX или PDF'],
  ['u skladu sa GDPR-om', 'у складу са GDPR-ом'],
  ['finansira EU', 'финансира EU'],
  ['program BADGE', 'програм BADGE'],
  ['ID osobe', 'ID особе'],
  ['USB stik', 'USB стик'],
  ['SHA-256 otisak', 'SHA-256 отисак'],
  ['NVO i OCD', 'НВО и ОЦД'],
  ['JMBG nije potreban', 'ЈМБГ није потребан'],
  ['LGBT osobe', 'ЛГБТ особе'],
  ['SMS-om ili lično', 'СМС-ом или лично'],
  ['OPG (Hrvatska)', 'ОПГ (Хрватска)'],
  ['IT sektor', 'IT сектор'],
  ['Interreg IPA projekat', 'Interreg IPA пројекат'],
  ['OK', 'OK'],
  // brands and inflected Latin words
  ['iz Excel-a', 'из Excel-а'],
  ['u Excel-u', 'у Excel-у'],
  ['LibreOffice Calc', 'LibreOffice Calc'],
  ['Google kalendar', 'Google календар'],
  ['Outlook-u i Google-u', 'Outlook-у и Google-у'],
  ['na Windows-u', 'на Windows-у'],
  ['Word dokument', 'Word документ'],
  ['Zoom sastanak', 'Zoom састанак'],
  ['WhatsApp grupa', 'WhatsApp група'],
  ['iPhone i Android', 'iPhone и Android'],
  ['Mreža radi bez interneta', 'Мрежа ради без интернета'],
  ['Mrežu, Mreže, Mrežom', 'Мрежу, Мреже, Мрежом'],
  ['Onlajn susret', 'Онлајн сусрет'],
  ['imejl adresa', 'имејл адреса'],
  ['e-mail i E-mail', 'e-mail и E-mail'],
  // placeholders, nesting, tags, entities
  ['{{count}} osoba', '{{count}} особа'],
  ['{{name}} je upisana', '{{name}} је уписана'],
  ['{{count, number}} redova', '{{count, number}} редова'],
  ['{{- html}} ovde', '{{- html}} овде'],
  ['$t(common:save) sada', '$t(common:save) сада'],
  ['<1>Klikni</1> ovde', '<1>Кликни</1> овде'],
  ['<strong>važno</strong>', '<strong>важно</strong>'],
  ['<0/> Dalje', '<0/> Даље'],
  ['a&nbsp;b', 'а&nbsp;б'],
  // URLs and e-mail addresses
  ['https://mreza.org/pomoc', 'https://mreza.org/pomoc'],
  ['Pišite na podrska@mreza.org.', 'Пишите на podrska@mreza.org.'],
  ['www.nsz.gov.rs', 'www.nsz.gov.rs'],
  ['posetite mreza.rs/uputstvo', 'посетите mreza.rs/uputstvo'],
  // digraphs split after a prefix, anywhere in the word
  ['izvanjezički', 'изванјезички'],
  ['Izvanjezički signali', 'Изванјезички сигнали'],
  ['vanjezički', 'ванјезички'],
  ['neinjektivan', 'неинјективан'],
  ['nadživeti', 'надживети'],
  ['nenadživljen', 'ненадживљен'],
  ['preodživeti', 'преодживети'],
  ['podžanr', 'поджанр'],
  ['predželudac', 'преджелудац'],
  ['konjunkcija', 'конјункција'],
  ['konjugacija', 'конјугација'],
  ['injekcija', 'инјекција'],
  ['Tanjug', 'Танјуг'],
  ['anjon', 'анјон'],
  ['panjevropski', 'панјевропски'],
  // … and real digraphs stay digraphs, also after a prefix
  ['odžak Odžaci nadžak', 'оџак Оџаци наџак'],
  ['konj, konjski, Konjic', 'коњ, коњски, Коњиц'],
  ['izjednačenje', 'изједначење'],
  ['raspodela, raznjihati', 'расподела, разњихати'],
  ['bezjezički', 'безјезички'],
  ['budžet, džep, Džon', 'буџет, џеп, Џон'],
  ['ljubav, Ljubljana, LJUBAV', 'љубав, Љубљана, ЉУБАВ'],
  ['njiva, Njegoš, NJIVA', 'њива, Његош, ЊИВА'],
  ['izveštaj, zapošljavanje', 'извештај, запошљавање'],
  ['naj|jači', 'нај|јачи'],
  // Roman numerals and caps
  ['Modul II i IV', 'Модул II и IV'],
  ['PRVI PUT', 'ПРВИ ПУТ'],
  ['A4 stranica', 'A4 страница'],
];

describe('latinToCyrillic on tricky inputs', () => {
  it('has about a hundred cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(95);
  });

  it.each(cases)('%s', (latin, cyrillic) => {
    expect(latinToCyrillic(latin)).toBe(cyrillic);
  });

  it('round-trips the split words back to the same Latin', () => {
    for (const w of ['izvanjezički', 'nadživeti', 'konjunkcija', 'neinjektivan', 'podžanr']) {
      expect(cyrillicToLatin(latinToCyrillic(w))).toBe(w);
    }
  });
});
