/**
 * The municipalities and cities of Croatia, Serbia, Bosnia and Herzegovina and Slovenia: the
 * local self-government units people live in, which is what "municipality" means in the
 * indicators.
 *
 * Sources (written from the official lists; no network here, so check against them when a list
 * changes and bump GAZETTEER_VERSION):
 *   HR  Zakon o područjima županija, gradova i općina u Republici Hrvatskoj (NN 86/06 and
 *       amendments): 128 gradova (Grad Zagreb included) and 428 općina, by county.
 *   RS  Zakon o teritorijalnoj organizaciji Republike Srbije (Sl. glasnik RS 129/07 and
 *       amendments): the City of Belgrade, the other cities and municipalities (145 units
 *       outside Kosovo and Metohija, which are left out), and the city municipalities (gradske
 *       opštine) of Belgrade (17), Novi Sad, Niš, Kragujevac, Vranje, Požarevac and Užice.
 *   BA  FBiH: Zakon o principima lokalne samouprave and the cantons' lists (79 units); Republika
 *       Srpska: Zakon o teritorijalnoj organizaciji RS (63 municipalities and cities plus the
 *       City of Istočno Sarajevo); Brčko District; plus the City of Sarajevo.
 *   SI  Zakon o ustanovitvi občin ter o določitvi njihovih območij (ZUODNO): 212 občin.
 *
 * Format, one entry per line: `Canonical name[=Cyrillic][|alias|alias…]`.
 *  - The canonical name is the official Latin-script name, as stored on a person.
 *  - Serbia and BiH use both scripts; their Cyrillic names are latinToCyrillic(name) (exact for
 *    these names: Оџаци, Гаџин Хан, Кањижа, Инђија are checked in tests) unless given after `=`.
 *  - Aliases: former names still in use (Bosanski Novi, Srpsko Sarajevo), the bare name of a
 *    qualified entry (Palilula → "Palilula (Beograd)" and "Palilula (Niš)": both, so ambiguous
 *    until the user picks one), and the Italian/Hungarian official names in bilingual areas.
 *  - Two units of one country with one name carry the county (HR), city (RS) or entity (BA) in
 *    parentheses, so each canonical name is unique within its country.
 * Prefixes such as "Grad", "Općina", "Opština", "Občina", "Mestna občina" are removed before
 * matching (see placeKey), so "Grad Zagreb" and "Mestna občina Ljubljana" need no alias.
 */

export const GAZETTEER_VERSION = 1;

