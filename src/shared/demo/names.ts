/** Names and places for demo data, drawn from the towns and institutions in the project's sources. */
export const WOMEN_FIRST = [
  'Ana',
  'Marija',
  'Ivana',
  'Jelena',
  'Maja',
  'Sanja',
  'Petra',
  'Nikolina',
  'Vesna',
  'Mirela',
  'Dragana',
  'Snežana',
  'Amra',
  'Lejla',
  'Emina',
  'Aida',
  'Mojca',
  'Špela',
  'Nataša',
  'Tjaša',
  'Đurđica',
  'Ljiljana',
  'Gordana',
  'Kristina',
];
export const MEN_FIRST = ['Marko', 'Ivan', 'Goran', 'Dragan', 'Nenad', 'Emir', 'Adnan', 'Matej', 'Luka', 'Bojan', 'Žarko', 'Tomaž'];
export const LAST = [
  'Horvat',
  'Kovačević',
  'Babić',
  'Novak',
  'Jurić',
  'Petrović',
  'Nikolić',
  'Marković',
  'Đurđević',
  'Hodžić',
  'Begić',
  'Kranjc',
  'Zupan',
  'Cesar',
  'Oršuš',
  'Balog',
  'Vuković',
  'Tomić',
  'Šimunović',
  'Knežević',
  'Krajnc',
  'Mlakar',
  'Hadžić',
  'Radić',
];

export interface Place {
  town: string;
  country: 'HR' | 'SI' | 'RS' | 'BA';
}
export const HR_TOWNS: Place[] = [
  { town: 'Čakovec', country: 'HR' },
  { town: 'Varaždin', country: 'HR' },
  { town: 'Prelog', country: 'HR' },
];
export const SI_TOWNS: Place[] = [
  { town: 'Celje', country: 'SI' },
  { town: 'Ormož', country: 'SI' },
  { town: 'Ptuj', country: 'SI' },
];

export const INSTITUTIONS = [
  { name: 'Centar za socijalnu skrb Čakovec', type: 'socialWorkCentre', place: HR_TOWNS[0] },
  { name: 'Hrvatski zavod za zapošljavanje, Područni ured Čakovec', type: 'employmentOffice', place: HR_TOWNS[0] },
  { name: 'Centar za socijalnu skrb Varaždin', type: 'socialWorkCentre', place: HR_TOWNS[1] },
  { name: 'Center za socialno delo Celje', type: 'socialWorkCentre', place: SI_TOWNS[0] },
  { name: 'Zavod RS za zaposlovanje, Območna služba Celje', type: 'employmentOffice', place: SI_TOWNS[0] },
  { name: 'Center za socialno delo Ormož', type: 'socialWorkCentre', place: SI_TOWNS[1] },
  { name: 'Ministrstvo za delo, družino, socialne zadeve in enake možnosti', type: 'ministry', place: SI_TOWNS[0] },
] as const;

export const SECTORS = ['crafts', 'tourism', 'agriculture', 'care', 'food', 'textiles', 'it'];
