// datagen/locale_data_north.cc
//
// Locale tables for Central, Northern and Eastern Europe and Turkey: DE, NL,
// PL, SE, IS, TR, RU (Cyrillic) and GR (Greek). Hand-written lists; see
// locale.h for the entry formats. Family-name lists mix the masculine and
// feminine forms where a language inflects them (Kowalski/Kowalska,
// Иванов/Иванова, -son/-dóttir).

#include "datagen/locale.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

constexpr SV kDeGiven[] = {
    "Anna",      "Lukas",      "Leonie", "Jürgen",     "Bärbel",       "Günther", "Jörg",
    "Sören",     "Maximilian", "Sophie", "Felix",      "Marie",        "Jonas",   "Hannah",
    "Paul",      "Lea",        "Finn",   "Emilia",     "Niklas",       "Johanna", "Tobias",
    "Katharina", "Stefan",     "Sabine", "Wolfgang",   "Ursula",       "Klaus",   "Renate",
    "Dieter",    "Monika",     "Heike",  "Uwe",        "Frauke",       "Björn",   "Ömer",
    "Ayşe",      "Dragan",     "Wiebke", "Hans-Peter", "Anne-Kathrin", "Käthe",   "Gregor",
    "Malte",     "Friederike"};
constexpr SV kDeFamily[] = {
    "Müller",  "Schmidt",    "Schneider", "Fischer",   "Weber",         "Meyer",
    "Wagner",  "Becker",     "Schulz",    "Hoffmann",  "Schäfer",       "Koch",
    "Bauer",   "Richter",    "Klein",     "Wolf",      "Schröder",      "Neumann",
    "Schwarz", "Zimmermann", "Braun",     "Krüger",    "Hartmann",      "Lange",
    "Werner",  "Krause",     "Lehmann",   "Köhler",    "Herrmann",      "König",
    "Huber",   "Kaiser",     "Fuchs",     "Möller",    "Weiß",          "Groß",
    "Vogel",   "Yılmaz",     "Nowak",     "von Bülow", "von der Heide", "Meyer-Lüdenscheid",
    "Ößwald"};
constexpr City kDeCities[] = {
    {"Berlin", "10###", "30"},     {"Berlin", "12###", "30"},
    {"Hamburg", "20###", "40"},    {"Hamburg", "22###", "40"},
    {"München", "80###", "89"},    {"München", "81###", "89"},
    {"Köln", "50###", "221"},      {"Frankfurt am Main", "60###", "69"},
    {"Stuttgart", "70###", "711"}, {"Düsseldorf", "40###", "211"},
    {"Leipzig", "04###", "341"},   {"Dortmund", "44###", "231"},
    {"Essen", "45###", "201"},     {"Bremen", "28###", "421"},
    {"Dresden", "01###", "351"},   {"Hannover", "30###", "511"},
    {"Nürnberg", "90###", "911"},  {"Freiburg im Breisgau", "79###", "761"},
    {"Münster", "48###", "251"},   {"Würzburg", "97###", "931"},
    {"Görlitz", "02826", "3581"},  {"Saarbrücken", "66###", "681"}};
constexpr SV kDeStreets[] = {
    "Hauptstraße",         "Schulstraße",     "Gartenstraße",     "Bahnhofstraße",
    "Dorfstraße",          "Bergstraße",      "Birkenweg",        "Lindenstraße",
    "Kirchstraße",         "Am Lindenhof",    "Waldstraße",       "Ringstraße",
    "Friedrichstraße",     "Kurfürstendamm",  "Unter den Linden", "Königsallee",
    "Grüner Weg",          "Mühlenstraße",    "Schloßallee",      "Karl-Marx-Allee",
    "Straße des 17. Juni", "Maximilianstraße"};
constexpr SV kDeMail[] = {"web",     "gmx",   "t-online", "freenet", "posteo",
                          "mailbox", "gmail", "outlook",  "arcor",   "campus.uni-muenchen"};

constexpr SV kNlGiven[] = {
    "Daan",       "Emma",  "Sem",     "Julia", "Lucas",   "Mila",    "Levi",   "Tess",  "Finn",
    "Sophie",     "Noah",  "Zoë",     "Bram",  "Sara",    "Jesse",   "Anna",   "Thijs", "Fenna",
    "Ruben",      "Lotte", "Sander",  "Femke", "Joost",   "Marloes", "Pieter", "Ineke", "Gerrit",
    "Wilhelmina", "Floor", "Maarten", "Anouk", "Mohamed", "Fatima",  "Kees",   "Joke",  "IJsbrand"};
