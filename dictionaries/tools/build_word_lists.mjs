#!/usr/bin/env node
// dictionaries/tools/build_word_lists.mjs
//
// Rebuilds dictionaries/data/{given_names,surnames,cities,street_words,not_names}.txt
// from the locale definitions shipped in the npm package @faker-js/faker (MIT),
// plus the small hand-written supplements defined below. Not run at build time:
// the generated files are committed. Run it through build_word_lists.sh, which
// installs the pinned faker version in a scratch directory outside the repo.
//
//   node build_word_lists.mjs OUT_DIR      (with @faker-js/faker resolvable)
//
// Output is deterministic for a given faker version: entries are NFC-normalised,
// trimmed, deduplicated (case-insensitively, first spelling wins) and sorted by
// code point.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.cwd(), 'package.json'));
const fakerPkgJson = require('@faker-js/faker/package.json');
const { allLocales } = await import(require.resolve('@faker-js/faker'));

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node build_word_lists.mjs OUT_DIR');
  process.exit(2);
}

const FAKER = `@faker-js/faker ${fakerPkgJson.version}`;
const MAX_ENTRIES = 60000;
// The copyright lines of faker's LICENSE; the full MIT notice is in SOURCES.md.
const LICENCE = 'Licence: MIT. Faker - Copyright (c) 2022-2025 (faker-js contributors);';
const LICENCE2 = 'faker.js - Copyright (c) 2011-2020 Marak Squires. Full notice in SOURCES.md.';

// Locales whose data is read. Every locale faker ships is used for names; this
// list only documents the ones the project requires to be present.
const REQUIRED_LOCALES = [
  'en', 'de', 'fr', 'es', 'it', 'pt_BR', 'nl', 'pl', 'sv', 'tr', 'vi', 'cs_CZ', 'ro',
  'hu', 'ru', 'uk', 'el', 'zh_CN', 'zh_TW', 'ja', 'ko', 'ar', 'he', 'fa', 'ne', 'th',
];
for (const code of REQUIRED_LOCALES) {
  if (!allLocales[code]) throw new Error(`faker no longer ships locale ${code}`);
}
const LOCALES = Object.keys(allLocales).filter((c) => c !== 'base').sort();

// ---------------------------------------------------------------------------
// Helpers

// Flattens a faker definition that is either an array or an object of arrays
// ({generic, female, male}, {wide, abbr}, ...). Missing or null gives [].
function flat(def) {
  if (def == null) return [];
  if (Array.isArray(def)) return def;
  if (typeof def === 'object') return Object.values(def).flatMap(flat);
  return [];
}

// Trims whitespace and stray joiners (U+200B..U+200D, U+FEFF) at the ends,
// collapses inner runs of whitespace, NFC-normalises.
function clean(s) {
  if (typeof s !== 'string') return '';
  return s
    .normalize('NFC')
    .replace(/^[\s\u200B-\u200D\uFEFF]+|[\s\u200B-\u200D\uFEFF]+$/gu, '')
    .replace(/\s+/gu, ' ');
}

// A word-list entry: letters (any script) with marks, inner spaces, hyphens,
// apostrophes, periods, slashes, zero-width (non-)joiners (Persian, Kurdish)
// and Hebrew geresh/gershayim (also written ' and "). Rejects templates
// ({{...}}), digits and other symbols.
const WORDLIKE =
  /^[\p{L}\p{M}](?:[\p{L}\p{M}\p{Pd}\s'’.·&\/\u200C\u200D"\u05F3\u05F4]*[\p{L}\p{M}.'\/\u05F3])?$/u;

function isEntry(s) {
  return s.length > 0 && !s.includes('{{') && !s.startsWith('#') && WORDLIKE.test(s);
}

class WordSet {
  constructor() {
    this.byKey = new Map();
    this.perLocale = new Map();
  }
  add(raw, origin) {
    const s = clean(raw);
    if (!isEntry(s)) return false;
    const key = s.toLowerCase();
    if (this.byKey.has(key)) return false;
    this.byKey.set(key, s);
    this.perLocale.set(origin, (this.perLocale.get(origin) ?? 0) + 1);
    return true;
  }
  addAll(values, origin) {
    for (const v of values) this.add(v, origin);
  }
  sorted() {
    const arr = [...this.byKey.values()];
    arr.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return arr;
  }
}