export const HR = `
Zagreb
Dugo Selo
Ivanić-Grad
Jastrebarsko
Samobor
Sveta Nedelja (Zagrebačka)|Sveta Nedelja
Sveti Ivan Zelina
Velika Gorica
Vrbovec
Zaprešić
Bedenica
Bistra
Brckovljani
Brdovec
Dubrava
Dubravica
Farkaševac
Gradec
Jakovlje
Klinča Sela
Kloštar Ivanić
Krašić
Kravarsko
Križ
Luka
Marija Gorica
Orle
Pisarovina
Pokupsko
Preseka
Pušća
Rakovec
Rugvica
Stupnik
Žumberak
Donja Stubica
Klanjec
Krapina
Oroslavje
Pregrada
Zabok
Zlatar
Bedekovčina
Budinščina
Desinić
Đurmanec
Gornja Stubica
Hraščina
Hum na Sutli
Jesenje
Konjščina
Kraljevec na Sutli
Krapinske Toplice
Kumrovec
Lobor
Mače
Marija Bistrica
Mihovljan
Novi Golubovec
Petrovsko
Radoboj
Stubičke Toplice
Sveti Križ Začretje
Tuhelj
Veliko Trgovišće
Zagorska Sela
Zlatar Bistrica
Glina
Hrvatska Kostajnica
Kutina
Novska
Petrinja
Popovača
Sisak
Donji Kukuruzari
Dvor
Gvozd
Hrvatska Dubica
Jasenovac
Lekenik
Lipovljani
Majur
Martinska Ves
Sunja
Topusko
Velika Ludina
Duga Resa
Karlovac
Ogulin
Ozalj
Slunj
Barilović
Bosiljevo
Cetingrad
Draganić
Generalski Stol
Josipdol
Kamanje
Krnjak
Lasinja
Netretić
Plaški
Rakovica
Ribnik
Saborsko
Tounj
Vojnić
Žakanje
Ivanec
Lepoglava
Ludbreg
Novi Marof
Varaždin
Varaždinske Toplice
Bednja
Beretinec
Breznica
Breznički Hum
Cestica
Donja Voća
Gornji Kneginec
Jalžabet
Klenovnik
Ljubešćica
Mali Bukovec
Martijanec
Maruševec
Petrijanec
Sračinec
Sveti Đurđ
Sveti Ilija
Trnovec Bartolovečki
Veliki Bukovec
Vidovec
Vinica
Visoko
Đurđevac
Koprivnica
Križevci
Drnje
Đelekovec
Ferdinandovac
Gola
Gornja Rijeka
Hlebine
Kalinovac
Kalnik
Kloštar Podravski
Koprivnički Bregi
Koprivnički Ivanec
Legrad
Molve
Novigrad Podravski
Novo Virje
Peteranec
Podravske Sesvete
Rasinja
Sokolovac
Sveti Ivan Žabno
Sveti Petar Orehovec
Virje
Bjelovar
Čazma
Daruvar
Garešnica
Grubišno Polje
Berek
Dežanovac
Đulovac
Hercegovac
Ivanska
Kapela
Končanica
Nova Rača
Rovišće
Severin
Sirač
Šandrovac
Štefanje
Velika Pisanica
Velika Trnovitica
Veliki Grđevac
Veliko Trojstvo
Zrinski Topolovac
Bakar
Cres
Crikvenica
Čabar
Delnice
Kastav
Kraljevica
Krk
Mali Lošinj
Novi Vinodolski
Opatija
Rab
Rijeka|Fiume
Vrbovsko
Baška
Brod Moravice
Čavle
Dobrinj
Fužine
Jelenje
Klana
Kostrena
Lokve
Lopar
Lovran
Malinska-Dubašnica|Malinska
Matulji
Mošćenička Draga
Mrkopalj
Omišalj
Punat
Ravna Gora
Skrad
Vinodolska općina|Vinodol
Viškovo
Vrbnik
Gospić
Novalja
Otočac
Senj
Brinje
Donji Lapac
Karlobag
Lovinac
Perušić
Plitvička Jezera
Udbina
Vrhovine
Orahovica
Slatina
Virovitica
Crnac
Čačinci
Čađavica
Gradina
Lukač
Mikleuš
Nova Bukovica
Pitomača
Sopje
Suhopolje
Špišić Bukovica
Voćin
Zdenci
Kutjevo
Lipik
Pakrac
Pleternica
Požega
Brestovac
Čaglin
Jakšić
Kaptol
Velika
Nova Gradiška
Slavonski Brod
Bebrina
Brodski Stupnik
Bukovlje
Cernik
Davor
Donji Andrijevci
Dragalić
Garčin
Gornja Vrba
Gornji Bogićevci
Gundinci
Klakar
Nova Kapela
Okučani
Oprisavci
Oriovac
Podcrkavlje
Rešetari
Sibinj
Sikirevci
Slavonski Šamac
Stara Gradiška
Staro Petrovo Selo
Velika Kopanica
Vrbje
Vrpolje
Benkovac
Biograd na Moru
Nin
Obrovac
Pag
Zadar
Bibinje
Galovac
Gračac
Jasenice
Kali
Kolan
Kukljica
Lišane Ostrovičke
Novigrad (Zadarska)|Novigrad
Pakoštane
Pašman
Polača
Poličnik
Posedarje
Povljana
Preko
Privlaka (Zadarska)|Privlaka
Ražanac
Sali
Stankovci
Starigrad
Sukošan
Sveti Filip i Jakov
Škabrnja
Tkon
Vir
Vrsi
Zemunik Donji
Beli Manastir
Belišće
Donji Miholjac
Đakovo
Našice
Osijek
Valpovo
Antunovac
Bilje
Bizovac
Čeminac
Čepin
Darda
Draž
Donja Motičina
Drenje
Đurđenovac
Erdut
Ernestinovo
Feričanci
Gorjani
Jagodnjak
Kneževi Vinogradi
Koška
Levanjska Varoš
Magadenovac
Marijanci
Petlovac
Petrijevci
Podgorač
Podravska Moslavina
Popovac
Punitovci
Satnica Đakovačka
Semeljci
Strizivojna
Šodolovci
Trnava
Viljevo
Viškovci
Vladislavci
Vuka
Drniš
Knin
Skradin
Šibenik
Vodice
Bilice
Biskupija
Civljane
Ervenik
Kijevo
Kistanje
Murter-Kornati|Murter
Pirovac
Primošten
Promina
Rogoznica
Ružić
Tisno
Tribunj
Unešić
Ilok
Otok (Vukovarsko-srijemska)|Otok
Vinkovci
Vukovar
Županja
Andrijaševci
Babina Greda
Bogdanovci
Borovo
Bošnjaci
Cerna
Drenovci
Gradište
Gunja
Ivankovo
Jarmina
Lovas
Markušica
Negoslavci
Nijemci
Nuštar
Privlaka (Vukovarsko-srijemska)|Privlaka
Stari Jankovci
Stari Mikanovci
Štitar
Tompojevci
Tordinci
Tovarnik
Trpinja
Vođinci
Vrbanja
Hvar
Imotski
Kaštela
Komiža
Makarska
Omiš
Sinj
Solin
Split
Stari Grad
Supetar
Trilj
Trogir
Vis
Vrgorac
Vrlika
Baška Voda
Bol
Brela
Cista Provo
Dicmo
Dugi Rat
Dugopolje
Gradac
Hrvace
Jelsa
Klis
Lećevica
Lokvičići
Lovreć
Marina
Milna
Muć
Nerežišća
Okrug
Otok (Splitsko-dalmatinska)|Otok
Podbablje
Podgora
Podstrana
Postira
Prgomet
Primorski Dolac
Proložac
Pučišća
Runovići
Seget
Selca
Sućuraj
Sutivan
Šestanovac
Šolta
Tučepi
Zadvarje
Zagvozd
Zmijavci
Buje|Buie
Buzet
Labin
Novigrad (Istarska)|Novigrad|Cittanova
Pazin
Poreč|Parenzo
Pula|Pola
Rovinj|Rovigno
Umag|Umago
Vodnjan|Dignano
Bale|Valle
Barban
Brtonigla|Verteneglio
Cerovlje
Fažana|Fasana
Funtana|Fontane
Gračišće
Grožnjan|Grisignana
Kanfanar
Karojba
Kaštelir-Labinci|Castelliere-Santa Domenica
Kršan
Lanišće
Ližnjan
Lupoglav
Marčana
Medulin
Motovun|Montona
Oprtalj|Portole
Pićan
Raša
Sveta Nedelja (Istarska)|Sveta Nedelja
Sveti Lovreč
Sveti Petar u Šumi
Svetvinčenat
Tar-Vabriga|Torre-Abrega
Tinjan
Višnjan|Visignano
Vižinada|Visinada
Vrsar|Orsera
Žminj
Dubrovnik
Korčula
Metković
Opuzen
Ploče
Blato
Dubrovačko primorje
Janjina
Konavle
Kula Norinska
Lastovo
Lumbarda
Mljet
Orebić
Pojezerje
Slivno
Smokvica
Ston
Trpanj
Vela Luka
Zažablje
Župa dubrovačka
Čakovec
Mursko Središće
Prelog
Belica
Dekanovec
Domašinec
Donja Dubrava
Donji Kraljevec
Donji Vidovec
Goričan
Gornji Mihaljevec
Kotoriba
Mala Subotica
Nedelišće
Orehovica
Podturen
Pribislavec
Selnica
Strahoninec
Sveta Marija
Sveti Juraj na Bregu
Sveti Martin na Muri
Šenkovec
Štrigova
Vratišinec
`;

