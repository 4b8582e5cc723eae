/**
 * The demo community's word lists and weights: names, descriptions, hours, streets and how places spread
 * over the neighbourhoods. Data only; generate.ts turns it into places.
 */
/** Every opening_hours value the demo uses: a test checks each once, so generation never parses hours. */
export const DEMO_HOURS = [
  'Mo-Fr 08:00-22:00; Sa,Su 09:00-23:00', // 0 cafés
  'Mo-Su 08:00-20:00',
  'Mo-Fr 07:30-21:00; Sa,Su 09:00-21:00',
  'Mo-Su 12:00-23:00', // 3 restaurants
  'Mo-Th 12:00-23:00; Fr,Sa 12:00-24:00; Su 12:00-22:00',
  'Mo-Sa 07:00-20:00; Su 08:00-15:00', // 5 bakeries
  'Mo-Su 06:30-21:00',
  'Mo-Th 17:00-01:00; Fr,Sa 17:00-03:00', // 7 bars
  'Tu-Su 18:00-02:00',
  'Mo-Su 08:00-22:00', // 9 supermarkets
  'Mo-Sa 07:00-23:00; Su 08:00-22:00',
  'Mo-Fr 10:00-20:00; Sa 10:00-18:00', // 11 shops
  'Mo-Sa 10:00-21:00; Su 11:00-19:00',
  'Mo-Fr 07:00-18:00', // 13 kindergartens
  'Mo-Fr 08:00-17:00', // 14 schools, offices
  'Mo-Fr 15:00-20:00; Sa 10:00-14:00', // 15 children's classes
  'Mo-Sa 09:00-20:00', // 16 beauty
  'Tu-Sa 10:00-20:00',
  'Mo-Fr 08:00-20:00; Sa 08:00-14:00', // 18 doctors, dentists
  'Mo-Fr 10:00-19:00 "by appointment"', // 19 psychologists
  'Mo-Sa 08:00-21:00; Su 09:00-15:00', // 20 pharmacies
  '24/7',
  'Mo-Sa 09:00-19:00', // 22 handymen
  'Mo-Fr 09:00-17:00', // 23 services
  'Tu-Su 12:00-20:00', // 24 galleries
  'We-Su 19:00-23:00', // 25 theatres, clubs
  'Th-Sa 20:00-02:00', // 26 concert venues
  'Mo-Fr 07:00-23:00; Sa,Su 09:00-21:00', // 27 gyms
  'Mo-Su 07:00-19:00', // 28 churches
  'Mo-Fr 09:00-21:00; Sa,Su 10:00-18:00', // 29 coworking
  'Mo-Fr 16:00-21:00; Sa 10:00-14:00', // 30 sports and dance classes
] as const;

/**
 * Word lists per category, kept compact: items split by `; `, languages by `|`.
 * kinds: ru|sr-Latn|en nouns; names: ru|sr-Latn bodies; about: ru|sr-Latn descriptions.
 * weight: how often the category comes up in a cycle; quote: false when the name reads "Church of …".
 */
export interface Kit {
  weight: number;
  kinds: string;
  names: string;
  about: string;
  hours: number[];
  tags: string;
  quote?: false;
}

