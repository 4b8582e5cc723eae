import type { LonLat } from '../geo.ts';
import type { City, Neighbourhood } from '../taxonomy.ts';

type HoodSeed = readonly [slug: string, ru: string, srLatn: string, en: string, uk: string, centre: LonLat];

function hoods(city: string, seeds: readonly HoodSeed[]): Neighbourhood[] {
  return seeds.map(([slug, ru, srLatn, en, uk, centre]) => ({
    slug,
    city,
    names: { ru, 'sr-Latn': srLatn, en, uk },
    centre,
  }));
}

// Centres are approximate hearts of each area, [lon, lat]; nearest centre decides a point's neighbourhood.
const BELGRADE: readonly HoodSeed[] = [
  ['dorcol', 'Дорчол', 'Dorćol', 'Dorćol', 'Дорчол', [20.4645, 44.8235]],
  ['stari-grad', 'Стари-Град', 'Stari grad', 'Stari Grad', 'Старий Град', [20.457, 44.8155]],
  ['vracar', 'Врачар', 'Vračar', 'Vračar', 'Врачар', [20.477, 44.799]],
  ['savski-venac', 'Савски-Венац', 'Savski venac', 'Savski Venac', 'Савський Венац', [20.4525, 44.805]],
  ['novi-beograd', 'Новый Белград', 'Novi Beograd', 'New Belgrade', 'Новий Белград', [20.415, 44.81]],
  ['zemun', 'Земун', 'Zemun', 'Zemun', 'Земун', [20.406, 44.845]],
  ['palilula', 'Палилула', 'Palilula', 'Palilula', 'Палілула', [20.4785, 44.814]],
  ['zvezdara', 'Звездара', 'Zvezdara', 'Zvezdara', 'Звездара', [20.505, 44.797]],
  ['vozdovac', 'Вождовац', 'Voždovac', 'Voždovac', 'Вождовац', [20.482, 44.781]],
  ['cukarica', 'Чукарица', 'Čukarica', 'Čukarica', 'Чукариця', [20.42, 44.788]],
  ['rakovica', 'Раковица', 'Rakovica', 'Rakovica', 'Раковиця', [20.443, 44.746]],
  ['banovo-brdo', 'Баново-Брдо', 'Banovo brdo', 'Banovo Brdo', 'Банове Брдо', [20.405, 44.777]],
  ['karaburma', 'Карабурма', 'Karaburma', 'Karaburma', 'Карабурма', [20.508, 44.82]],
  ['senjak', 'Сеньяк', 'Senjak', 'Senjak', 'Сеньяк', [20.445, 44.794]],
  ['dedinje', 'Дединье', 'Dedinje', 'Dedinje', 'Дединьє', [20.455, 44.782]],
  [
    'bezanijska-kosa',
    'Бежанийска-Коса',
    'Bežanijska kosa',
    'Bežanijska Kosa',
    'Бежанійська Коса',
    [20.375, 44.818],
  ],
  ['banjica', 'Баница', 'Banjica', 'Banjica', 'Баниця', [20.472, 44.764]],
  ['mirijevo', 'Мириево', 'Mirijevo', 'Mirijevo', 'Мирієво', [20.537, 44.794]],
  ['borca', 'Борча', 'Borča', 'Borča', 'Борча', [20.462, 44.872]],
];

const NOVI_SAD: readonly HoodSeed[] = [
  ['centar', 'Центр', 'Centar', 'City Centre', 'Центр', [19.8455, 45.2555]],
  ['liman', 'Лиман', 'Liman', 'Liman', 'Лиман', [19.842, 45.243]],
  ['grbavica', 'Грбавица', 'Grbavica', 'Grbavica', 'Грбавиця', [19.83, 45.251]],
  ['detelinara', 'Детелинара', 'Detelinara', 'Detelinara', 'Детелінара', [19.816, 45.262]],
  ['podbara', 'Подбара', 'Podbara', 'Podbara', 'Подбара', [19.855, 45.2625]],
  ['petrovaradin', 'Петроварадин', 'Petrovaradin', 'Petrovaradin', 'Петроварадин', [19.866, 45.25]],
  ['novo-naselje', 'Ново-Населье', 'Novo naselje', 'Novo Naselje', 'Ново Населє', [19.797, 45.254]],
  ['salajka', 'Салайка', 'Salajka', 'Salajka', 'Салайка', [19.839, 45.265]],
  ['telep', 'Телеп', 'Telep', 'Telep', 'Телеп', [19.808, 45.241]],
  [
    'sremska-kamenica',
    'Сремска-Каменица',
    'Sremska Kamenica',
    'Sremska Kamenica',
    'Сремська Кам’яниця',
    [19.843, 45.222],
  ],
  ['klisa', 'Клиса', 'Klisa', 'Klisa', 'Кліса', [19.836, 45.281]],
  ['adice', 'Адице', 'Adice', 'Adice', 'Адиці', [19.79, 45.233]],
];

export const SEED_CITIES: City[] = [
  {
    slug: 'belgrade',
    names: { ru: 'Белград', 'sr-Latn': 'Beograd', en: 'Belgrade', uk: 'Белград' },
    timeZone: 'Europe/Belgrade',
    centre: [20.4573, 44.8125],
    zoom: 12,
    // The continuous urban area: Batajnica and Borča in the north, Resnik in the south, Surčin to Mirijevo.
    bounds: [20.22, 44.68, 20.62, 44.93],
    neighbourhoods: hoods('belgrade', BELGRADE),
  },
  {
    slug: 'novi-sad',
    names: { ru: 'Нови-Сад', 'sr-Latn': 'Novi Sad', en: 'Novi Sad', uk: 'Нови-Сад' },
    timeZone: 'Europe/Belgrade',
    centre: [19.8335, 45.2671],
    zoom: 13,
    // From Veternik to Petrovaradin, and from Sremska Kamenica up to Klisa and Sajlovo.
    bounds: [19.72, 45.2, 19.93, 45.31],
    neighbourhoods: hoods('novi-sad', NOVI_SAD),
  },
];