export const RS = `
Beograd|Belgrade
Barajevo
Voždovac
Vračar
Grocka
Zvezdara
Zemun
Lazarevac
Mladenovac
Novi Beograd
Obrenovac
Palilula (Beograd)|Palilula
Rakovica
Savski venac
Sopot
Stari grad (Beograd)|Stari grad
Surčin
Čukarica
Subotica|Szabadka
Bačka Topola
Mali Iđoš
Zrenjanin
Novi Bečej
Nova Crnja
Žitište
Sečanj
Kikinda
Senta
Ada
Kanjiža
Novi Kneževac
Čoka
Pančevo
Vršac
Alibunar
Bela Crkva
Kovačica
Kovin
Opovo
Plandište
Sombor
Apatin
Kula
Odžaci
Novi Sad
Petrovaradin
Bač
Bačka Palanka
Bački Petrovac
Bečej
Beočin
Vrbas
Žabalj
Srbobran
Sremski Karlovci
Temerin
Titel
Sremska Mitrovica
Inđija
Irig
Pećinci
Ruma
Stara Pazova
Šid
Šabac
Loznica
Bogatić
Vladimirci
Koceljeva
Krupanj
Ljubovija
Mali Zvornik
Valjevo
Lajkovac
Ljig
Mionica
Osečina
Ub
Smederevo
Smederevska Palanka
Velika Plana
Požarevac
Kostolac
Veliko Gradište
Golubac
Žabari
Žagubica
Kučevo
Malo Crniće
Petrovac na Mlavi|Petrovac
Kragujevac
Aerodrom
Pivara
Stanovo
Stari grad (Kragujevac)|Stari grad
Stragari
Aranđelovac
Batočina
Knić
Lapovo
Rača
Topola
Jagodina
Ćuprija
Despotovac
Paraćin
Rekovac
Svilajnac
Bor
Kladovo
Majdanpek
Negotin
Zaječar
Boljevac
Knjaževac
Sokobanja|Soko Banja
Užice
Sevojno
Arilje
Bajina Bašta
Kosjerić
Nova Varoš
Požega
Priboj
Prijepolje
Sjenica
Čajetina
Čačak
Gornji Milanovac
Ivanjica
Lučani
Kraljevo
Novi Pazar
Raška
Tutin
Vrnjačka Banja
Kruševac
Aleksandrovac
Brus
Varvarin
Trstenik
Ćićevac
Niš
Medijana
Palilula (Niš)|Palilula
Pantelej
Crveni krst
Niška Banja
Aleksinac
Gadžin Han
Doljevac
Merošina
Ražanj
Svrljig
Prokuplje
Blace
Žitorađa
Kuršumlija
Pirot
Babušnica
Bela Palanka
Dimitrovgrad
Leskovac
Bojnik
Vlasotince
Lebane
Medveđa
Crna Trava
Vranje
Vranjska Banja
Bosilegrad
Bujanovac
Vladičin Han
Preševo
Surdulica
Trgovište
`;