constexpr SV kNlFamily[] = {
    "de Jong",        "Jansen",       "de Vries",    "van den Berg", "van Dijk",
    "Bakker",         "Janssen",      "Visser",      "Smit",         "Meijer",
    "de Boer",        "Mulder",       "de Groot",    "Bos",          "Vos",
    "Peters",         "Hendriks",     "van Leeuwen", "Dekker",       "Brouwer",
    "de Wit",         "Dijkstra",     "Smits",       "de Graaf",     "van der Meer",
    "van der Linden", "Kok",          "Jacobs",      "de Haan",      "Vermeulen",
    "van den Heuvel", "van der Veen", "van Beek",    "'t Hart",      "El Amrani",
    "Huisman",        "IJzerman"};
constexpr City kNlCities[] = {{"Amsterdam", "10!# @@", "20"},       {"Rotterdam", "30!# @@", "10"},
                              {"Den Haag", "25!# @@", "70"},        {"Utrecht", "35!# @@", "30"},
                              {"Eindhoven", "56!# @@", "40"},       {"Groningen", "97!# @@", "50"},
                              {"Tilburg", "50!# @@", "13"},         {"Almere", "13!# @@", "36"},
                              {"Breda", "48!# @@", "76"},           {"Nijmegen", "65!# @@", "24"},
                              {"Haarlem", "20!# @@", "23"},         {"Maastricht", "62!# @@", "43"},
                              {"Leiden", "23!# @@", "71"},          {"Zwolle", "80!# @@", "38"},
                              {"'s-Hertogenbosch", "52!# @@", "73"}};
constexpr SV kNlStreets[] = {"Kerkstraat",     "Dorpsstraat",   "Schoolstraat",   "Molenweg",
                             "Stationsweg",    "Julianastraat", "Beatrixlaan",    "Prinsengracht",
                             "Keizersgracht",  "Herengracht",   "Oudegracht",     "Coolsingel",
                             "Lange Voorhout", "Vondelstraat",  "Wilhelminaplein"};
constexpr SV kNlMail[] = {"ziggo", "kpnmail", "hetnet", "planet",
                          "gmail", "outlook", "home",   "xs4all"};

constexpr SV kPlGiven[] = {
    "Łukasz", "Wojciech",   "Małgorzata", "Agnieszka",  "Krzysztof", "Katarzyna", "Piotr",
    "Anna",   "Tomasz",     "Magdalena",  "Paweł",      "Joanna",    "Michał",    "Monika",
    "Marcin", "Aleksandra", "Jakub",      "Zofia",      "Grzegorz",  "Ewa",       "Mateusz",
    "Dorota", "Bartłomiej", "Jadwiga",    "Przemysław", "Żaneta",    "Szymon",    "Beata",
    "Jerzy",  "Halina",     "Stanisław",  "Wiesława",   "Zbigniew",  "Urszula",   "Kazimierz",
    "Bożena", "Maciej",     "Grażyna",    "Dawid",      "Iwona"};
constexpr SV kPlFamily[] = {"Nowak",
                            "Kowalski",
                            "Wiśniewski",
                            "Wójcik",
                            "Kowalczyk",
                            "Kamiński",
                            "Lewandowski",
                            "Zieliński",
                            "Szymański",
                            "Woźniak",
                            "Dąbrowski",
                            "Kozłowski",
                            "Jankowski",
                            "Mazur",
                            "Kwiatkowski",
                            "Krawczyk",
                            "Piotrowski",
                            "Grabowski",
                            "Pawłowski",
                            "Michalski",
                            "Król",
                            "Wieczorek",
                            "Jabłoński",
                            "Wróbel",
                            "Nowicka",
                            "Kowalska",
                            "Wiśniewska",
                            "Zielińska",
                            "Lewandowska",
                            "Dąbrowska",
                            "Kaczmarek",
                            "Żak",
                            "Sikora",
                            "Błaszczyk",
                            "Gołębiowski",
                            "Ślusarczyk",
                            "Brzęczyszczykiewicz"};