export const KITS: Record<string, Kit> = {
  cafe: {
    weight: 3,
    kinds: 'Кофейня|Kafić|Café; Кафе|Kafe|Café',
    names:
      'Сырники и кофе|Sirnici i kafa; Самовар|Samovar; Кофе и книги|Kafa i knjige; Чайка|Čajka; Белые ночи|Bele noći; Зёрна|Zrna; Уголок|Kutak',
    about:
      'Завтраки весь день, сырники и фильтр-кофе|Doručak ceo dan, sirnici i filter kafa; Домашняя выпечка и кофе с собой|Domaći kolači i kafa za poneti; Тихое место поработать с ноутбуком|Mirno mesto za rad uz laptop',
    hours: [0, 1, 2],
    tags: 'wifi syrniki card-payment vegan outdoor-seating',
  },
  restaurant: {
    weight: 3,
    kinds: 'Ресторан|Restoran|Restaurant; Бистро|Bistro|Bistro',
    names:
      'Пельменная|Pelmeni; Борщ и ракия|Boršč i rakija; Матрёшка|Matrjoška; Сибирь|Sibir; Дача|Dača; Грузинский дворик|Gruzijsko dvorište',
    about:
      'Домашняя русская кухня: борщ, пельмени, блины|Domaća ruska kuhinja: boršč, pelmeni, palačinke; Бизнес-ланчи по будням и летняя терраса|Dnevni meni radnim danima i letnja bašta; Грузинская и русская кухня, есть детское меню|Gruzijska i ruska kuhinja, ima dečji meni',
    hours: [3, 4],
    tags: 'delivery card-payment kids-friendly vegan outdoor-seating',
  },
  bakery: {
    weight: 2,
    kinds: 'Пекарня|Pekara|Bakery; Кондитерская|Poslastičarnica|Patisserie',
    names:
      'Колобок|Kolobok; Золотой колос|Zlatni klas; Каравай|Karavaj; Бородинский|Borodinski; Медовик|Medovik; Хлебный дом|Kuća hleba',
    about:
      'Бородинский хлеб, пирожки и медовик|Borodinski hleb, piroške i medovik; Свежая выпечка с раннего утра|Sveže pecivo od ranog jutra; Торты на заказ и домашние пироги|Torte po porudžbini i domaće pite',
    hours: [5, 6, 1],
    tags: 'card-payment delivery vegan',
  },
  bar: {
    weight: 2,
    kinds: 'Бар|Bar|Bar; Паб|Pab|Pub',
    names:
      'Рюмочная|Rjumočnaja; Гараж|Garaža; Ночной Дунай|Noćni Dunav; Полночь|Ponoć; Лось|Los; Подвал|Podrum',
    about:
      'Крафтовое пиво и настойки|Kraft pivo i domaće rakije; Коктейли и музыка до поздней ночи|Kokteli i muzika do kasno u noć; Квизы по средам и стендап по пятницам|Kviz sredom i stand-up petkom',
    hours: [7, 8],
    tags: 'card-payment outdoor-seating wifi',
  },
  supermarket: {
    weight: 2,
    kinds: 'Магазин|Prodavnica|Shop; Маркет|Market|Market',
    names:
      'Русские продукты|Ruski proizvodi; Берёзка|Brezica; Гастроном|Gastronom; Вкус детства|Ukus detinjstva; Продукты 24|Namirnice 24',
    about:
      'Гречка, творог, пельмени и сгущёнка|Heljda, mladi sir, pelmeni i kondenzovano mleko; Продукты из России, Беларуси и Казахстана|Proizvodi iz Rusije, Belorusije i Kazahstana; Свежая молочка и кулинария|Sveži mlečni proizvodi i delikatesi',
    hours: [9, 10],
    tags: 'card-payment delivery parking',
  },
  bookstore: {
    weight: 1,
    kinds: 'Книжный магазин|Knjižara|Bookshop; Книжная лавка|Knjižara|Bookshop',
    names:
      'Буква|Slovo; Полка|Polica; Переплёт|Povez; Чеширский кот|Češirski mačak; Гоголь|Gogolj; Страница|Stranica',
    about:
      'Книги на русском, сербском и английском|Knjige na ruskom, srpskom i engleskom; Детская литература и учебники сербского|Dečja literatura i udžbenici srpskog; Букинистика и книжный клуб по субботам|Antikvarne knjige i čitalački klub subotom',
    hours: [11, 12],
    tags: 'card-payment kids-friendly wifi',
  },
  'shop-other': {
    weight: 2,
    kinds: 'Магазин|Radnja|Shop; Бутик|Butik|Boutique; Цветочный магазин|Cvećara|Florist',
    names: 'Лаванда|Lavanda; Ромашка|Kamilica; Всё для дома|Sve za dom; Подарки|Pokloni; Лён|Lan',
    about:
      'Подарки, сувениры и товары для дома|Pokloni, suveniri i stvari za dom; Одежда и обувь российских брендов|Odeća i obuća ruskih brendova; Цветы и букеты с доставкой|Cveće i buketi sa dostavom',
    hours: [11, 12],
    tags: 'card-payment delivery',
  },
  kindergarten: {
    weight: 2,
    kinds: 'Детский сад|Vrtić|Kindergarten; Частный детский сад|Privatni vrtić|Private kindergarten',
    names:
      'Теремок|Teremok; Солнышко|Sunašce; Радуга|Duga; Непоседы|Nestašci; Маленькая страна|Mala zemlja; Ладушки|Laduški',
    about:
      'Русско-сербская группа для детей от 2 до 6 лет|Rusko-srpska grupa za decu od 2 do 6 godina; Монтессори-подход, питание и прогулки|Montesori pristup, ishrana i šetnje; Подготовка к школе, английский и музыка|Priprema za školu, engleski i muzika',
    hours: [13],
    tags: 'kids-friendly card-payment parking',
  },
  school: {
    weight: 1,
    kinds: 'Школа|Škola|School; Учебный центр|Obrazovni centar|Learning centre',
    names:
      'Ломоносов|Lomonosov; Азбука|Azbuka; Знание|Znanje; Пушкин|Puškin; Глобус|Globus; Перспектива|Perspektiva',
    about:
      'Российская программа онлайн и очно|Ruski program onlajn i uživo; Сербский язык для детей и взрослых|Srpski jezik za decu i odrasle; Подготовка к экзаменам и репетиторы|Priprema za ispite i privatni časovi',
    hours: [14, 15],
    tags: 'kids-friendly online wifi',
  },
  'kids-clubs': {
    weight: 2,
    kinds: 'Детский клуб|Dečji klub|Kids club; Студия|Studio|Studio',
    names: 'Умка|Umka; Почемучка|Radoznalko; Акварель|Akvarel; Робоклуб|Robo klub; Знайка|Znalac',
    about:
      'Рисование, лепка и музыка для детей|Crtanje, modelovanje i muzika za decu; Робототехника и программирование с 7 лет|Robotika i programiranje od 7 godina; Шахматы и логика, группы по возрасту|Šah i logika, grupe po uzrastu',
    hours: [15],
    tags: 'kids-friendly card-payment',
  },
  'hair-salon': {
    weight: 3,
    kinds: 'Парикмахерская|Frizerski salon|Hair salon; Барбершоп|Berbernica|Barbershop',
    names: 'Борода|Brada; Мила|Mila; Ножницы|Makaze; Локон|Uvojak; Стиль|Stil; Лиса|Lisica',
    about:
      'Стрижки, окрашивание и укладки|Šišanje, farbanje i feniranje; Мужские стрижки и бритьё опасной бритвой|Muško šišanje i brijanje britvom; Детские стрижки без очереди|Dečje šišanje bez čekanja',
    hours: [16, 17],
    tags: 'card-payment kids-friendly wifi',
  },
  nails: {
    weight: 2,
    kinds: 'Студия маникюра|Studio za nokte|Nail studio; Ногтевой салон|Salon za nokte|Nail salon',
    names: 'Лак|Lak; Пион|Božur; Жемчуг|Biser; Маки|Makovi; Кошка|Mačka',
    about:
      'Маникюр, педикюр и покрытие гель-лаком|Manikir, pedikir i gel lak; Аппаратный маникюр и дизайн ногтей|Aparatni manikir i dizajn noktiju',
    hours: [16, 17],
    tags: 'card-payment wifi',
  },
  cosmetology: {
    weight: 2,
    kinds: 'Кабинет косметологии|Kozmetički salon|Beauty clinic; Студия красоты|Studio lepote|Beauty studio',
    names: 'Эстетика|Estetika; Белая лилия|Beli ljiljan; Ева|Eva; Шёлк|Svila; Гладь|Glatko',
    about:
      'Чистки, пилинги и уход за лицом|Čišćenje lica, pilinzi i nega; Брови, ресницы и депиляция|Obrve, trepavice i depilacija',
    hours: [16, 17],
    tags: 'card-payment',
  },
  doctor: {
    weight: 1,
    kinds: 'Клиника|Klinika|Clinic; Медицинский центр|Medicinski centar|Medical centre',
    names:
      'Здоровье|Zdravlje; Доктор рядом|Doktor u blizini; Айболит|Ajbolit; Семейный доктор|Porodični lekar',
    about:
      'Терапевт и педиатр, приём на русском|Lekar opšte prakse i pedijatar, pregledi na ruskom; Анализы, УЗИ и справки для ВНЖ|Analize, ultrazvuk i uverenja za boravak; Вызов врача на дом|Kućne posete lekara',
    hours: [18, 14],
    tags: 'card-payment home-visits wheelchair',
  },
  dentist: {
    weight: 2,
    kinds: 'Стоматология|Stomatološka ordinacija|Dental clinic',
    names: 'Улыбка|Osmeh; Белый зуб|Beli zub; Дента|Denta; Эмаль|Gleđ; Зубная фея|Zubić vila',
    about:
      'Лечение, гигиена и имплантация|Lečenje, higijena i implanti; Детская стоматология без страха|Dečja stomatologija bez straha',
    hours: [18],
    tags: 'card-payment kids-friendly wheelchair',
  },
  psychologist: {
    weight: 2,
    kinds: 'Психолог|Psiholog|Psychologist; Кабинет психотерапии|Psihoterapijski kabinet|Therapy practice',
    names:
      'Точка опоры|Oslonac; Разговор|Razgovor; Пространство|Prostor; Равновесие|Ravnoteža; Тихая гавань|Mirna luka',
    about:
      'Поддержка в эмиграции и адаптации|Podrška u emigraciji i prilagođavanju; Семейная и детская терапия|Porodična i dečja terapija; Онлайн и очные консультации|Konsultacije onlajn i uživo',
    hours: [19, 14],
    tags: 'online card-payment',
  },
  pharmacy: {
    weight: 1,
    kinds: 'Аптека|Apoteka|Pharmacy',
    names: 'Здравица|Zdravica; Зелёный крест|Zeleni krst; Ромашка|Kamilica; Фарма|Farma; Шалфей|Žalfija',
    about:
      'Подскажем аналоги привычных лекарств|Pomažemo da nađete zamenu za poznate lekove; Есть фармацевт, говорящий по-русски|Imamo farmaceuta koji govori ruski',
    hours: [20, 21],
    tags: 'card-payment wheelchair delivery',
  },
  handyman: {
    weight: 2,
    kinds: 'Мастер|Majstor|Handyman; Ремонт|Popravke|Repairs',
    names:
      'Золотые руки|Zlatne ruke; Домовой|Domaćin; Отвёртка|Odvijač; Ключ|Ključ; Ремонт Плюс|Popravke Plus',
    about:
      'Мелкий ремонт, сборка мебели, сантехника|Sitne popravke, montaža nameštaja, vodoinstalacije; Электрика и установка техники|Električne instalacije i montaža uređaja; Ремонт квартир под ключ|Renoviranje stanova ključ u ruke',
    hours: [22],
    tags: 'home-visits card-payment',
  },
  'it-internet': {
    weight: 2,
    kinds: 'IT-сервис|IT servis|IT service; Компьютерный сервис|Servis računara|Computer repair',
    names: 'Байт|Bajt; Пиксель|Piksel; Сеть|Mreža; Код|Kod; Облако|Oblak',
    about:
      'Ремонт ноутбуков и телефонов|Popravka laptopova i telefona; Подключение интернета и настройка Wi-Fi|Priključenje interneta i podešavanje Wi-Fi mreže; Сайты и поддержка для малого бизнеса|Sajtovi i podrška za male firme',
    hours: [23, 11],
    tags: 'home-visits online card-payment',
  },
  'legal-residence': {
    weight: 2,
    kinds: 'Юридическое бюро|Advokatska kancelarija|Law office; Агентство|Agencija|Agency',
    names:
      'Право|Pravo; Белый картон|Beli karton; Легалис|Legalis; Виза и ВНЖ|Vize i boravak; Ваш адвокат|Vaš advokat',
    about:
      'ВНЖ, разрешение на работу и регистрация ИП|Boravak, radna dozvola i otvaranje preduzetničke radnje; Консультации юриста на русском|Pravne konsultacije na ruskom',
    hours: [23, 14],
    tags: 'online card-payment',
  },
  translation: {
    weight: 1,
    kinds:
      'Бюро переводов|Prevodilačka agencija|Translation agency; Судебный переводчик|Sudski tumač|Court interpreter',
    names: 'Слово|Reč; Лингва|Lingva; Вавилон|Vavilon; Апостиль|Apostil; Мост|Most',
    about:
      'Заверенные переводы документов|Overeni prevodi dokumenata; Устный перевод у нотариуса и в МУП|Usmeni prevod kod notara i u MUP-u',
    hours: [23],
    tags: 'online card-payment',
  },
  accounting: {
    weight: 1,
    kinds: 'Бухгалтерия|Knjigovodstvena agencija|Accounting office; Бухгалтер|Knjigovođa|Accountant',
    names: 'Баланс|Balans; Дебет|Debit; Паушал|Paušal; Цифра|Cifra; Счёт|Račun',
    about:
      'Открытие ИП и ведение паушала|Otvaranje preduzetničke radnje i paušal; Бухгалтерия для IT-компаний|Knjigovodstvo za IT firme',
    hours: [23, 14],
    tags: 'online card-payment',
  },
  'real-estate': {
    weight: 2,
    kinds: 'Агентство недвижимости|Agencija za nekretnine|Estate agency',
    names: 'Ключ|Ključ; Новый дом|Novi dom; Квартал|Kvart; Крыша|Krov; Домус|Domus',
    about:
      'Аренда квартир без лишних посредников|Izdavanje stanova bez suvišnih posrednika; Помощь с покупкой квартиры и документами|Pomoć pri kupovini stana i dokumentaciji',
    hours: [23, 11],
    tags: 'online card-payment',
  },
  gallery: {
    weight: 1,
    kinds: 'Галерея|Galerija|Gallery; Арт-пространство|Umetnički prostor|Art space',
    names: 'Белый куб|Bela kocka; Мастерская|Atelje; Ковчег|Kovčeg; Окно|Prozor; Сфера|Sfera',
    about:
      'Выставки художников из России и Сербии|Izložbe umetnika iz Rusije i Srbije; Современное искусство и лекции|Savremena umetnost i predavanja',
    hours: [24],
    tags: 'wifi wheelchair',
  },
  club: {
    weight: 1,
    kinds: 'Клуб|Klub|Club; Антикафе|Antikafe|Anti-café',
    names: 'Бункер|Bunker; Квартирник|Kvartirnik; Точка|Tačka; Подвал|Podrum; Перекрёсток|Raskršće',
    about:
      'Стендап, квизы и лекции на русском|Stand-up, kvizovi i predavanja na ruskom; Языковой обмен по вторникам|Razmena jezika utorkom',
    hours: [25, 26],
    tags: 'wifi card-payment',
  },
  theatre: {
    weight: 1,
    kinds: 'Театр|Pozorište|Theatre; Театральная студия|Pozorišni studio|Theatre studio',
    names: 'Балкон|Balkon; Маска|Maska; Диалог|Dijalog; Зеркало|Ogledalo; Сцена|Scena',
    about:
      'Спектакли на русском языке|Predstave na ruskom jeziku; Детская театральная студия и постановки|Dečji pozorišni studio i predstave',
    hours: [25],
    tags: 'kids-friendly card-payment',
  },
  'concert-venue': {
    weight: 1,
    kinds:
      'Концертный зал|Koncertna dvorana|Concert hall; Клуб живой музыки|Klub žive muzike|Live music club',
    names: 'Акустика|Akustika; Звук|Zvuk; Дом музыки|Kuća muzike; Пристань|Pristanište; Эхо|Eho',
    about:
      'Концерты и джем-сейшены|Koncerti i džem sešni; Акустические вечера и рок-концерты|Akustične večeri i rok koncerti',
    hours: [26, 25],
    tags: 'card-payment wheelchair',
  },
  'sports-school': {
    weight: 1,
    kinds: 'Спортивная школа|Sportska škola|Sports school; Спортивный клуб|Sportski klub|Sports club',
    names: 'Олимп|Olimp; Лёд|Led; Чемпион|Šampion; Самбо|Sambo; Волна|Talas',
    about:
      'Фигурное катание с тренером из Москвы|Umetničko klizanje sa trenerom iz Moskve; Футбол и плавание для детей|Fudbal i plivanje za decu; Самбо и дзюдо для детей и взрослых|Sambo i džudo za decu i odrasle',
    hours: [30],
    tags: 'kids-friendly card-payment',
  },
  gym: {
    weight: 1,
    kinds: 'Фитнес-клуб|Fitnes centar|Fitness club; Студия йоги|Joga studio|Yoga studio',
    names: 'Сила|Snaga; Форма|Forma; Атлет|Atleta; Баланс|Balans; Пульс|Puls',
    about:
      'Тренажёрный зал и групповые тренировки|Teretana i grupni treninzi; Йога, пилатес и растяжка|Joga, pilates i istezanje',
    hours: [27],
    tags: 'card-payment wifi parking',
  },
  dance: {
    weight: 1,
    kinds: 'Школа танцев|Škola plesa|Dance school; Танцевальная студия|Plesni studio|Dance studio',
    names: 'Шаг|Korak; Ритм|Ritam; Жизель|Žizel; Сальса|Salsa; Вальс|Valcer',
    about:
      'Балет и современная хореография для детей|Balet i savremena koreografija za decu; Сальса, бачата и танго для взрослых|Salsa, bačata i tango za odrasle',
    hours: [30],
    tags: 'kids-friendly card-payment',
  },
  organisation: {
    weight: 1,
    kinds: 'Организация|Udruženje|Association; Фонд|Fondacija|Foundation',
    names:
      'Мост|Most; Вместе|Zajedno; Соседи|Komšije; Открытые двери|Otvorena vrata; Помощь рядом|Pomoć u blizini',
    about:
      'Языковой обмен и встречи с местными|Razmena jezika i druženja sa meštanima; Помощь новоприбывшим с документами|Pomoć pridošlicama oko dokumenata; Волонтёрские и благотворительные проекты|Volonterski i humanitarni projekti',
    hours: [14, 23],
    tags: 'online kids-friendly wifi',
  },
  church: {
    weight: 1,
    quote: false,
    kinds: 'Храм|Hram|Church; Церковь|Crkva|Church',
    names:
      'Святой Троицы|Svete Trojice; Святого Николая|Svetog Nikole; Покрова Пресвятой Богородицы|Pokrova Presvete Bogorodice; Святого Саввы|Svetog Save; Святого Георгия|Svetog Đorđa',
    about:
      'Богослужения на церковнославянском и сербском|Bogosluženja na crkvenoslovenskom i srpskom; Воскресная школа для детей|Veronauka za decu nedeljom',
    hours: [28],
    tags: 'kids-friendly wheelchair',
  },
  coworking: {
    weight: 1,
    kinds: 'Коворкинг|Kovorking|Coworking',
    names: 'Хаб|Hab; Точка сборки|Tačka okupljanja; Станция|Stanica; Улей|Košnica; Остров|Ostrvo',
    about:
      'Рабочие места, переговорные и быстрый интернет|Radna mesta, sale za sastanke i brz internet; Сообщество фрилансеров и ивенты по вечерам|Zajednica frilensera i događaji uveče',
    hours: [29],
    tags: 'wifi card-payment',
  },
};