export const BA = `
Sarajevo|Grad Sarajevo
Bihać
Bosanska Krupa
Bosanski Petrovac
Bužim
Cazin
Ključ
Sanski Most
Velika Kladuša
Domaljevac-Šamac|Domaljevac
Odžak
Orašje
Banovići
Čelić
Doboj Istok
Gračanica
Gradačac
Kalesija
Kladanj
Lukavac
Sapna
Srebrenik
Teočak
Tuzla
Živinice
Breza
Doboj Jug
Kakanj
Maglaj
Olovo
Tešanj
Usora
Vareš
Visoko
Zavidovići
Zenica
Žepče
Foča-Ustikolina|Ustikolina
Goražde
Pale-Prača|Prača
Bugojno
Busovača
Dobretići
Donji Vakuf
Fojnica
Gornji Vakuf-Uskoplje|Gornji Vakuf|Uskoplje
Jajce
Kiseljak
Kreševo
Novi Travnik
Travnik
Vitez
Čapljina
Čitluk
Jablanica
Konjic
Mostar
Neum
Prozor-Rama|Prozor|Rama
Ravno
Stolac
Grude
Ljubuški
Posušje
Široki Brijeg
Centar Sarajevo|Centar
Hadžići
Ilidža
Ilijaš
Novi Grad Sarajevo
Novo Sarajevo
Stari Grad Sarajevo
Trnovo (FBiH)=Трново (ФБиХ)|Trnovo
Vogošća
Bosansko Grahovo|Grahovo
Drvar
Glamoč
Kupres (FBiH)=Купрес (ФБиХ)|Kupres
Livno
Tomislavgrad|Duvno
Banja Luka
Berkovići
Bijeljina
Bileća
Bratunac
Brod|Bosanski Brod|Srpski Brod
Čajniče
Čelinac
Derventa
Doboj
Donji Žabar
Foča|Srbinje
Gacko
Gradiška|Bosanska Gradiška
Han Pijesak
Istočna Ilidža|Srpska Ilidža
Istočni Drvar|Srpski Drvar
Istočni Mostar|Srpski Mostar
Istočni Stari Grad|Srpski Stari Grad
Istočno Novo Sarajevo|Srpsko Novo Sarajevo
Istočno Sarajevo|Srpsko Sarajevo
Jezero
Kalinovik
Kneževo|Skender Vakuf
Kostajnica|Bosanska Kostajnica
Kotor Varoš
Kozarska Dubica|Bosanska Dubica
Krupa na Uni
Kupres (RS)=Купрес (РС)|Kupres|Srpski Kupres
Laktaši
Lopare
Ljubinje
Milići
Modriča
Mrkonjić Grad
Nevesinje
Novi Grad|Bosanski Novi
Novo Goražde|Srpsko Goražde
Osmaci
Oštra Luka
Pale
Pelagićevo
Petrovac
Petrovo|Bosansko Petrovo Selo
Prijedor
Prnjavor
Ribnik
Rogatica
Rudo
Šamac|Bosanski Šamac
Šekovići
Šipovo
Sokolac
Srbac
Srebrenica
Stanari
Teslić
Trebinje
Trnovo (RS)=Трново (РС)|Trnovo|Srpsko Trnovo
Ugljevik
Višegrad
Vlasenica
Vukosavlje
Zvornik
Brčko|Brčko distrikt|Brčko Distrikt BiH
`;