constexpr City kPlCities[] = {
    {"Warszawa", "0#-###", "22"}, {"Kraków", "3#-###", "12"},      {"Łódź", "9#-###", "42"},
    {"Wrocław", "5#-###", "71"},  {"Poznań", "6#-###", "61"},      {"Gdańsk", "80-###", "58"},
    {"Szczecin", "7#-###", "91"}, {"Bydgoszcz", "85-###", "52"},   {"Lublin", "20-###", "81"},
    {"Katowice", "40-###", "32"}, {"Białystok", "15-###", "85"},   {"Częstochowa", "42-2##", "34"},
    {"Toruń", "87-1##", "56"},    {"Zielona Góra", "65-###", "68"}};
constexpr SV kPlStreets[] = {"ul. Długa",         "ul. Marszałkowska", "ul. Piotrkowska",
                             "al. Jerozolimskie", "ul. Floriańska",    "ul. Mickiewicza",
                             "ul. Słowackiego",   "ul. Kościuszki",    "ul. Żeromskiego",
                             "ul. 3 Maja",        "ul. Świętokrzyska", "al. Niepodległości",
                             "pl. Grunwaldzki",   "ul. Wrzosowa",      "ul. Źródlana"};
constexpr SV kPlMail[] = {"wp", "onet", "interia", "o2", "gmail", "gazeta", "op", "poczta"};

constexpr SV kSeGiven[] = {
    "Åsa",    "Björn",  "Erik",     "Anna", "Lars",  "Karin", "Anders",  "Maria",  "Johan",
    "Eva",    "Per",    "Kristina", "Karl", "Lena",  "Nils",  "Ingrid",  "Mikael", "Birgitta",
    "Gustav", "Sofia",  "Oskar",    "Maja", "Elias", "Ebba",  "Axel",    "Alva",   "Hugo",
    "Saga",   "Linnéa", "Agnes",    "Måns", "Göran", "Ulf",   "Solveig", "Sixten", "Torbjörn"};
constexpr SV kSeFamily[] = {
    "Andersson", "Johansson", "Karlsson",   "Nilsson",    "Eriksson",  "Larsson",   "Olsson",
    "Persson",   "Svensson",  "Gustafsson", "Pettersson", "Jonsson",   "Hansson",   "Bengtsson",
    "Jönsson",   "Lindberg",  "Magnusson",  "Lindström",  "Lindqvist", "Söderberg", "Lindgren",
    "Berg",      "Bergström", "Lundberg",   "Lundqvist",  "Mattsson",  "Berglund",  "Sandberg",
    "Öberg",     "Åberg",     "Ström",      "Hägglund",   "Ekström"};
constexpr City kSeCities[] = {
    {"Stockholm", "1!# ##", "8"},   {"Göteborg", "4!# ##", "31"},    {"Malmö", "2!# ##", "40"},
    {"Uppsala", "75# ##", "18"},    {"Västerås", "72# ##", "21"},    {"Örebro", "70# ##", "19"},
    {"Linköping", "58# ##", "13"},  {"Helsingborg", "25# ##", "42"}, {"Jönköping", "55# ##", "36"},
    {"Norrköping", "60# ##", "11"}, {"Lund", "22# ##", "46"},        {"Umeå", "90# ##", "90"},
    {"Kiruna", "981 ##", "980"}};
constexpr SV kSeStreets[] = {
    "Storgatan", "Drottninggatan", "Kungsgatan",      "Vasagatan",           "Sveavägen",
    "Götgatan",  "Hamngatan",      "Skolgatan",       "Kyrkogatan",          "Järnvägsgatan",
    "Ringvägen", "Linnégatan",     "Östra Hamngatan", "Södra Förstadsgatan", "Björkvägen"};
constexpr SV kSeMail[] = {"telia", "spray", "bredband", "gmail", "hotmail", "live", "bahnhof"};

constexpr SV kIsGiven[] = {
    "Guðrún", "Sigríður", "Jón",      "Kristín", "Sigurður", "Margrét",    "Guðmundur",   "Helga",
    "Gunnar", "Anna",     "Ólafur",   "Þórunn",  "Einar",    "Ragnheiður", "Magnús",      "Jóhanna",
    "Stefán", "Sólveig",  "Kristján", "Ásdís",   "Björn",    "Hildur",     "Þórður",      "Eyrún",
    "Ægir",   "Bryndís",  "Haraldur", "Íris",    "Snorri",   "Dagný",      "Hrafnhildur", "Ari"};
