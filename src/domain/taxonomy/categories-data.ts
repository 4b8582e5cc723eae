import type { Category } from '../taxonomy.ts';

/** Names in ru, sr-Latn, en, uk (sr-Cyrl is derived from sr-Latn) and what people type, per language. */
interface Seed {
  slug: string;
  names: readonly [ru: string, srLatn: string, en: string, uk: string];
  synonyms: { ru: string[]; sr: string[]; en: string[]; uk: string[] };
}
interface GroupSeed extends Seed {
  /** Every colour takes white text at a WCAG AA contrast of at least 4.5:1; categories reuse their group's. */
  color: string;
  categories: Seed[];
}

const GROUPS: GroupSeed[] = [
  {
    slug: 'food-drink',
    names: ['Еда и напитки', 'Hrana i piće', 'Food & drink', 'Їжа та напої'],
    synonyms: {
      ru: ['еда', 'поесть', 'где поесть', 'напитки'],
      sr: ['hrana', 'piće', 'jelo', 'gde jesti'],
      en: ['food', 'drink', 'eat', 'dining'],
      uk: ['їжа', 'поїсти', 'напої'],
    },
    color: '#b4471e',
    categories: [
      {
        slug: 'cafe',
        names: ['Кафе', 'Kafić', 'Café', 'Кав’ярня'],
        synonyms: {
          ru: ['кофейня', 'кофе', 'кафе', 'завтрак', 'сырники'],
          sr: ['kafić', 'kafa', 'kafeterija', 'doručak', 'kafe'],
          en: ['coffee', 'coffee shop', 'cafe', 'breakfast'],
          uk: ["кав'ярня", 'кава', 'кафе', 'сніданок'],
        },
      },
      {
        slug: 'restaurant',
        names: ['Ресторан', 'Restoran', 'Restaurant', 'Ресторан'],
        synonyms: {
          ru: ['ресторан', 'обед', 'ужин', 'русская кухня', 'пельмени'],
          sr: ['restoran', 'kafana', 'ručak', 'večera'],
          en: ['restaurant', 'dinner', 'lunch', 'eatery'],
          uk: ['ресторан', 'обід', 'вечеря', 'вареники'],
        },
      },
      {
        slug: 'bakery',
        names: ['Пекарня', 'Pekara', 'Bakery', 'Пекарня'],
        synonyms: {
          ru: ['пекарня', 'хлеб', 'выпечка', 'булочная', 'кондитерская'],
          sr: ['pekara', 'hleb', 'pecivo', 'burek', 'poslastičarnica'],
          en: ['bakery', 'bread', 'pastry', 'cakes'],
          uk: ['пекарня', 'хліб', 'випічка', 'кондитерська'],
        },
      },
      {
        slug: 'bar',
        names: ['Бар', 'Bar', 'Bar', 'Бар'],
        synonyms: {
          ru: ['бар', 'паб', 'пиво', 'коктейли', 'рюмочная'],
          sr: ['bar', 'pab', 'pivnica', 'kokteli', 'splav'],
          en: ['bar', 'pub', 'cocktails', 'beer', 'nightlife'],
          uk: ['бар', 'паб', 'пиво', 'коктейлі'],
        },
      },
    ],
  },
  {
    slug: 'shops',
    names: ['Магазины', 'Prodavnice', 'Shops', 'Магазини'],
    synonyms: {
      ru: ['магазин', 'покупки', 'купить'],
      sr: ['prodavnica', 'radnja', 'kupovina'],
      en: ['shop', 'store', 'shopping'],
      uk: ['магазин', 'покупки', 'купити'],
    },
    color: '#8c6200',
    categories: [
      {
        slug: 'supermarket',
        names: ['Продуктовый магазин', 'Supermarket', 'Supermarket', 'Продуктовий магазин'],
        synonyms: {
          ru: ['супермаркет', 'продукты', 'гастроном', 'русские продукты', 'гречка'],
          sr: ['supermarket', 'market', 'samoposluga', 'namirnice', 'prodavnica'],
          en: ['supermarket', 'grocery', 'groceries', 'food store'],
          uk: ['супермаркет', 'продукти', 'гастроном'],
        },
      },
      {
        slug: 'bookstore',
        names: ['Книжный магазин', 'Knjižara', 'Bookstore', 'Книгарня'],
        synonyms: {
          ru: ['книжный', 'книги', 'книжная лавка', 'букинист'],
          sr: ['knjižara', 'knjige', 'antikvarijat'],
          en: ['bookshop', 'books', 'bookstore', 'second-hand books'],
          uk: ['книгарня', 'книжковий', 'книги'],
        },
      },
      {
        slug: 'shop-other',
        names: ['Другие магазины', 'Ostale prodavnice', 'Other shops', 'Інші магазини'],
        synonyms: {
          ru: ['магазин', 'одежда', 'цветы', 'подарки', 'товары для дома'],
          sr: ['radnja', 'butik', 'cvećara', 'pokloni', 'odeća'],
          en: ['shop', 'boutique', 'gifts', 'flowers', 'clothes'],
          uk: ['магазин', 'одяг', 'квіти', 'подарунки'],
        },
      },
    ],
  },
  {
    slug: 'children',
    names: ['Дети', 'Deca', 'Children', 'Діти'],
    synonyms: {
      ru: ['дети', 'для детей', 'ребёнок', 'детское'],
      sr: ['deca', 'za decu', 'dete'],
      en: ['kids', 'children', 'family'],
      uk: ['діти', 'для дітей', 'дитина'],
    },
    color: '#b8325e',
    categories: [
      {
        slug: 'kindergarten',
        names: ['Детский сад', 'Vrtić', 'Kindergarten', 'Дитячий садок'],
        synonyms: {
          ru: ['детский сад', 'садик', 'детсад'],
          sr: ['vrtić', 'obdanište', 'predškolska ustanova'],
          en: ['nursery', 'preschool', 'daycare'],
          uk: ['дитячий садок', 'садочок', 'садок'],
        },
      },
      {
        slug: 'school',
        names: ['Школа', 'Škola', 'School', 'Школа'],
        synonyms: {
          ru: ['школа', 'русская школа', 'гимназия', 'образование', 'репетитор'],
          sr: ['škola', 'osnovna škola', 'gimnazija', 'obrazovanje'],
          en: ['school', 'primary school', 'education', 'tutoring'],
          uk: ['школа', 'гімназія', 'освіта', 'репетитор'],
        },
      },
      {
        slug: 'kids-clubs',
        names: ['Кружки и секции', 'Radionice i kursevi za decu', 'Clubs & classes', 'Гуртки та секції'],
        synonyms: {
          ru: ['кружок', 'секция', 'развивашки', 'занятия для детей', 'творчество'],
          sr: ['radionica', 'kurs za decu', 'sekcija', 'igraonica'],
          en: ['kids classes', 'after-school', 'workshop', 'activities'],
          uk: ['гурток', 'секція', 'заняття для дітей'],
        },
      },
    ],
  },
  {
    slug: 'beauty',
    names: ['Красота', 'Lepota', 'Beauty', 'Краса'],
    synonyms: {
      ru: ['красота', 'салон красоты', 'уход'],
      sr: ['lepota', 'salon lepote', 'nega'],
      en: ['beauty', 'salon', 'beauty salon'],
      uk: ['краса', 'салон краси', 'догляд'],
    },
    color: '#9c3d94',
    categories: [
      {
        slug: 'hair-salon',
        names: ['Парикмахерская', 'Frizerski salon', 'Hair salon', 'Перукарня'],
        synonyms: {
          ru: ['парикмахерская', 'стрижка', 'барбершоп', 'салон красоты'],
          sr: ['frizer', 'frizerski salon', 'berberin'],
          en: ['hairdresser', 'barber', 'haircut'],
          uk: ['перукарня', 'стрижка', 'барбершоп'],
        },
      },
      {
        slug: 'nails',
        names: ['Маникюр и педикюр', 'Manikir i pedikir', 'Nails', 'Манікюр і педикюр'],
        synonyms: {
          ru: ['маникюр', 'педикюр', 'ногти', 'гель-лак', 'нейл'],
          sr: ['manikir', 'pedikir', 'nokti', 'gel lak'],
          en: ['manicure', 'pedicure', 'nail salon', 'gel nails'],
          uk: ['манікюр', 'педикюр', 'нігті', 'гель-лак'],
        },
      },
      {
        slug: 'cosmetology',
        names: ['Косметология', 'Kozmetički salon', 'Cosmetology', 'Косметологія'],
        synonyms: {
          ru: ['косметолог', 'чистка лица', 'уход за лицом', 'брови', 'депиляция'],
          sr: ['kozmetičar', 'kozmetički salon', 'tretman lica', 'depilacija'],
          en: ['cosmetologist', 'facial', 'skincare', 'beautician', 'waxing'],
          uk: ['косметолог', 'чистка обличчя', 'догляд за обличчям'],
        },
      },
    ],
  },
  {
    slug: 'health',
    names: ['Здоровье', 'Zdravlje', 'Health', 'Здоров’я'],
    synonyms: {
      ru: ['здоровье', 'медицина', 'клиника', 'врач'],
      sr: ['zdravlje', 'medicina', 'klinika', 'lekar'],
      en: ['health', 'medical', 'clinic'],
      uk: ["здоров'я", 'медицина', 'клініка'],
    },
    color: '#00796b',
    categories: [
      {
        slug: 'doctor',
        names: ['Врач', 'Lekar', 'Doctor', 'Лікар'],
        synonyms: {
          ru: ['врач', 'доктор', 'терапевт', 'педиатр', 'клиника'],
          sr: ['lekar', 'doktor', 'ordinacija', 'pedijatar', 'dom zdravlja'],
          en: ['doctor', 'GP', 'physician', 'paediatrician', 'clinic'],
          uk: ['лікар', 'терапевт', 'педіатр', 'клініка'],
        },
      },
      {
        slug: 'dentist',
        names: ['Стоматолог', 'Stomatolog', 'Dentist', 'Стоматолог'],
        synonyms: {
          ru: ['стоматолог', 'зубной врач', 'дантист', 'стоматология', 'зубы'],
          sr: ['zubar', 'stomatolog', 'stomatološka ordinacija', 'zubi'],
          en: ['dentist', 'dental', 'teeth', 'orthodontist'],
          uk: ['стоматолог', 'зубний лікар', 'стоматологія'],
        },
      },
      {
        slug: 'psychologist',
        names: ['Психолог', 'Psiholog', 'Psychologist', 'Психолог'],
        synonyms: {
          ru: ['психолог', 'психотерапевт', 'терапия', 'консультация', 'психиатр'],
          sr: ['psiholog', 'psihoterapeut', 'terapija', 'savetovanje'],
          en: ['psychologist', 'therapist', 'counselling', 'therapy'],
          uk: ['психолог', 'психотерапевт', 'терапія'],
        },
      },
      {
        slug: 'pharmacy',
        names: ['Аптека', 'Apoteka', 'Pharmacy', 'Аптека'],
        synonyms: {
          ru: ['аптека', 'лекарства', 'таблетки'],
          sr: ['apoteka', 'lekovi', 'dežurna apoteka'],
          en: ['pharmacy', 'chemist', 'drugstore', 'medicine'],
          uk: ['аптека', 'ліки', 'таблетки'],
        },
      },
    ],
  },
  {
    slug: 'services',
    names: ['Услуги', 'Usluge', 'Services', 'Послуги'],
    synonyms: {
      ru: ['услуги', 'сервис', 'мастер'],
      sr: ['usluge', 'servis', 'majstor'],
      en: ['services', 'service', 'professional'],
      uk: ['послуги', 'сервіс', 'майстер'],
    },
    color: '#3558a8',
    categories: [
      {
        slug: 'handyman',
        names: ['Мастер на час', 'Majstor', 'Handyman', 'Майстер на годину'],
        synonyms: {
          ru: ['мастер', 'ремонт', 'сантехник', 'электрик', 'муж на час'],
          sr: ['majstor', 'popravke', 'vodoinstalater', 'električar', 'moler'],
          en: ['handyman', 'repair', 'plumber', 'electrician', 'renovation'],
          uk: ['майстер', 'ремонт', 'сантехнік', 'електрик'],
        },
      },
      {
        slug: 'it-internet',
        names: ['IT и интернет', 'IT i internet', 'IT & internet', 'IT та інтернет'],
        synonyms: {
          ru: ['интернет', 'айти', 'ремонт компьютеров', 'провайдер', 'сайт'],
          sr: ['internet', 'računari', 'servis računara', 'provajder'],
          en: ['internet', 'IT support', 'computer repair', 'web design', 'ISP'],
          uk: ['інтернет', 'айті', "ремонт комп'ютерів", 'провайдер'],
        },
      },
      {
        slug: 'legal-residence',
        names: [
          'Юристы и ВНЖ',
          'Pravna pomoć i boravišne dozvole',
          'Legal & residence permits',
          'Юристи та посвідка на проживання',
        ],
        synonyms: {
          ru: ['внж', 'вид на жительство', 'юрист', 'адвокат', 'белый картон', 'регистрация'],
          sr: ['advokat', 'pravnik', 'privremeni boravak', 'radna dozvola', 'beli karton'],
          en: ['lawyer', 'residence permit', 'visa', 'immigration', 'legal'],
          uk: ['посвідка на проживання', 'юрист', 'адвокат', 'внж'],
        },
      },
      {
        slug: 'translation',
        names: ['Переводы', 'Prevodi', 'Translation', 'Переклади'],
        synonyms: {
          ru: ['переводчик', 'перевод', 'судебный переводчик', 'нотариальный перевод', 'апостиль'],
          sr: ['prevodilac', 'sudski tumač', 'prevod', 'overa prevoda'],
          en: ['translator', 'translation', 'certified translation', 'interpreter'],
          uk: ['перекладач', 'переклад', 'присяжний перекладач'],
        },
      },
      {
        slug: 'accounting',
        names: ['Бухгалтерия', 'Knjigovodstvo', 'Accounting', 'Бухгалтерія'],
        synonyms: {
          ru: ['бухгалтер', 'бухгалтерия', 'налоги', 'предприниматель', 'паушал'],
          sr: ['knjigovođa', 'knjigovodstvo', 'računovodstvo', 'porez', 'paušal'],
          en: ['accountant', 'bookkeeping', 'taxes', 'sole trader'],
          uk: ['бухгалтер', 'бухгалтерія', 'податки'],
        },
      },
      {
        slug: 'real-estate',
        names: ['Недвижимость', 'Nekretnine', 'Real estate', 'Нерухомість'],
        synonyms: {
          ru: ['недвижимость', 'аренда', 'квартира', 'риелтор', 'снять квартиру'],
          sr: ['nekretnine', 'agencija za nekretnine', 'stan', 'izdavanje', 'kirija'],
          en: ['real estate', 'rent', 'flat', 'apartment', 'estate agent'],
          uk: ['нерухомість', 'оренда', 'квартира', 'рієлтор'],
        },
      },
    ],
  },
  {
    slug: 'culture',
    names: ['Культура', 'Kultura', 'Culture', 'Культура'],
    synonyms: {
      ru: ['культура', 'искусство', 'досуг', 'мероприятия'],
      sr: ['kultura', 'umetnost', 'događaji'],
      en: ['culture', 'arts', 'events'],
      uk: ['культура', 'мистецтво', 'дозвілля'],
    },
    color: '#6a45b0',
    categories: [
      {
        slug: 'gallery',
        names: ['Галерея', 'Galerija', 'Gallery', 'Галерея'],
        synonyms: {
          ru: ['галерея', 'выставка', 'искусство', 'арт-пространство'],
          sr: ['galerija', 'izložba', 'umetnost'],
          en: ['gallery', 'exhibition', 'art'],
          uk: ['галерея', 'виставка', 'мистецтво'],
        },
      },
      {
        slug: 'club',
        names: ['Клуб', 'Klub', 'Club', 'Клуб'],
        synonyms: {
          ru: ['клуб', 'стендап', 'лекторий', 'вечеринка', 'антикафе'],
          sr: ['klub', 'stand-up', 'žurka', 'tribina'],
          en: ['club', 'stand-up', 'comedy', 'meetup', 'nightclub'],
          uk: ['клуб', 'стендап', 'вечірка'],
        },
      },
      {
        slug: 'theatre',
        names: ['Театр', 'Pozorište', 'Theatre', 'Театр'],
        synonyms: {
          ru: ['театр', 'спектакль', 'постановка', 'театральная студия'],
          sr: ['pozorište', 'teatar', 'predstava'],
          en: ['theatre', 'theater', 'play', 'performance'],
          uk: ['театр', 'вистава', 'спектакль'],
        },
      },
      {
        slug: 'concert-venue',
        names: ['Концертная площадка', 'Koncertni prostor', 'Concert venue', 'Концертний майданчик'],
        synonyms: {
          ru: ['концерт', 'концертный зал', 'живая музыка', 'сцена'],
          sr: ['koncert', 'koncertna dvorana', 'muzika uživo', 'bina'],
          en: ['concert', 'live music', 'venue', 'gig'],
          uk: ['концерт', 'концертна зала', 'жива музика'],
        },
      },
    ],
  },
  {
    slug: 'sport',
    names: ['Спорт', 'Sport', 'Sport', 'Спорт'],
    synonyms: {
      ru: ['спорт', 'тренировки', 'фитнес'],
      sr: ['sport', 'trening', 'rekreacija'],
      en: ['sport', 'sports', 'fitness', 'training'],
      uk: ['спорт', 'тренування', 'фітнес'],
    },
    color: '#2e7d32',
    categories: [
      {
        slug: 'sports-school',
        names: ['Спортивная школа', 'Sportska škola', 'Sports school', 'Спортивна школа'],
        synonyms: {
          ru: ['спортивная секция', 'фигурное катание', 'футбол', 'плавание', 'единоборства'],
          sr: ['sportska škola', 'klizanje', 'fudbal', 'plivanje', 'borilačke veštine'],
          en: ['sports school', 'figure skating', 'football', 'swimming', 'martial arts'],
          uk: ['спортивна секція', 'фігурне катання', 'плавання', 'футбол'],
        },
      },
      {
        slug: 'gym',
        names: ['Тренажёрный зал', 'Teretana', 'Gym', 'Спортзал'],
        synonyms: {
          ru: ['спортзал', 'фитнес', 'качалка', 'тренажерный зал', 'йога'],
          sr: ['teretana', 'fitnes', 'fitnes centar', 'joga'],
          en: ['gym', 'fitness', 'workout', 'yoga', 'crossfit'],
          uk: ['спортзал', 'тренажерний зал', 'фітнес'],
        },
      },
      {
        slug: 'dance',
        names: ['Танцы', 'Ples', 'Dance', 'Танці'],
        synonyms: {
          ru: ['танцы', 'балет', 'хореография', 'танцевальная студия'],
          sr: ['ples', 'škola plesa', 'balet', 'plesni studio'],
          en: ['dance', 'ballet', 'dance school', 'salsa'],
          uk: ['танці', 'балет', 'хореографія'],
        },
      },
    ],
  },
  {
    slug: 'community',
    names: ['Сообщество', 'Zajednica', 'Community', 'Спільнота'],
    synonyms: {
      ru: ['сообщество', 'комьюнити', 'диаспора', 'встречи'],
      sr: ['zajednica', 'udruženje', 'okupljanje'],
      en: ['community', 'meetup', 'diaspora'],
      uk: ['спільнота', 'громада', 'діаспора'],
    },
    color: '#0b6e99',
    categories: [
      {
        slug: 'organisation',
        names: ['Организация', 'Udruženje', 'Organisation', 'Організація'],
        synonyms: {
          ru: ['организация', 'фонд', 'волонтёры', 'НКО', 'языковой обмен'],
          sr: ['udruženje', 'organizacija', 'fondacija', 'volonteri', 'razmena jezika'],
          en: ['organisation', 'organization', 'NGO', 'charity', 'language exchange'],
          uk: ['організація', 'фонд', 'волонтери', 'громадська організація'],
        },
      },
      {
        slug: 'church',
        names: ['Храм', 'Crkva', 'Church', 'Церква'],
        synonyms: {
          ru: ['церковь', 'храм', 'православный храм', 'приход', 'собор'],
          sr: ['crkva', 'hram', 'pravoslavna crkva', 'parohija'],
          en: ['church', 'orthodox church', 'parish', 'temple'],
          uk: ['церква', 'храм', 'парафія'],
        },
      },
      {
        slug: 'coworking',
        names: ['Коворкинг', 'Kovorking prostor', 'Coworking', 'Коворкінг'],
        synonyms: {
          ru: ['коворкинг', 'рабочее место', 'офис', 'поработать'],
          sr: ['kovorking', 'coworking', 'zajednički radni prostor', 'kancelarija'],
          en: ['coworking', 'shared office', 'hot desk', 'workspace'],
          uk: ['коворкінг', 'робоче місце', 'офіс'],
        },
      },
    ],
  },
];

function toCategory(seed: Seed, parent: string | null, color: string, sort: number): Category {
  const [ru, srLatn, en, uk] = seed.names;
  return {
    slug: seed.slug,
    parent,
    names: { ru, 'sr-Latn': srLatn, en, uk },
    synonyms: { ...seed.synonyms },
    color,
    sort,
  };
}

/** Groups first, each followed by its categories; `sort` rises along the list (group n: n*100, then n*100+k). */
export const SEED_CATEGORIES: Category[] = GROUPS.flatMap((group, g) => [
  toCategory(group, null, group.color, (g + 1) * 100),
  ...group.categories.map((category, c) =>
    toCategory(category, group.slug, group.color, (g + 1) * 100 + c + 1),
  ),
]);