export const SI = `
Ajdovščina
Ankaran|Ancarano
Apače
Beltinci
Benedikt
Bistrica ob Sotli
Bled
Bloke
Bohinj
Borovnica
Bovec
Braslovče
Brda
Brezovica
Brežice
Cankova
Celje
Cerklje na Gorenjskem
Cerknica
Cerkno
Cerkvenjak
Cirkulane
Črenšovci
Črna na Koroškem
Črnomelj
Destrnik
Divača
Dobje
Dobrepolje
Dobrna
Dobrova - Polhov Gradec
Dobrovnik|Dobronak
Dol pri Ljubljani
Dolenjske Toplice
Domžale
Dornava
Dravograd
Duplek
Gorenja vas - Poljane
Gorišnica
Gorje
Gornja Radgona
Gornji Grad
Gornji Petrovci
Grad
Grosuplje
Hajdina
Hoče - Slivnica
Hodoš|Hodos
Horjul
Hrastnik
Hrpelje - Kozina
Idrija
Ig
Ilirska Bistrica
Ivančna Gorica
Izola|Isola
Jesenice
Jezersko
Juršinci
Kamnik
Kanal ob Soči|Kanal
Kidričevo
Kobarid
Kobilje
Kočevje
Komen
Komenda
Koper|Capodistria
Kostanjevica na Krki
Kostel
Kozje
Kranj
Kranjska Gora
Križevci
Krško
Kungota
Kuzma
Laško
Lenart
Lendava|Lendva
Litija
Ljubljana
Ljubno
Ljutomer
Log - Dragomer
Logatec
Loška dolina
Loški Potok
Lovrenc na Pohorju
Luče
Lukovica
Majšperk
Makole
Maribor
Markovci
Medvode
Mengeš
Metlika
Mežica
Miklavž na Dravskem polju
Miren - Kostanjevica
Mirna
Mirna Peč
Mislinja
Mokronog - Trebelno
Moravče
Moravske Toplice
Mozirje
Murska Sobota
Muta
Naklo
Nazarje
Nova Gorica
Novo mesto
Odranci
Oplotnica
Ormož
Osilnica
Pesnica
Piran|Pirano
Pivka
Podčetrtek
Podlehnik
Podvelka
Poljčane
Polzela
Postojna
Prebold
Preddvor
Prevalje
Ptuj
Puconci
Rače - Fram
Radeče
Radenci
Radlje ob Dravi
Radovljica
Ravne na Koroškem
Razkrižje
Rečica ob Savinji
Renče - Vogrsko
Ribnica
Ribnica na Pohorju
Rogaška Slatina
Rogašovci
Rogatec
Ruše
Selnica ob Dravi
Semič
Sevnica
Sežana
Slovenj Gradec
Slovenska Bistrica
Slovenske Konjice
Sodražica
Solčava
Središče ob Dravi
Starše
Straža
Sveta Ana
Sveta Trojica v Slovenskih goricah
Sveti Andraž v Slovenskih goricah
Sveti Jurij ob Ščavnici
Sveti Jurij v Slovenskih goricah
Sveti Tomaž
Šalovci
Šempeter - Vrtojba
Šenčur
Šentilj
Šentjernej
Šentjur
Šentrupert
Škocjan
Škofja Loka
Škofljica
Šmarje pri Jelšah
Šmarješke Toplice
Šmartno ob Paki
Šmartno pri Litiji
Šoštanj
Štore
Tabor
Tišina
Tolmin
Trbovlje
Trebnje
Trnovska vas
Trzin
Tržič
Turnišče
Velenje
Velika Polana
Velike Lašče
Veržej
Videm
Vipava
Vitanje
Vodice
Vojnik
Vransko
Vrhnika
Vuzenica
Zagorje ob Savi
Zavrč
Zreče
Žalec
Železniki
Žetale
Žiri
Žirovnica
Žužemberk
`;