constexpr SV kIsFamily[] = {"Jónsson",      "Jónsdóttir",      "Sigurðsson", "Sigurðardóttir",
                            "Guðmundsson",  "Guðmundsdóttir",  "Gunnarsson", "Gunnarsdóttir",
                            "Ólafsson",     "Ólafsdóttir",     "Einarsson",  "Einarsdóttir",
                            "Kristjánsson", "Kristjánsdóttir", "Magnússon",  "Magnúsdóttir",
                            "Stefánsson",   "Stefánsdóttir",   "Björnsson",  "Björnsdóttir",
                            "Árnason",      "Árnadóttir",      "Helgason",   "Helgadóttir",
                            "Þórsson",      "Þórsdóttir",      "Haraldsson", "Halldórsdóttir"};
constexpr City kIsCities[] = {
    {"Reykjavík", "10#", "551"},     {"Reykjavík", "11#", "585"},   {"Kópavogur", "20#", "564"},
    {"Hafnarfjörður", "22#", "565"}, {"Akureyri", "60#", "462"},    {"Reykjanesbær", "23#", "421"},
    {"Garðabær", "210", "565"},      {"Mosfellsbær", "270", "566"}, {"Selfoss", "800", "482"},
    {"Akranes", "300", "431"},       {"Egilsstaðir", "700", "471"}, {"Ísafjörður", "400", "456"}};
constexpr SV kIsStreets[] = {"Laugavegur",      "Skólavörðustígur", "Hverfisgata", "Bankastræti",
                             "Austurstræti",    "Suðurgata",        "Njálsgata",   "Grettisgata",
                             "Hafnarstræti",    "Aðalstræti",       "Tryggvagata", "Strandgata",
                             "Þingholtsstræti", "Vesturgata"};
constexpr SV kIsMail[] = {"simnet", "internet", "visir", "gmail", "hi", "vodafone"};

constexpr SV kTrGiven[] = {"Mehmet", "Ayşe",    "Mustafa", "Fatma", "Ahmet", "Emine",   "Ali",
                           "Hatice", "Hüseyin", "Zeynep",  "Hasan", "Elif",  "İbrahim", "Meryem",
                           "İsmail", "Şerife",  "Yusuf",   "Zehra", "Murat", "Özlem",   "Ömer",
                           "Gül",    "Emre",    "Büşra",   "Burak", "Esra",  "Çağla",   "Gökhan",
                           "Tuğba",  "Şükrü",   "Ilgın",   "Doğan", "Ebru",  "Kübra",   "Oğuz",
                           "Sevgi",  "Ümit",    "Nilüfer"};
constexpr SV kTrFamily[] = {
    "Yılmaz",  "Kaya",    "Demir",  "Şahin",  "Çelik", "Yıldız",  "Yıldırım", "Öztürk",
    "Aydın",   "Özdemir", "Arslan", "Doğan",  "Kılıç", "Aslan",   "Çetin",    "Kara",
    "Koç",     "Kurt",    "Özkan",  "Şimşek", "Polat", "Korkmaz", "Çakır",    "Erdoğan",
    "Yavuz",   "Can",     "Acar",   "Şen",    "Aktaş", "Güler",   "Yalçın",   "Güneş",
    "Bozkurt", "Bulut",   "Keskin", "Ünal",   "Turan", "Işık"};
constexpr City kTrCities[] = {
    {"İstanbul", "34###", "212"},   {"İstanbul", "34###", "216"},  {"Ankara", "06###", "312"},
    {"İzmir", "35###", "232"},      {"Bursa", "16###", "224"},     {"Antalya", "07###", "242"},
    {"Adana", "01###", "322"},      {"Konya", "42###", "332"},     {"Gaziantep", "27###", "342"},
    {"Şanlıurfa", "63###", "414"},  {"Kocaeli", "41###", "262"},   {"Mersin", "33###", "324"},
    {"Diyarbakır", "21###", "412"}, {"Eskişehir", "26###", "222"}, {"Kayseri", "38###", "352"},
    {"Trabzon", "61###", "462"},    {"Muğla", "48###", "252"}};
constexpr SV kTrStreets[] = {
    "Atatürk Caddesi",    "İstiklal Caddesi", "Bağdat Caddesi",   "Gazi Mustafa Kemal Bulvarı",
    "Fevzi Çakmak Sokak", "Menekşe Sokak",    "Barbaros Bulvarı", "Çırağan Caddesi",
    "İnönü Caddesi",      "Hürriyet Sokak",   "Gül Sokak",        "Şehit Er Ahmet Sokak",
    "Cumhuriyet Caddesi"};
constexpr SV kTrMail[] = {"hotmail", "gmail", "yandex", "mynet", "superonline", "ttmail"};

