import type { insightsEn } from './en.ts';

/** Serbian, Latin script (ekavian); the Cyrillic catalogue is derived from it letter by letter. */
export const insightsSrLatn: typeof insightsEn = {
  link: 'Zajednica u brojkama',
  title: 'Zajednica u brojkama',
  titleCity: 'Zajednica u brojkama: {city}',
  intro:
    'Brojke o mestima i događajima na mapi grada {city}: šta postoji, gde, šta je otvoreno i zatvoreno i na kojim jezicima. Uz svaki grafikon je njegova tabela i {csv} datoteka za vašu analizu.',
  cityNav: 'Grad',
  periodHeading: 'Period',
  from: 'Od',
  to: 'Do',
  monthHint: 'Mesec i godina; najviše 24 meseca.',
  show: 'Prikaži',
  periodIgnored:
    'Period iz adrese nije mogao da se koristi ({problem}), pa je prikazano poslednjih 12 meseci.',
  period: '{from} – {to}',
  summaryHeading: 'Ukratko',
  activePlaces: 'mesta na mapi',
  opened: 'otvoreno u periodu',
  closed: 'zatvoreno u periodu',
  events: 'datuma događaja u periodu',
  downloadCsv: 'Preuzmi tabelu ({csv})',
  empty: 'Za ovaj period još nema šta da se prikaže.',
  tableNote: 'Tabela se pomera bočno da bi se videle sve kolone.',
  noNeighbourhood: 'Naselje nije navedeno',
  categories: {
    heading: 'Mesta po kategorijama',
    caption: 'Aktivna mesta po kategorijama',
    chartDesc: 'Stubičasti grafikon aktivnih mesta po kategorijama, od najvećeg broja: {top}.',
  },
  neighbourhoods: {
    heading: 'Mesta po naseljima',
    caption: 'Aktivna mesta po naseljima',
    chartDesc: 'Stubičasti grafikon aktivnih mesta po naseljima, od najvećeg broja: {top}.',
  },
  changes: {
    heading: 'Otvaranja i zatvaranja po mesecima',
    caption: 'Otvorena i zatvorena mesta po mesecima',
    chartDesc:
      'Grafikon po mesecima: otvorena mesta iznad linije, zatvorena ispod nje. Ukupno otvoreno {opened}, zatvoreno {closed}.',
    legendOpened: 'Otvorena (iznad linije)',
    legendClosed: 'Zatvorena (ispod linije)',
  },
  eventsByType: {
    heading: 'Događaji po mesecima i vrstama',
    caption: 'Datumi događaja po mesecima i vrstama',
    chartDesc:
      'Po jedan mali grafikon za svaku vrstu događaja, meseci jedan do drugog. Ukupno datuma događaja: {count}.',
    chartTitle: '{type}: datumi događaja po mesecima',
    total: 'Sve vrste',
  },
  languages: {
    heading: 'Jezici na kojima se radi',
    caption: 'Aktivna mesta po jezicima na kojima se radi',
    chartDesc: 'Stubičasti grafikon mesta koja rade na svakom jeziku, od najvećeg broja: {top}.',
    note: 'Mesto koje radi na više jezika računa se kod svakog od njih, pa je zbir udela veći od 100%.',
  },
  newest: {
    heading: 'Najnovija mesta',
    caption: 'Deset poslednje dodatih mesta',
  },
  columns: {
    category: 'Kategorija',
    neighbourhood: 'Naselje',
    places: 'Mesta',
    share: 'Udeo',
    month: 'Mesec',
    opened: 'Otvoreno',
    closed: 'Zatvoreno',
    type: 'Vrsta',
    events: 'Datumi događaja',
    language: 'Jezik',
    place: 'Mesto',
    added: 'Dodato',
  },
  methodHeading: 'Kako nastaju ove brojke',
  method: [
    'Računaju se samo javna mesta: aktivna, a u istoriji i zatvorena. Mesta koja čekaju proveru i obrisana mesta se nikad ne računaju. Mesta koja rade od kuće računaju se sa ostalima; skrivena je samo njihova tačna adresa.',
    'Mesto se računa kao otvoreno u mesecu koji je naveden kao datum otvaranja, a ako nije naveden — u mesecu kad se prvi put pojavilo na mapi; kao zatvoreno u mesecu kad je označeno kao zatvoreno. Meseci se računaju po vremenu grada, i za mesta i za događaje.',
    'Kod događaja koji se ponavlja računa se svaki njegov datum; otkazani događaji se ne računaju.',
    'Brojke potiču iz podataka same zajednice: mesto koje niko nije dodao nije uračunato.',
  ],
  demoNote: 'Ovo su brojke izmišljenih demo podataka.',
};