/** Real streets per neighbourhood, `; `-separated. */
export const STREETS: Record<string, string> = {
  dorcol: 'Cara Dušana; Strahinjića Bana; Dobračina; Gospodar Jevremova; Džordža Vašingtona; Skender-begova',
  'stari-grad': 'Knez Mihailova; Kralja Petra; Čika Ljubina; Vasina; Makedonska; Kosančićev venac',
  vracar: 'Njegoševa; Makenzijeva; Krunska; Kursulina; Maksima Gorkog; Južni bulevar',
  'savski-venac': 'Nemanjina; Kneza Miloša; Resavska; Karađorđeva; Hercegovačka',
  'novi-beograd':
    'Bulevar Mihajla Pupina; Bulevar Zorana Đinđića; Jurija Gagarina; Omladinskih brigada; Nehruova',
  zemun: 'Glavna; Gospodska; Dubrovačka; Ugrinovačka; Prvomajska; Avijatičarski trg',
  palilula: 'Takovska; Palmotićeva; Starine Novaka; 27. marta; Cvijićeva',
  zvezdara: 'Bulevar kralja Aleksandra; Dimitrija Tucovića; Vojislava Ilića; Učiteljska',
  vozdovac: 'Vojvode Stepe; Ustanička; Bulevar oslobođenja; Trebevićka; Kumodraška',
  cukarica: 'Radnička; Šumadijska; Vladimira Radovanovića; Pere Velimirovića',
  rakovica: 'Patrijarha Dimitrija; Vidikovački venac; Pilota Mihaila Petrovića; Miška Kranjca',
  'banovo-brdo': 'Požeška; Ratka Mitrovića; Kirovljeva; Trgovačka; Blagoja Parovića',
  karaburma: 'Marijane Gregoran; Ljube Šercera; Višnjička; Severni bulevar',
  senjak: 'Teodora Drajzera; Vase Pelagića; Žanke Stokić; Senjačka',
  dedinje: 'Užička; Tolstojeva; Rumunska; Bulevar kneza Aleksandra Karađorđevića',
  'bezanijska-kosa': 'Partizanske avijacije; Dr Ivana Ribara; Bežanijskih ilegalaca',
  banjica: 'Crnotravska; Paunova; Banjički venac; Bulevar oslobođenja',
  mirijevo: 'Mirijevski bulevar; Mirijevski venac; Kapetana Zavišića',
  borca: 'Bratstva i jedinstva; Zrenjaninski put; Ivana Mičurina',
  centar: 'Zmaj Jovina; Dunavska; Laze Telečkog; Pašićeva; Jevrejska; Modene; Njegoševa',
  liman: 'Bulevar cara Lazara; Narodnog fronta; Fruškogorska; Balzakova',
  grbavica: 'Bulevar oslobođenja; Futoška; Gogoljeva; Puškinova',
  detelinara: 'Rumenačka; Kornelija Stankovića; Bulevar Jaše Tomića',
  podbara: 'Kisačka; Temerinska; Jovana Subotića',
  petrovaradin: 'Preradovićeva; Beogradska; Štrosmajerova',
  'novo-naselje': 'Bulevar Evrope; Ise Bajića; Bulevar Slobodana Jovanovića',
  salajka: 'Almaška; Pavla Simića; Miletićeva',
  telep: 'Heroja Pinkija; Adi Endrea; Lovćenska',
  'sremska-kamenica': 'Vojvode Putnika; Institutski put',
  klisa: 'Sentandrejski put; Primorska; Čenejska',
  adice: 'Heroja Pinkija; Mornarska',
};

/** Share of places per city, and relative density of neighbourhoods inside it (1 when not listed). */
export const CITY_SHARE: Record<string, number> = { belgrade: 0.7, 'novi-sad': 0.3 };
export const HOOD_WEIGHT: Record<string, number> = {
  dorcol: 14,
  vracar: 12,
  'novi-beograd': 11,
  'stari-grad': 7,
  zemun: 5,
  'savski-venac': 4,
  palilula: 3,
  zvezdara: 3,
  vozdovac: 3,
  cukarica: 2,
  'banovo-brdo': 2,
  'bezanijska-kosa': 2,
  centar: 8,
  liman: 6,
  grbavica: 4,
  'novo-naselje': 3,
  detelinara: 3,
  podbara: 3,
  petrovaradin: 2,
  salajka: 2,
  telep: 2,
};

export const TAG_SEPARATOR = ' ';
export const PHONE_OPERATORS = '01234569';
export const LANGUAGE_NAMES = {
  ru: ['по-русски', 'ruski'],
  sr: ['по-сербски', 'srpski'],
  en: ['по-английски', 'engleski'],
  uk: ['по-украински', 'ukrajinski'],
} as const;