constexpr SV kRuGiven[] = {
    "Анна|anna",           "Мария|maria",     "Елена|elena",       "Ольга|olga",
    "Наталья|natalya",     "Татьяна|tatyana", "Ирина|irina",       "Светлана|svetlana",
    "Екатерина|ekaterina", "Юлия|yulia",      "Дарья|darya",       "Анастасия|anastasia",
    "Ксения|ksenia",       "Софья|sofya",     "Полина|polina",     "Александр|aleksandr",
    "Сергей|sergey",       "Дмитрий|dmitry",  "Андрей|andrey",     "Алексей|aleksey",
    "Максим|maksim",       "Евгений|evgeny",  "Иван|ivan",         "Михаил|mikhail",
    "Артём|artyom",        "Николай|nikolay", "Владимир|vladimir", "Павел|pavel",
    "Роман|roman",         "Игорь|igor",      "Юрий|yury",         "Фёдор|fyodor",
    "Григорий|grigory",    "Тимур|timur",     "Эльвира|elvira"};
constexpr SV kRuFamily[] = {
    "Иванов|ivanov",          "Смирнов|smirnov",   "Кузнецов|kuznetsov",   "Попов|popov",
    "Васильев|vasilyev",      "Петров|petrov",     "Соколов|sokolov",      "Михайлов|mikhaylov",
    "Новиков|novikov",        "Фёдоров|fyodorov",  "Морозов|morozov",      "Волков|volkov",
    "Алексеев|alekseev",      "Лебедев|lebedev",   "Семёнов|semyonov",     "Егоров|egorov",
    "Павлов|pavlov",          "Козлов|kozlov",     "Степанов|stepanov",    "Николаев|nikolaev",
    "Иванова|ivanova",        "Смирнова|smirnova", "Кузнецова|kuznetsova", "Попова|popova",
    "Петрова|petrova",        "Соколова|sokolova", "Волкова|volkova",      "Лебедева|lebedeva",
    "Орлова|orlova",          "Зайцева|zaytseva",  "Шевченко|shevchenko",  "Ким|kim",
    "Хабибуллин|khabibullin", "Цой|tsoy"};
constexpr City kRuCities[] = {
    {"Москва", "1#####", "495"},          {"Москва", "1#####", "499"},
    {"Санкт-Петербург", "19####", "812"}, {"Новосибирск", "630###", "383"},
    {"Екатеринбург", "620###", "343"},    {"Казань", "420###", "843"},
    {"Нижний Новгород", "603###", "831"}, {"Челябинск", "454###", "351"},
    {"Самара", "443###", "846"},          {"Омск", "644###", "3812"},
    {"Ростов-на-Дону", "344###", "863"},  {"Уфа", "450###", "347"},
    {"Красноярск", "660###", "391"},      {"Владивосток", "690###", "423"},
    {"Калининград", "236###", "4012"}};
constexpr SV kRuStreets[] = {"ул. Ленина",
                             "ул. Тверская",
                             "пр-т Мира",
                             "ул. Пушкина",
                             "ул. Гагарина",
                             "Невский пр-т",
                             "ул. Советская",
                             "ул. Садовая",
                             "ул. Арбат",
                             "Ленинградский пр-т",
                             "ул. Большая Покровская",
                             "наб. реки Фонтанки",
                             "ул. Кирова",
                             "Столешников пер."};
constexpr SV kRuMail[] = {"mail", "yandex", "rambler", "list", "bk", "inbox", "gmail"};

constexpr SV kGrGiven[] = {"Γιώργος|giorgos",
                           "Μαρία|maria",
                           "Δημήτρης|dimitris",
                           "Ελένη|eleni",
                           "Κωνσταντίνος|konstantinos",
                           "Αικατερίνη|aikaterini",
                           "Γιάννης|giannis",
                           "Βασιλική|vasiliki",
                           "Νικόλαος|nikolaos",
                           "Σοφία|sofia",
                           "Παναγιώτης|panagiotis",
                           "Αναστασία|anastasia",
                           "Χρήστος|christos",
                           "Δέσποινα|despoina",
                           "Αθανάσιος|athanasios",
                           "Ευαγγελία|evangelia",
                           "Μιχάλης|michalis",
                           "Γεωργία|georgia",
                           "Σπύρος|spyros",
                           "Ιωάννα|ioanna",
                           "Αλέξανδρος|alexandros",
                           "Χαρίκλεια|charikleia",
                           "Θεόδωρος|theodoros",
                           "Ειρήνη|eirini",
                           "Στέλιος|stelios",
                           "Ζωή|zoi",
                           "Ευάγγελος|evangelos",
                           "Φωτεινή|foteini",
                           "Άγγελος|angelos",
                           "Πηνελόπη|pinelopi"};