// Script of an entry, by its first letter (for the header summary).
const SCRIPTS = [
  ['Latin', /\p{Script=Latin}/u], ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u], ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u], ['Han', /\p{Script=Han}/u],
  ['Hiragana', /\p{Script=Hiragana}/u], ['Katakana', /\p{Script=Katakana}/u],
  ['Hangul', /\p{Script=Hangul}/u], ['Devanagari', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u], ['Georgian', /\p{Script=Georgian}/u],
  ['Armenian', /\p{Script=Armenian}/u], ['Thaana', /\p{Script=Thaana}/u],
  ['Bengali', /\p{Script=Bengali}/u], ['Tamil', /\p{Script=Tamil}/u],
];
function scriptOf(s) {
  const ch = [...s].find((c) => /\p{L}/u.test(c)) ?? s[0];
  for (const [name, re] of SCRIPTS) if (re.test(ch)) return name;
  return 'Other';
}
function scriptSummary(entries) {
  const counts = new Map();
  for (const e of entries) counts.set(scriptOf(e), (counts.get(scriptOf(e)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
}

function write(file, headerLines, set, { cap = MAX_ENTRIES, capOrder } = {}) {
  let entries = set.sorted();
  if (entries.length > cap) {
    // Keep the preferred entries (capOrder decides), then restore sorted order.
    const keep = new Set([...entries].sort(capOrder).slice(0, cap));
    entries = entries.filter((e) => keep.has(e));
  }
  const header = [
    ...headerLines,
    `# Entries: ${entries.length}. Scripts: ${scriptSummary(entries)}.`,
    '# Generated by dictionaries/tools/build_word_lists.sh; see dictionaries/data/SOURCES.md.',
    '# Do not edit by hand: change the script and rebuild.',
  ].map((l) => (l.startsWith('#') ? l : `# ${l}`).replace(/\s+$/u, ''));
  const text = `${header.join('\n')}\n${entries.join('\n')}\n`;
  fs.writeFileSync(path.join(outDir, file), text);
  console.log(`${file}: ${entries.length} entries (${scriptSummary(entries)})`);
  return entries;
}

const loc = (code) => allLocales[code] ?? {};

// ---------------------------------------------------------------------------
// Given names: person.first_name (generic/female/male) of every locale, plus
// person.middle_name (given names in en/da/ku_ckb, patronymics in ru/uk).

const given = new WordSet();
for (const code of LOCALES) given.addAll(flat(loc(code).person?.first_name), code);
for (const code of LOCALES) given.addAll(flat(loc(code).person?.middle_name), `${code} (middle)`);

// Hand-added: common given names in scripts where faker's lists are thin
// (Greek, Hindi in Devanagari, Japanese readings in katakana).
const EXTRA_GIVEN_NAMES = [
  'Γιώργος', 'Γεώργιος', 'Κωνσταντίνος', 'Κώστας', 'Δημήτρης', 'Δημήτριος', 'Ιωάννης', 'Γιάννης',
  'Νικόλαος', 'Νίκος', 'Παναγιώτης', 'Χρήστος', 'Βασίλειος', 'Βασίλης', 'Αθανάσιος', 'Θανάσης',
  'Ευάγγελος', 'Βαγγέλης', 'Μιχάλης', 'Μιχαήλ', 'Σπύρος', 'Σπυρίδων', 'Αντώνης', 'Αντώνιος',
  'Αναστάσιος', 'Τάσος', 'Ηλίας', 'Θεόδωρος', 'Εμμανουήλ', 'Μανώλης', 'Σταύρος', 'Πέτρος',
  'Αλέξανδρος', 'Άγγελος', 'Στέφανος', 'Χαράλαμπος', 'Λευτέρης', 'Ελευθέριος', 'Απόστολος',
  'Γρηγόρης', 'Θωμάς', 'Φώτης', 'Κυριάκος', 'Αριστοτέλης', 'Σωκράτης', 'Μαρία', 'Ελένη',
  'Αικατερίνη', 'Κατερίνα', 'Βασιλική', 'Σοφία', 'Αγγελική', 'Γεωργία', 'Δήμητρα', 'Κωνσταντίνα',
  'Ευαγγελία', 'Ιωάννα', 'Χριστίνα', 'Παναγιώτα', 'Αναστασία', 'Ευτυχία', 'Ειρήνη', 'Παρασκευή',
  'Δέσποινα', 'Θεοδώρα', 'Χαρίκλεια', 'Αλεξάνδρα', 'Φωτεινή', 'Νίκη', 'Άννα', 'Ζωή', 'Μαρίνα',
  'Στέλλα', 'Αθηνά', 'Δανάη', 'Μυρτώ', 'Κυριακή', 'Σταυρούλα', 'Χρυσούλα', 'Όλγα', 'Ξανθή',
  'राहुल', 'अमित', 'सुनील', 'अनिल', 'राजेश', 'सुरेश', 'रमेश', 'महेश', 'विजय', 'संजय', 'अजय',
  'राकेश', 'मनोज', 'दीपक', 'प्रकाश', 'अरुण', 'अशोक', 'विनोद', 'सचिन', 'रवि', 'आकाश', 'अर्जुन',
  'आदित्य', 'विकास', 'गौरव', 'रोहित', 'मोहित', 'अंकित', 'नितिन', 'प्रदीप', 'प्रिया', 'पूजा',
  'अंजलि', 'नेहा', 'सुनीता', 'अनीता', 'गीता', 'सीता', 'कविता', 'सरिता', 'ममता', 'रेखा', 'सविता',
  'आरती', 'ज्योति', 'दिव्या', 'स्वाति', 'श्वेता', 'मीना', 'लक्ष्मी', 'राधा', 'आशा', 'उषा', 'निशा',
  'शालिनी', 'किरण', 'सोनिया',
  'ヒロシ', 'タカシ', 'アキラ', 'ユウキ', 'ハルト', 'ソウタ', 'ダイキ', 'ケンタ', 'ショウタ', 'ユウタ',
  'ユイ', 'サクラ', 'ハナ', 'アオイ', 'ユウナ', 'ミユ', 'ヨウコ', 'ケイコ', 'アヤカ', 'ミサキ',
];
given.addAll(EXTRA_GIVEN_NAMES, 'hand-added');

write('given_names.txt', [
  `Given names (first names of every gender) in many languages and scripts.`,
  `Source: ${FAKER}, locale data person.first_name and person.middle_name`,
  `(Russian and Ukrainian middle names are patronymics), plus a short hand-written`,
  `list of common Greek, Hindi (Devanagari) and Japanese (katakana) given names.`,
  LICENCE, LICENCE2,
], given);

// ---------------------------------------------------------------------------
// Surnames: person.last_name (generic/female/male) of every locale.

const surnames = new WordSet();
for (const code of LOCALES) surnames.addAll(flat(loc(code).person?.last_name), code);

// Hand-added: common family names in Devanagari and Japanese katakana readings.
const EXTRA_SURNAMES = [
  'शर्मा', 'वर्मा', 'गुप्ता', 'सिंह', 'कुमार', 'यादव', 'पटेल', 'जैन', 'अग्रवाल', 'मिश्रा', 'तिवारी',
  'पांडे', 'चौहान', 'श्रीवास्तव', 'दुबे', 'त्रिपाठी', 'मौर्य', 'ठाकुर', 'राठौर', 'चौधरी', 'जोशी',
  'मेहता', 'शाह', 'देसाई', 'नायर', 'रेड्डी', 'राव', 'कपूर', 'खन्ना', 'मल्होत्रा', 'बंसल', 'गोयल',
  'सक्सेना', 'भट्ट', 'दास', 'बनर्जी', 'चटर्जी', 'मुखर्जी', 'घोष', 'बोस',
  'サトウ', 'スズキ', 'タカハシ', 'タナカ', 'ワタナベ', 'イトウ', 'ヤマモト', 'ナカムラ', 'コバヤシ',
  'カトウ', 'ヨシダ', 'ヤマダ', 'ササキ', 'ヤマグチ', 'マツモト', 'イノウエ', 'キムラ', 'ハヤシ',
  'サイトウ', 'シミズ',
];
surnames.addAll(EXTRA_SURNAMES, 'hand-added');

write('surnames.txt', [
  `Family names in many languages and scripts (male and female forms where they differ).`,
  `Source: ${FAKER}, locale data person.last_name, plus a short hand-written list of`,
  `common Hindi (Devanagari) and Japanese (katakana) family names.`,
  LICENCE, LICENCE2,
], surnames);

// ---------------------------------------------------------------------------
// Cities: location.city_name of every locale. Where a locale's city_pattern
// also emits the bare city_prefix (nl, nl_BE, fr_BE) or the prefix list is a
// list of real places (zh_TW), those prefixes are taken too. Hebrew entries
// carry a parenthesised settlement type, which is dropped.

const cities = new WordSet();
// "Halle (Saale)" -> "Halle", "Shahabad, Hardoi" -> "Shahabad",
// "Biel/Bienne" -> "Biel", "Bienne".
const stripParen = (s) => String(s).replace(/\s*\([^)]*\)\s*/gu, ' ');
const cityForms = (s) => stripParen(s).split(',')[0].split('/');
for (const code of LOCALES) {
  const l = loc(code).location ?? {};
  cities.addAll(flat(l.city_name).flatMap(cityForms), code);
  const patterns = flat(l.city_pattern);
  if (patterns.includes('{{location.city_prefix}}') || code === 'zh_TW') {
    cities.addAll(flat(l.city_prefix).flatMap(cityForms), `${code} (city_prefix)`);
  }
}

// Hand-added: large cities that faker's locales lack (faker generates fake
// city names for ja, sv, pt_BR, en_GB, ...). Names of places are facts.
const EXTRA_CITIES = [
  // Japan
  '東京', '横浜', '大阪', '名古屋', '札幌', '福岡', '川崎', '神戸', '京都', 'さいたま', '広島',
  '仙台', '千葉', '北九州', '堺', '新潟', '浜松', '熊本', '相模原', '岡山', '静岡', '船橋',
  '鹿児島', '八王子', '川口', '姫路', '宇都宮', '松山', '東大阪', '西宮', '倉敷', '市川', '大分',
  '金沢', '福山', '尼崎', '長崎', '町田', '豊田', '富山', '高松', '横須賀', '岐阜', '枚方',
  '藤沢', '柏', '豊中', '長野', '一宮', '和歌山', '岡崎', '奈良', '宮崎', '高槻', '吹田',
  '旭川', '高知', '川越', '秋田', '那覇', '盛岡', '青森', '福島', '山形', '水戸', '前橋',
  '甲府', '津', '大津', '鳥取', '松江', '山口', '徳島', '佐賀', '福井', '函館', '郡山', 'いわき',
  // China, Taiwan, Hong Kong, Macau
  '南京', '武汉', '西安', '苏州', '郑州', '长沙', '沈阳', '青岛', '大连', '厦门', '宁波', '济南',
  '哈尔滨', '长春', '昆明', '福州', '合肥', '南昌', '南宁', '贵阳', '太原', '石家庄', '兰州',
  '乌鲁木齐', '呼和浩特', '拉萨', '海口', '银川', '西宁', '无锡', '佛山', '东莞', '温州',
  '香港', '澳門', '澳门', '台北', '新北', '台中', '台南', '高雄', '桃園', '新竹', '基隆', '嘉義', '台東',
  // Korea
  '서울', '부산', '인천', '대구', '대전', '광주', '울산', '세종', '수원', '창원', '고양', '용인',
  '성남', '청주', '전주', '천안', '제주', '포항', '김해', '안산', '안양', '평양',
  // India (Devanagari)
  'दिल्ली', 'नई दिल्ली', 'मुंबई', 'कोलकाता', 'चेन्नई', 'बेंगलुरु', 'हैदराबाद', 'अहमदाबाद', 'पुणे',
  'जयपुर', 'लखनऊ', 'कानपुर', 'नागपुर', 'इंदौर', 'भोपाल', 'पटना', 'वाराणसी', 'आगरा', 'काठमाडौं',
  // United Kingdom and Ireland
  'London', 'Birmingham', 'Manchester', 'Glasgow', 'Liverpool', 'Leeds', 'Edinburgh', 'Bristol',
  'Cardiff', 'Belfast', 'Sheffield', 'Newcastle upon Tyne', 'Nottingham', 'Leicester',
  'Southampton', 'Portsmouth', 'Brighton', 'Oxford', 'Cambridge', 'Aberdeen', 'Dundee', 'Swansea',
  'Coventry', 'Bradford', 'Reading', 'Derby', 'Plymouth', 'Wolverhampton', 'Stoke-on-Trent',
  'Sunderland', 'Norwich', 'York', 'Exeter', 'Bath', 'Inverness', 'Dublin', 'Cork', 'Galway', 'Limerick',
  // Sweden, Norway, Denmark, Finland
  'Stockholm', 'Göteborg', 'Malmö', 'Uppsala', 'Västerås', 'Örebro', 'Linköping', 'Helsingborg',
  'Jönköping', 'Norrköping', 'Lund', 'Umeå', 'Gävle', 'Borås', 'Södertälje', 'Eskilstuna',
  'Halmstad', 'Växjö', 'Karlstad', 'Sundsvall', 'Luleå', 'Trollhättan', 'Östersund', 'Kalmar',
  'Kristianstad', 'Falun', 'Skövde', 'Karlskrona', 'Visby', 'Kiruna', 'Oslo', 'Bergen',
  'Trondheim', 'Stavanger', 'København', 'Aarhus', 'Odense', 'Aalborg', 'Helsinki', 'Espoo',
  'Tampere', 'Vantaa', 'Turku', 'Oulu',
  // Brazil and Portugal
  'São Paulo', 'Rio de Janeiro', 'Brasília', 'Salvador', 'Fortaleza', 'Belo Horizonte', 'Manaus',
  'Curitiba', 'Recife', 'Goiânia', 'Belém', 'Porto Alegre', 'Guarulhos', 'Campinas', 'São Luís',
  'São Gonçalo', 'Maceió', 'Duque de Caxias', 'Natal', 'Teresina', 'Campo Grande', 'Nova Iguaçu',
  'São Bernardo do Campo', 'João Pessoa', 'Santo André', 'Osasco', 'Jaboatão dos Guararapes',
  'Ribeirão Preto', 'Uberlândia', 'Sorocaba', 'Contagem', 'Aracaju', 'Feira de Santana', 'Cuiabá',
  'Joinville', 'Juiz de Fora', 'Londrina', 'Niterói', 'Porto Velho', 'Florianópolis', 'Vitória',
  'Santos', 'Macapá', 'Boa Vista', 'Palmas', 'Rio Branco', 'Lisboa', 'Porto', 'Braga', 'Coimbra',
  // Netherlands, Belgium, Switzerland, Austria, Germany
  'Amsterdam', 'Rotterdam', 'Den Haag', "'s-Gravenhage", 'Utrecht', 'Eindhoven', 'Groningen',
  'Tilburg', 'Almere', 'Breda', 'Nijmegen', 'Arnhem', 'Haarlem', 'Enschede', 'Maastricht',
  'Leiden', 'Delft', "'s-Hertogenbosch", 'Antwerpen', 'Gent', 'Brugge', 'Brussel', 'Bruxelles',
  'Liège', 'Zürich', 'Genève', 'Basel', 'Bern', 'Lausanne', 'Wien', 'Graz', 'Linz', 'Salzburg',
  'Innsbruck', 'Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt am Main', 'Stuttgart',
  'Düsseldorf', 'Leipzig', 'Dortmund', 'Essen', 'Bremen', 'Dresden', 'Hannover', 'Nürnberg',
  // English and other exonyms of large cities
  'Tokyo', 'Osaka', 'Kyoto', 'Yokohama', 'Nagoya', 'Sapporo', 'Beijing', 'Shanghai', 'Guangzhou',
  'Shenzhen', 'Hong Kong', 'Macau', 'Taipei', 'Kaohsiung', 'Seoul', 'Busan', 'Incheon', 'Bangkok',
  'Hanoi', 'Ho Chi Minh City', 'Singapore', 'Jakarta', 'Manila', 'Kuala Lumpur', 'Istanbul',
  'Ankara', 'Izmir', 'Moscow', 'Saint Petersburg', 'Kyiv', 'Kiev', 'Warsaw', 'Prague', 'Vienna',
  'Budapest', 'Bucharest', 'Athens', 'Rome', 'Milan', 'Naples', 'Turin', 'Florence', 'Venice',
  'Madrid', 'Barcelona', 'Seville', 'Valencia', 'Lisbon', 'Paris', 'Brussels', 'The Hague',
  'Munich', 'Cologne', 'Frankfurt', 'Zurich', 'Geneva', 'Copenhagen', 'Gothenburg', 'Cairo',
  'Alexandria', 'Casablanca', 'Lagos', 'Nairobi', 'Johannesburg', 'Cape Town', 'Sydney',
  'Melbourne', 'Brisbane', 'Perth', 'Auckland', 'Wellington', 'Toronto', 'Montreal', 'Montréal',
  'Vancouver', 'Ottawa', 'Calgary', 'Mexico City', 'Ciudad de México', 'Guadalajara', 'Monterrey',
  'Buenos Aires', 'Lima', 'Bogotá', 'Santiago', 'Caracas', 'Quito', 'Montevideo', 'Tehran',
  'Riyadh', 'Dubai', 'Abu Dhabi', 'Doha', 'Tel Aviv', 'Jerusalem', 'Beirut', 'Baghdad', 'Karachi',
  'Lahore', 'Dhaka', 'Kathmandu', 'Delhi', 'New Delhi',
  // Greek, Cyrillic, Arabic, Hebrew forms of large foreign cities
  'Αθήνα', 'Θεσσαλονίκη', 'Λευκωσία', 'Лондон', 'Париж', 'Берлин', 'Москва', 'Санкт-Петербург',
  'Київ', 'Харків', 'Одеса', 'Львів', 'Мінськ', 'Минск', 'Алматы', 'Ташкент',
  'لندن', 'باريس', 'دبي', 'أبوظبي', 'الدوحة', 'الرياض', 'بغداد', 'دمشق', 'عمّان',
  'ירושלים', 'תל אביב', 'חיפה',
];
cities.addAll(EXTRA_CITIES.flatMap(cityForms), 'hand-added');

// If a cap is ever needed, keep the shortest names first (short names are the
// most common town names), breaking ties by code point.
write('cities.txt', [
  `City and town names in many languages and scripts.`,
  `Source: ${FAKER}, locale data location.city_name (and the real-place`,
  `city_prefix lists of nl, nl_BE, fr_BE, zh_TW), plus a hand-written list of large`,
  `cities. Entries are place names only, no addresses.`,
  LICENCE, LICENCE2,
], cities, { capOrder: (a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0) });

// ---------------------------------------------------------------------------
// Street words: street-type words (street, avenue, rue, calle, улица, 路, ...).
// faker's location.street_suffix is a street type in most locales, but in
// fr, fr_BE, fr_CH, fr_SN and fa it holds the *name* part ("de la Paix"), so
// only street_prefix is taken there. sv/nb_NO prefixes are directions
// ("Västra", "Øvre") and en_GH's prefix is a place name; they are skipped.

// A few faker entries are too ambiguous to be street evidence: "Jr." (id_ID,
// but also "Junior"), and zh_CN's 旁 ("beside"), 侬, 中心 ("centre"), 栋.
// common_street_suffix of sv/nb_NO is written with the genitive s of the name
// before it ("s Gate"); the s is dropped.

const SUFFIX_IS_NAME = new Set(['fr', 'fr_BE', 'fr_CH', 'fr_SN', 'fa']);
const PREFIX_NOT_TYPE = new Set(['sv', 'nb_NO', 'en_GH']);
const STREET_DROP = new Set(['Jr.', '旁', '侬', '中心', '栋']);
const streets = new WordSet();
const streetWords = (values) => values.filter((v) => !STREET_DROP.has(clean(v)));
for (const code of LOCALES) {
  const l = loc(code).location ?? {};
  if (!SUFFIX_IS_NAME.has(code)) {
    streets.addAll(streetWords(flat(l.street_suffix)), code);
    streets.addAll(flat(l.common_street_suffix).map((s) => String(s).replace(/^s /u, '')), code);
  }
  if (!PREFIX_NOT_TYPE.has(code)) {
    // Arabic packs two words in one entry, separated by an Arabic comma.
    streets.addAll(streetWords(flat(l.street_prefix)).flatMap((s) => String(s).split(/[،,]/u)), code);
  }
}

const EXTRA_STREET_WORDS = [
  // English
  'Street', 'St', 'St.', 'Avenue', 'Ave', 'Ave.', 'Av', 'Road', 'Rd', 'Rd.', 'Lane', 'Ln', 'Drive',
  'Dr', 'Dr.', 'Boulevard', 'Blvd', 'Blvd.', 'Court', 'Ct', 'Place', 'Pl', 'Square', 'Sq',
  'Terrace', 'Ter', 'Highway', 'Hwy', 'Parkway', 'Pkwy', 'Circle', 'Cir', 'Crescent', 'Cres',
  'Close', 'Way', 'Alley', 'Aly', 'Trail', 'Trl', 'Expressway', 'Expy', 'Freeway', 'Fwy',
  'Turnpike', 'Tpke', 'Route', 'Rte', 'Mews', 'Row', 'Walk', 'Gardens', 'Gdns', 'Apartment',
  'Apt', 'Apt.', 'Suite', 'Ste', 'Unit', 'Floor', 'Fl', 'P.O. Box', 'PO Box',
  // German, Austrian, Swiss
  'Straße', 'Strasse', 'Str.', 'Str', 'straße', 'strasse', 'str.', 'Weg', 'weg', 'Gasse', 'gasse',
  'Platz', 'platz', 'Allee', 'allee', 'Ring', 'ring', 'Damm', 'damm', 'Ufer', 'ufer', 'Chaussee',
  'Steig', 'Pfad', 'Hausnummer', 'Postfach',
  // French
  'Rue', 'Avenue', 'Av.', 'Boulevard', 'Bd', 'Bd.', 'Bvd', 'Chemin', 'Ch.', 'Impasse', 'Imp.',
  'Allée', 'Place', 'Pl.', 'Quai', 'Cours', 'Route', 'Rte', 'Faubourg', 'Fbg', 'Passage',
  'Square', 'Voie', 'Sentier', 'Esplanade', 'Rond-point', 'Lieu-dit', 'Hameau', 'Cedex',
  'Boîte postale',
  // Spanish
  'Calle', 'C/', 'Avenida', 'Avda.', 'Av.', 'Paseo', 'Pº', 'Plaza', 'Pza.', 'Camino', 'Carretera',
  'Ctra.', 'Ronda', 'Travesía', 'Callejón', 'Pasaje', 'Glorieta', 'Urbanización', 'Urb.', 'Bulevar',
  'Apartado de correos', 'Piso', 'Portal', 'Carrera', 'Cra.', 'Diagonal', 'Transversal',
  // Italian
  'Via', 'Viale', 'V.le', 'Piazza', 'P.za', 'Piazzale', 'Corso', 'C.so', 'Largo', 'Vicolo',
  'Strada', 'Lungomare', 'Lungotevere', 'Contrada', 'Località', 'Frazione', 'Salita', 'Calle',
  // Portuguese
  'Rua', 'R.', 'Avenida', 'Av.', 'Travessa', 'Tv.', 'Praça', 'Pç.', 'Largo', 'Estrada', 'Rodovia',
  'Alameda', 'Beco', 'Ladeira', 'Calçada', 'Quadra', 'Lote', 'Bairro', 'Caixa postal',
  // Dutch and Flemish
  'straat', 'Straat', 'str.', 'laan', 'Laan', 'weg', 'plein', 'Plein', 'gracht', 'kade', 'Kade',
  'dijk', 'singel', 'Singel', 'steeg', 'pad', 'hof', 'markt', 'dreef', 'lei', 'Postbus',
  // Scandinavian
  'gatan', 'gata', 'vägen', 'väg', 'gränd', 'torget', 'torg', 'stigen', 'allén', 'backen',
  'gade', 'vej', 'stræde', 'plads', 'gate', 'veien', 'vegen', 'plass', 'Box',
  // Finnish, Estonian, Latvian, Lithuanian
  'katu', 'tie', 'kuja', 'polku', 'tänav', 'tee', 'puiestee', 'iela', 'gatve', 'gatvė', 'g.',
  'prospektas', 'pr.', 'alėja',
  // Polish, Czech, Slovak, Slovene, Croatian, Serbian
  'ulica', 'ul.', 'aleja', 'al.', 'plac', 'pl.', 'osiedle', 'os.', 'rondo', 'skwer', 'bulwar',
  'ulice', 'ul', 'třída', 'tř.', 'náměstí', 'nám.', 'nábřeží', 'nábř.', 'nábrežie', 'námestie',
  'cesta', 'trg', 'ulica', 'bulevar', 'put', 'sokak',
  // Hungarian, Romanian
  'utca', 'u.', 'út', 'tér', 'körút', 'krt.', 'köz', 'fasor', 'sétány', 'rakpart', 'Strada',
  'Str.', 'Bulevardul', 'Bd.', 'Calea', 'Aleea', 'Șoseaua', 'Splaiul', 'Piața', 'Intrarea',
  // Turkish
  'Sokak', 'Sokağı', 'Sk.', 'Sok.', 'Cadde', 'Caddesi', 'Cad.', 'Bulvar', 'Bulvarı', 'Blv.',
  'Mahalle', 'Mahallesi', 'Mah.', 'Meydan', 'Meydanı', 'Yolu', 'Apartmanı', 'Apt.', 'Daire',
  // Russian, Ukrainian, Belarusian, Bulgarian, Serbian Cyrillic
  'улица', 'ул.', 'проспект', 'пр-т', 'просп.', 'переулок', 'пер.', 'шоссе', 'ш.', 'бульвар',
  'б-р', 'площадь', 'пл.', 'набережная', 'наб.', 'проезд', 'тупик', 'микрорайон', 'мкр.', 'дом',
  'д.', 'квартира', 'кв.', 'корпус', 'корп.', 'строение', 'стр.', 'вулиця', 'вул.', 'провулок',
  'пров.', 'площа', 'майдан', 'узвіз', 'вуліца', 'бул.', 'улица', 'булевард',
  // Greek
  'οδός', 'Οδός', 'οδ.', 'λεωφόρος', 'Λεωφόρος', 'Λεωφ.', 'πλατεία', 'Πλατεία', 'Πλ.', 'πάροδος',
  'Πάροδος', 'Παρ.', 'αριθμός',
  // Chinese, Japanese, Korean
  '路', '街', '道', '大道', '大街', '巷', '弄', '胡同', '号', '號', '里', '村', '区', '區', '镇', '鎮',
  '通り', '丁目', '番地', '号', '町', '大通り',
  '로', '길', '대로', '번길', '동', '번지', '리',
  // Arabic, Persian, Urdu, Hebrew
  'شارع', 'طريق', 'ساحة', 'ميدان', 'حي', 'زقاق', 'جادة', 'خیابان', 'کوچه', 'بلوار', 'میدان',
  'بن‌بست', 'سڑک', 'گلی', 'רחוב', 'רח׳', "רח'", 'שדרות', "שד'", 'דרך', 'סמטת', 'כיכר', 'שכונת',
  // Hindi, Thai, Vietnamese, Indonesian/Malay
  'मार्ग', 'रोड', 'गली', 'नगर', 'ถนน', 'ถ.', 'ซอย', 'ซ.', 'แขวง', 'เขต', 'Đường', 'Đ.', 'Phố',
  'Ngõ', 'Hẻm', 'Phường', 'Quận', 'Jalan', 'Jl.', 'Jln.', 'Gang', 'Gg.', 'Lorong', 'Kampung',
];
streets.addAll(EXTRA_STREET_WORDS, 'hand-added');
// Faker street suffixes that far more often name something else: a hospital
// ward ("Station 4B") or a train station.
for (const word of ['Station']) streets.byKey.delete(word.toLowerCase());

write('street_words.txt', [
  `Street-type words and their abbreviations (street, avenue, rue, calle, улица, 路, ...).`,
  `Source: ${FAKER}, locale data location.street_suffix, common_street_suffix and`,
  `street_prefix, plus a hand-written list of street types and abbreviations in the`,
  `dictionary's languages.`,
  `Suffix forms such as "straat", "gatan", "katu" are written as faker writes them`,
  `(lower case); they usually end a compound ("Kerkstraat").`,
  LICENCE, LICENCE2,
], streets);

// ---------------------------------------------------------------------------
// Not names: words that look like names but are not.

const notNames = new WordSet();
for (const code of LOCALES) {
  const d = loc(code);
  notNames.addAll(flat(d.color?.human), `${code} (color)`);
  const pn = d.commerce?.product_name ?? {};
  notNames.addAll([...flat(pn.adjective), ...flat(pn.material), ...flat(pn.product)], `${code} (product)`);
  notNames.addAll(flat(d.commerce?.department), `${code} (department)`);
  notNames.addAll([...flat(d.company?.legal_entity_type), ...flat(d.company?.suffix)], `${code} (company)`);
  notNames.addAll([...flat(d.date?.month), ...flat(d.date?.weekday)], `${code} (date)`);
}
// Lorem ipsum: only the locales whose lorem words are (pseudo-)Latin; other
// locales ship real prose of their language.
for (const code of ['en', 'de']) notNames.addAll(flat(loc(code).lorem?.word), `${code} (lorem)`);

const EXTRA_NOT_NAMES = [
  // Colours (English), many double as given names
  'Amber', 'Rose', 'Olive', 'Violet', 'Ruby', 'Jade', 'Hazel', 'Coral', 'Scarlet', 'Scarlett',
  'Crimson', 'Ivory', 'Pearl', 'Lilac', 'Lavender', 'Saffron', 'Sienna', 'Indigo', 'Azure',
  'Cerulean', 'Cobalt', 'Sapphire', 'Emerald', 'Topaz', 'Onyx', 'Ebony', 'Cream', 'Beige', 'Tan',
  'Khaki', 'Taupe', 'Mauve', 'Magenta', 'Fuchsia', 'Cyan', 'Teal', 'Turquoise', 'Aqua', 'Navy',
  'Maroon', 'Burgundy', 'Charcoal', 'Slate', 'Silver', 'Gold', 'Golden', 'Bronze', 'Copper',
  'Rust', 'Ochre', 'Mustard', 'Lemon', 'Lime', 'Mint', 'Sage', 'Peach', 'Apricot', 'Salmon',
  'Cherry', 'Plum', 'Orchid', 'Heather', 'Blush', 'Champagne', 'Chestnut', 'Cinnamon', 'Honey',
  'Caramel', 'Chocolate', 'Coffee', 'Mocha', 'Sand', 'Stone', 'Snow', 'Sky', 'Ocean', 'Forest',
  'Red', 'Orange', 'Yellow', 'Green', 'Blue', 'Purple', 'Pink', 'Brown', 'Black', 'White', 'Grey',
  'Gray', 'Cardinal', 'Denim', 'Periwinkle', 'Marigold', 'Jasmine', 'Lily', 'Iris', 'Daisy',
  'Poppy', 'Magnolia', 'Willow', 'Juniper', 'Raven', 'Dusk', 'Dawn', 'Sunny', 'Storm',
  // Colours in other languages
  'Rot', 'Blau', 'Grün', 'Gelb', 'Schwarz', 'Weiß', 'Weiss', 'Braun', 'Rosa', 'Lila', 'Türkis',
  'Rouge', 'Bleu', 'Vert', 'Jaune', 'Noir', 'Blanc', 'Gris', 'Marron', 'Violette', 'Rojo',
  'Azul', 'Verde', 'Amarillo', 'Negro', 'Blanco', 'Morado', 'Naranja', 'Celeste', 'Rosso',
  'Giallo', 'Nero', 'Bianco', 'Grigio', 'Azzurro', 'Viola', 'Vermelho', 'Amarelo', 'Preto',
  'Branco', 'Cinza', 'Roxo', 'Rood', 'Blauw', 'Groen', 'Geel', 'Zwart', 'Wit', 'Grijs',
  'Czerwony', 'Niebieski', 'Zielony', 'Żółty', 'Czarny', 'Biały', 'Röd', 'Blå', 'Grön', 'Gul',
  'Svart', 'Vit', 'Kırmızı', 'Mavi', 'Yeşil', 'Sarı', 'Siyah', 'Beyaz', 'Красный', 'Синий',
  'Зелёный', 'Жёлтый', 'Чёрный', 'Белый', 'Κόκκινο', 'Μπλε', 'Πράσινο', 'Κίτρινο', 'Μαύρο',
  'Άσπρο', '赤', '青', '緑', '黄色', '黒', '白', '红色', '蓝色', '绿色', '黑色', '白色',
  // Product and household nouns
  'Chair', 'Table', 'Desk', 'Sofa', 'Couch', 'Bed', 'Lamp', 'Shelf', 'Cabinet', 'Drawer',
  'Keyboard', 'Mouse', 'Monitor', 'Laptop', 'Computer', 'Tablet', 'Phone', 'Smartphone',
  'Headphones', 'Speaker', 'Camera', 'Printer', 'Router', 'Charger', 'Cable', 'Battery', 'Watch',
  'Sneakers', 'Shoes', 'Boots', 'Sandals', 'Shirt', 'T-Shirt', 'Jacket', 'Coat', 'Hoodie',
  'Sweater', 'Jeans', 'Pants', 'Shorts', 'Skirt', 'Dress', 'Socks', 'Gloves', 'Hat', 'Cap',
  'Scarf', 'Belt', 'Bag', 'Backpack', 'Wallet', 'Bottle', 'Mug', 'Cup', 'Plate', 'Bowl', 'Knife',
  'Fork', 'Spoon', 'Pan', 'Pot', 'Kettle', 'Towel', 'Towels', 'Pillow', 'Blanket', 'Mattress',
  'Candle', 'Mirror', 'Clock', 'Vase', 'Rug', 'Carpet', 'Curtain', 'Bike', 'Bicycle', 'Car',
  'Ball', 'Toy', 'Puzzle', 'Book', 'Notebook', 'Pen', 'Pencil', 'Soap', 'Shampoo', 'Cheese',
  'Bacon', 'Pizza', 'Salad', 'Chips', 'Sausages', 'Chicken', 'Fish', 'Tuna', 'Computer', 'Widget',
  'Gadget', 'Device', 'Kit', 'Bundle', 'Pack', 'Set', 'Gift Card', 'Voucher', 'Subscription',
  // Product adjectives
  'Ergonomic', 'Rustic', 'Handcrafted', 'Handmade', 'Bespoke', 'Sleek', 'Intelligent', 'Generic',
  'Unbranded', 'Licensed', 'Refined', 'Recycled', 'Practical', 'Gorgeous', 'Fantastic',
  'Incredible', 'Awesome', 'Elegant', 'Luxurious', 'Modern', 'Vintage', 'Classic', 'Premium',
  'Deluxe', 'Portable', 'Wireless', 'Compact', 'Durable', 'Lightweight', 'Heavy Duty', 'Organic',
  'Eco', 'Smart', 'Ultra', 'Pro', 'Plus', 'Max', 'Mini', 'Lite', 'Original', 'Limited Edition',
  // Company suffixes and legal forms
  'Inc', 'Inc.', 'Incorporated', 'LLC', 'L.L.C.', 'LLP', 'LP', 'Ltd', 'Ltd.', 'Limited', 'PLC',
  'Corp', 'Corp.', 'Corporation', 'Co', 'Co.', 'Company', 'Group', 'Holdings', 'Holding',
  'and Sons', '& Sons', 'Partners', 'GmbH', 'AG', 'KG', 'OHG', 'UG', 'e.V.', 'GbR', 'KGaA', 'SE',
  'SA', 'S.A.', 'SAS', 'SARL', 'S.A.R.L.', 'SNC', 'SL', 'S.L.', 'SLU', 'SRL', 'S.R.L.', 'SpA',
  'S.p.A.', 'S.a.s.', 'Ltda', 'Ltda.', 'EIRELI', 'ME', 'BV', 'B.V.', 'NV', 'N.V.', 'VOF', 'AB',
  'HB', 'AS', 'ASA', 'A/S', 'ApS', 'Oy', 'Oyj', 'Sp. z o.o.', 'S.A.', 'sp.j.', 's.r.o.', 'a.s.',
  'Kft.', 'Zrt.', 'Nyrt.', 'A.Ş.', 'Ltd. Şti.', 'ООО', 'ОАО', 'ЗАО', 'ПАО', 'АО', 'ИП', 'ТОВ',
  'ΑΕ', 'Α.Ε.', 'ΕΠΕ', 'ΙΚΕ', '株式会社', '有限会社', '合同会社', '有限公司', '股份有限公司',
  '集团', '주식회사', 'Pty Ltd', 'Pvt Ltd', 'Private Limited', 'Sdn Bhd', 'Bhd', 'PT', 'Tbk',
  // Weekdays and months (English abbreviations and a few more languages)
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Mon', 'Tue',
  'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr',
  'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Montag', 'Dienstag', 'Mittwoch',
  'Donnerstag', 'Freitag', 'Samstag', 'Sonntag', 'Januar', 'Februar', 'März', 'Mai', 'Juni',
  'Juli', 'Oktober', 'Dezember', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi',
  'dimanche', 'janvier', 'février', 'mars', 'avril', 'juin', 'juillet', 'août', 'septembre',
  'octobre', 'novembre', 'décembre', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes',
  'sábado', 'domingo', 'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto',
  'septiembre', 'octubre', 'noviembre', 'diciembre', 'lunedì', 'martedì', 'mercoledì', 'giovedì',
  'venerdì', 'sabato', 'domenica', 'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio',
  'settembre', 'ottobre', 'dicembre', 'segunda-feira', 'terça-feira', 'quarta-feira',
  'quinta-feira', 'sexta-feira', 'janeiro', 'fevereiro', 'março', 'maio', 'junho', 'julho',
  'setembro', 'outubro', 'dezembro', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag',
  'zaterdag', 'zondag', 'januari', 'februari', 'maart', 'mei', 'juni', 'juli', 'augustus',
  'poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota', 'niedziela', 'styczeń',
  'luty', 'marzec', 'kwiecień', 'czerwiec', 'lipiec', 'sierpień', 'wrzesień', 'październik',
  'listopad', 'grudzień', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота',
  'воскресенье', 'январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август',
  'сентябрь', 'октябрь', 'ноябрь', 'декабрь', 'Pazartesi', 'Salı', 'Çarşamba', 'Perşembe',
  'Cuma', 'Cumartesi', 'Pazar', 'Ocak', 'Şubat', 'Mart', 'Nisan', 'Mayıs', 'Haziran', 'Temmuz',
  'Ağustos', 'Eylül', 'Ekim', 'Kasım', 'Aralık',
  // Placeholder and test words that show up in name columns
  'Test', 'Testing', 'Tester', 'Demo', 'Sample', 'Example', 'Dummy', 'Placeholder', 'Unknown',
  'Anonymous', 'Anon', 'None', 'Null', 'Undefined', 'Default', 'Admin', 'Administrator', 'User',
  'Guest', 'Customer', 'Client', 'Foo', 'Bar', 'Baz', 'Qux', 'Lorem', 'Ipsum', 'Dolor', 'Sit',
  'Amet', 'Consectetur', 'Adipiscing', 'Elit', 'N/A', 'TBD', 'TODO',
  // Salutations and titles: a salutation column is not a name column ("Frau"
  // is also a surname in the faker lists)
  'Herr', 'Frau', 'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Mx', 'Dr', 'Dr.', 'Prof',
  'Prof.', 'Mme', 'Mlle', 'Monsieur', 'Madame', 'Mademoiselle', 'Señor', 'Señora', 'Sr.',
  'Sra.', 'Srta.', 'Don', 'Doña', 'Signor', 'Signora', 'Sig.', 'Sig.ra', 'Senhor', 'Senhora',
  'Dona', 'Meneer', 'Mevrouw', 'Dhr.', 'Mevr.', 'Pan', 'Pani', 'Bay', 'Bayan', 'Господин',
  'Госпожа', 'Г-н', 'Г-жа',
];
notNames.addAll(EXTRA_NOT_NAMES, 'hand-added');

write('not_names.txt', [
  `Words that look like names but are not: colours, product nouns and adjectives,`,
  `departments, company legal forms, lorem ipsum words, weekdays and months, and`,
  `placeholder words. Negative evidence for the person_name detector.`,
  `Many entries are also given names (Amber, Rose, Olive, Violet, Ruby, Jade, Hazel,`,
  `May, ...) and stay in given_names.txt: a value found in both lists counts as a`,
  `name only when other evidence agrees (column name, a surname beside it, ...).`,
  `Source: ${FAKER}, locale data color.human, commerce.product_name, commerce.department,`,
  `company.legal_entity_type, company.suffix, date.month, date.weekday, and lorem.word`,
  `of en and de, plus a hand-written list of the same kinds of words.`,
  LICENCE, LICENCE2,
], notNames);

// Per-origin counts, for SOURCES.md.
if (process.env.VERBOSE) {
  for (const [name, set] of [['given', given], ['surnames', surnames], ['cities', cities], ['streets', streets], ['not_names', notNames]]) {
    console.log(`\n${name}:`, [...set.perLocale.entries()].map(([k, v]) => `${k}=${v}`).join(' '));
  }
}