constexpr SV kGrFamily[] = {"Παπαδόπουλος|papadopoulos",
                            "Παπαδοπούλου|papadopoulou",
                            "Βλάχος|vlachos",
                            "Αντωνίου|antoniou",
                            "Γεωργίου|georgiou",
                            "Νικολάου|nikolaou",
                            "Οικονόμου|oikonomou",
                            "Παπαγεωργίου|papageorgiou",
                            "Καραγιάννης|karagiannis",
                            "Μακρής|makris",
                            "Ιωάννου|ioannou",
                            "Δημητρίου|dimitriou",
                            "Παππάς|pappas",
                            "Κωνσταντινίδης|konstantinidis",
                            "Αθανασίου|athanasiou",
                            "Χριστοδούλου|christodoulou",
                            "Ζαχαρίου|zachariou",
                            "Αλεξίου|alexiou",
                            "Μαυρίδης|mavridis",
                            "Σταυρόπουλος|stavropoulos",
                            "Λαμπράκη|lambraki",
                            "Κυριακίδου|kyriakidou",
                            "Ξενάκης|xenakis",
                            "Ψαρράς|psarras",
                            "Θεοδωρίδης|theodoridis",
                            "Καλογεράκη|kalogeraki"};
constexpr City kGrCities[] = {{"Αθήνα", "1!# ##", "210"},      {"Θεσσαλονίκη", "5!# ##", "2310"},
                              {"Πάτρα", "26# ##", "2610"},     {"Ηράκλειο", "71# ##", "2810"},
                              {"Λάρισα", "41# ##", "2410"},    {"Βόλος", "38# ##", "24210"},
                              {"Ιωάννινα", "45# ##", "26510"}, {"Χανιά", "73# ##", "28210"},
                              {"Ρόδος", "851 00", "22410"},    {"Πειραιάς", "18# ##", "210"},
                              {"Καλαμάτα", "241 00", "27210"}};
constexpr SV kGrStreets[] = {"Ερμού",
                             "Λεωφόρος Βασιλίσσης Σοφίας",
                             "Πανεπιστημίου",
                             "Λεωφόρος Κηφισίας",
                             "Αιόλου",
                             "Εγνατία",
                             "Τσιμισκή",
                             "Αριστοτέλους",
                             "Μητροπόλεως",
                             "Πατησίων",
                             "Ακαδημίας",
                             "Σταδίου",
                             "Λεωφόρος Συγγρού",
                             "Αγίου Νικολάου"};
constexpr SV kGrMail[] = {"otenet", "yahoo", "gmail", "hol", "forthnet", "windtools"};

}  // namespace

const Locale kLocaleDE = {Country::kDE, "DE",      "de",      12,         false,
                          kDeGiven,     kDeFamily, kDeCities, kDeStreets, kDeMail};
const Locale kLocaleNL = {Country::kNL, "NL",      "nl",      4,          false,
                          kNlGiven,     kNlFamily, kNlCities, kNlStreets, kNlMail};
const Locale kLocalePL = {Country::kPL, "PL",      "pl",      4,          false,
                          kPlGiven,     kPlFamily, kPlCities, kPlStreets, kPlMail};
const Locale kLocaleSE = {Country::kSE, "SE",      "sv",      3,          false,
                          kSeGiven,     kSeFamily, kSeCities, kSeStreets, kSeMail};
const Locale kLocaleIS = {Country::kIS, "IS",      "is",      1,          false,
                          kIsGiven,     kIsFamily, kIsCities, kIsStreets, kIsMail};
const Locale kLocaleTR = {Country::kTR, "TR",      "tr",      3,          false,
                          kTrGiven,     kTrFamily, kTrCities, kTrStreets, kTrMail};
const Locale kLocaleRU = {Country::kRU, "RU",      "ru",      3,          false,
                          kRuGiven,     kRuFamily, kRuCities, kRuStreets, kRuMail};
const Locale kLocaleGR = {Country::kGR, "GR",      "el",      2,          false,
                          kGrGiven,     kGrFamily, kGrCities, kGrStreets, kGrMail};

}  // namespace pgveil::datagen
