// datagen/locale_data_west.cc
//
// Locale tables for the Americas and Western/Southern Europe: US, CA, GB, FR,
// ES, IT, PT, BR. Hand-written lists; see locale.h for the entry formats.
// Colour words that are also given names (Amber, Rose, Olive, Hazel, Ruby,
// Ivy, Violet) appear on purpose: products.colour is a decoy that shares them.

#include "datagen/locale.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

constexpr SV kUsGiven[] = {
    "James",     "Mary",    "Robert",    "Patricia", "John",        "Jennifer", "Michael",
    "Linda",     "David",   "Elizabeth", "William",  "Barbara",     "Richard",  "Susan",
    "Joseph",    "Jessica", "Thomas",    "Sarah",    "Christopher", "Karen",    "Daniel",
    "Emily",     "Matthew", "Ashley",    "Anthony",  "Kimberly",    "DeShawn",  "Latoya",
    "Jamal",     "Aaliyah", "Tyler",     "Madison",  "Brandon",     "Hannah",   "José",
    "Guadalupe", "Amber",   "Rose",      "Olive",    "Hazel",       "Ruby",     "Ivy",
    "Violet",    "Jade",    "Scarlett",  "Dakota",   "Logan",       "Mason",    "Ava",
    "Mia",       "Zoë",     "Connor",    "Bridget",  "Mary-Kate",   "Jo Ann"};
constexpr SV kUsFamily[] = {
    "Smith",     "Johnson",    "Williams",   "Brown",     "Jones",    "Garcia",     "Miller",
    "Davis",     "Rodriguez",  "Martinez",   "Hernandez", "Lopez",    "Wilson",     "Anderson",
    "Thomas",    "Taylor",     "Moore",      "Jackson",   "Martin",   "Lee",        "Perez",
    "Thompson",  "White",      "Harris",     "Sanchez",   "Clark",    "Ramirez",    "Lewis",
    "Robinson",  "Walker",     "Young",      "Allen",     "King",     "Wright",     "Nguyen",
    "Flores",    "Rivera",     "Campbell",   "Mitchell",  "O'Connor", "McAllister", "Smith-Jones",
    "Kowalczyk", "Rosenberg",  "Washington", "Castillo",  "Kim",      "Patel",      "Yamamoto",
    "Hoang",     "St. Claire", "DiMaggio"};
constexpr City kUsCities[] = {{"New York", "100##", "212"},    {"Los Angeles", "900##", "213"},
                              {"Chicago", "606##", "312"},     {"Houston", "770##", "713"},
                              {"Phoenix", "850##", "602"},     {"Philadelphia", "191##", "215"},
                              {"San Antonio", "782##", "210"}, {"San Diego", "921##", "619"},
                              {"Dallas", "752##", "214"},      {"San Francisco", "941##", "415"},
                              {"Seattle", "981##", "206"},     {"Boston", "021##", "617"},
                              {"Denver", "802##", "303"},      {"Atlanta", "303##", "404"},
                              {"Miami", "331##", "305"},       {"Portland", "972##", "503"},
                              {"Austin", "787##", "512"},      {"Minneapolis", "554##", "612"},
                              {"Nashville", "372##", "615"},   {"Honolulu", "968##", "808"},
                              {"Anchorage", "995##", "907"},   {"Salt Lake City", "841##", "801"},
                              {"Detroit", "482##", "313"},     {"Albuquerque", "871##", "505"}};
constexpr SV kUsStreets[] = {
    "Maple Ave",       "Oak St",        "Main St",         "Elm Street",
    "Washington Blvd", "Park Avenue",   "Sunset Blvd",     "Lakeview Dr",
    "Cedar Ln",        "Pine St",       "Highland Ave",    "Martin Luther King Jr Blvd",
    "Broadway",        "Mission St",    "Peachtree Rd NE", "Old Mill Rd",
    "Willow Ct",       "Riverside Dr",  "5th Ave",         "W 42nd St",
    "Magnolia Way",    "County Road 12"};
constexpr SV kUsMail[] = {"gmail",   "outlook", "yahoo",   "icloud",    "aol",
                          "comcast", "proton",  "hotmail", "mail.corp", "alumni.state-univ"};

constexpr SV kCaGiven[] = {
    "Liam",    "Olivia",  "Noah",    "Emma",          "William",   "Charlotte", "Benjamin",
    "Amelia",  "Lucas",   "Étienne", "Geneviève",     "Mathieu",   "Élodie",    "Olivier",
    "Maëlle",  "Félix",   "Josée",   "Jean-François", "Marie-Ève", "Raphaël",   "Léa",
    "Gabriel", "Aurélie", "Samuel",  "Chloé",         "Jacob",     "Sophie",    "Nathan",
    "Maude",   "Owen",    "Avery",   "Madeleine",     "Harpreet",  "Wei"};
constexpr SV kCaFamily[] = {
    "Tremblay", "Gagnon",   "Roy",      "Côté",    "Bouchard",  "Gauthier", "Morin",
    "Lavoie",   "Fortin",   "Gagné",    "Ouellet", "Pelletier", "Bélanger", "Lévesque",
    "Bergeron", "Leblanc",  "Paquette", "Girard",  "Simard",    "Boucher",  "Caron",
    "Beaulieu", "Cloutier", "Dubé",     "Poirier", "Smith",     "Brown",    "MacDonald",
    "Campbell", "Thompson", "Wong",     "Singh",   "Chen",      "Li",       "Sinclair"};
constexpr City kCaCities[] = {{"Toronto", "M!& !&!", "416"},   {"Montréal", "H!& !&!", "514"},
                              {"Vancouver", "V!& !&!", "604"}, {"Calgary", "T!& !&!", "403"},
                              {"Ottawa", "K!& !&!", "613"},    {"Edmonton", "T!& !&!", "780"},
                              {"Québec", "G!& !&!", "418"},    {"Winnipeg", "R!& !&!", "204"},
                              {"Halifax", "B!& !&!", "902"},   {"Saskatoon", "S!& !&!", "306"},
                              {"Victoria", "V!& !&!", "250"},  {"Gatineau", "J!& !&!", "819"}};
constexpr SV kCaStreets[] = {"Yonge St",
                             "rue Sainte-Catherine O",
                             "boulevard Saint-Laurent",
                             "Robson St",
                             "rue Saint-Denis",
                             "Bloor St W",
                             "Queen St E",
                             "Jasper Ave",
                             "Portage Ave",
                             "Spring Garden Rd",
                             "rue du Petit-Champlain",
                             "Wellington St",
                             "King St W",
                             "chemin de la Côte-des-Neiges",
                             "Granville St"};
constexpr SV kCaMail[] = {"gmail", "outlook",   "videotron", "rogers",
                          "shaw",  "sympatico", "icloud",    "hotmail"};

constexpr SV kGbGiven[] = {
    "Oliver",  "Amelia",    "George", "Isla",   "Harry",    "Ava",    "Jack",    "Mia",
    "Charlie", "Freya",     "Alfie",  "Poppy",  "Thomas",   "Sophie", "William", "Grace",
    "James",   "Lily",      "Oscar",  "Evie",   "Siobhán",  "Aoife",  "Niamh",   "Seán",
    "Rhys",    "Gwenllian", "Dafydd", "Cerys",  "Angharad", "Callum", "Ailsa",   "Mohammed",
    "Aisha",   "Priya",     "Chidi",  "Adaeze", "Bethany",  "Hamish", "Fiona",   "Rose",
    "Amber",   "Hazel",     "Eòghann"};
constexpr SV kGbFamily[] = {
    "Smith",     "Jones",      "Taylor",    "Brown",       "Williams",
    "Wilson",    "Johnson",    "Davies",    "Patel",       "Robinson",
    "Wright",    "Thompson",   "Evans",     "Walker",      "White",
    "Roberts",   "Green",      "Hall",      "Thomas",      "Clarke",
    "Jackson",   "Wood",       "Harris",    "Edwards",     "Turner",
    "Cooper",    "Hill",       "Ward",      "Hughes",      "Moore",
    "O'Brien",   "McLeod",     "MacKenzie", "ap Gruffydd", "Featherstonehaugh",
    "Llewellyn", "Fitzgerald", "Khan",      "Begum",       "Okafor",
    "Ng",        "Bell-Irving"};
constexpr City kGbCities[] = {
    {"London", "SW!# #%%", "20"},     {"London", "E! #%%", "20"},
    {"London", "N!# #%%", "20"},      {"Manchester", "M!# #%%", "161"},
    {"Birmingham", "B!# #%%", "121"}, {"Leeds", "LS! #%%", "113"},
    {"Glasgow", "G!# #%%", "141"},    {"Edinburgh", "EH! #%%", "131"},
    {"Bristol", "BS! #%%", "117"},    {"Liverpool", "L!# #%%", "151"},
    {"Cardiff", "CF!# #%%", "29"},    {"Belfast", "BT! #%%", "28"},
    {"Sheffield", "S!# #%%", "114"},  {"Newcastle upon Tyne", "NE! #%%", "191"},
    {"Nottingham", "NG! #%%", "115"}, {"Oxford", "OX! #%%", "1865"},
    {"Cambridge", "CB! #%%", "1223"}, {"Brighton", "BN! #%%", "1273"}};
constexpr SV kGbStreets[] = {
    "High Street",    "Station Road",        "Church Lane",     "Victoria Road", "Green Lane",
    "Manor Road",     "Park Road",           "Queen's Road",    "King's Road",   "The Crescent",
    "Mill Lane",      "St John's Wood Road", "Princes Street",  "Bridge Street", "Chapel Close",
    "Albert Terrace", "Windsor Gardens",     "Heol y Frenhines"};
constexpr SV kGbMail[] = {"btinternet", "sky",      "gmail", "outlook", "virginmedia",
                          "yahoo",      "talktalk", "nhs",   "ac"};

constexpr SV kFrGiven[] = {
    "Ségolène",     "Hélène",   "Jérôme", "François",  "Chloé",    "Zoé",         "Noël",
    "Camille",      "Léa",      "Manon",  "Inès",      "Louise",   "Jade",        "Emma",
    "Gabriel",      "Raphaël",  "Arthur", "Louis",     "Hugo",     "Théo",        "Nathan",
    "Maël",         "Éloïse",   "Anaïs",  "Célestine", "Aurélien", "Benoît",      "Cédric",
    "Gaëlle",       "Thibault", "Amélie", "Margaux",   "Clémence", "Anne-Sophie", "Jean-Baptiste",
    "Marie-Claire", "Yannick",  "Loïc",   "Océane",    "Mathéo",   "Violette"};
constexpr SV kFrFamily[] = {
    "Martin",   "Bernard", "Thomas",         "Petit",    "Robert",    "Richard",
    "Durand",   "Dubois",  "Moreau",         "Laurent",  "Simon",     "Michel",
    "Lefèvre",  "Leroy",   "Roux",           "Bertrand", "Morel",     "Fournier",
    "Girard",   "Bonnet",  "Dupont",         "Lambert",  "Fontaine",  "Rousseau",
    "Vincent",  "Faure",   "Mercier",        "Guérin",   "Chevalier", "Legrand",
    "Gauthier", "Perrin",  "Noël",           "Meyer",    "Rivière",   "Nguyễn",
    "Benali",   "Haddad",  "de La Fontaine", "Le Gall",  "Le Goff",   "Dufresne-Lacroix"};
constexpr City kFrCities[] = {
    {"Paris", "750##", "1"},           {"Lyon", "6900#", "4"},          {"Marseille", "130##", "4"},
    {"Toulouse", "310##", "5"},        {"Nice", "060##", "4"},          {"Nantes", "440##", "2"},
    {"Strasbourg", "670##", "3"},      {"Montpellier", "340##", "4"},   {"Bordeaux", "330##", "5"},
    {"Lille", "590##", "3"},           {"Rennes", "350##", "2"},        {"Reims", "510##", "3"},
    {"Le Havre", "766##", "2"},        {"Saint-Étienne", "420##", "4"}, {"Grenoble", "380##", "4"},
    {"Aix-en-Provence", "13090", "4"}, {"Besançon", "250##", "3"},      {"Orléans", "450##", "2"}};
constexpr SV kFrStreets[] = {"rue de la Paix",
                             "avenue Victor Hugo",
                             "boulevard Saint-Germain",
                             "rue du Faubourg Saint-Honoré",
                             "place de la République",
                             "rue des Écoles",
                             "allée des Tilleuls",
                             "chemin du Moulin",
                             "impasse des Lilas",
                             "rue Jean Jaurès",
                             "avenue de l'Opéra",
                             "quai de la Loire",
                             "rue Pasteur",
                             "cours Mirabeau",
                             "rue du Général Leclerc",
                             "boulevard de la Croix-Rousse"};
constexpr SV kFrMail[] = {"orange", "free",    "laposte", "sfr",      "wanadoo",
                          "gmail",  "hotmail", "neuf",    "univ-lyon"};

constexpr SV kEsGiven[] = {
    "José",  "María",  "Antonio",    "Carmen", "Manuel", "Josefa", "Francisco",  "Isabel", "David",
    "Ana",   "Juan",   "Laura",      "Javier", "Lucía",  "Daniel", "Cristina",   "Carlos", "Marta",
    "Jesús", "Pilar",  "Alejandro",  "Raquel", "Miguel", "Elena",  "Rafael",     "Sofía",  "Pablo",
    "Rocío", "Álvaro", "Begoña",     "Íñigo",  "Ainhoa", "Jordi",  "Montserrat", "Núria",  "Xavier",
    "Iker",  "Leire",  "María José", "Adrián", "Inés",   "Nerea"};
constexpr SV kEsFamily[] = {
    "García",   "Rodríguez",  "González", "Fernández", "López",     "Martínez",  "Sánchez",
    "Pérez",    "Gómez",      "Martín",   "Jiménez",   "Ruiz",      "Hernández", "Díaz",
    "Moreno",   "Muñoz",      "Álvarez",  "Romero",    "Alonso",    "Gutiérrez", "Navarro",
    "Torres",   "Domínguez",  "Vázquez",  "Ramos",     "Gil",       "Serrano",   "Blanco",
    "Molina",   "Núñez",      "Peña",     "Ibáñez",    "Castillo",  "Ortega",    "Rubio",
    "Iglesias", "Etxeberria", "Puig",     "Ferrer",    "de la Cruz"};
constexpr City kEsCities[] = {{"Madrid", "280##", "91"},
                              {"Barcelona", "080##", "93"},
                              {"Valencia", "460##", "96"},
                              {"Sevilla", "410##", "95"},
                              {"Zaragoza", "500##", "976"},
                              {"Málaga", "290##", "952"},
                              {"Murcia", "300##", "968"},
                              {"Palma", "070##", "971"},
                              {"Las Palmas de Gran Canaria", "350##", "928"},
                              {"Bilbao", "480##", "94"},
                              {"Alicante", "030##", "965"},
                              {"Córdoba", "140##", "957"},
                              {"Valladolid", "470##", "983"},
                              {"Vigo", "362##", "986"},
                              {"A Coruña", "150##", "981"},
                              {"Granada", "180##", "958"},
                              {"Donostia-San Sebastián", "200##", "943"}};
constexpr SV kEsStreets[] = {"Calle Mayor",
                             "Calle de Alcalá",
                             "Gran Vía",
                             "Avenida de la Constitución",
                             "Paseo de la Castellana",
                             "Calle del Carmen",
                             "Plaza de España",
                             "Carrer de Balmes",
                             "Rambla de Catalunya",
                             "Calle Real",
                             "Avinguda Diagonal",
                             "Calle San Fernando",
                             "Ronda de Segovia",
                             "Calle Príncipe de Vergara",
                             "Travesía del Conde Duque"};
constexpr SV kEsMail[] = {"gmail",   "hotmail",  "telefonica", "yahoo",
                          "outlook", "movistar", "ono",        "ya"};

constexpr SV kItGiven[] = {
    "Giuseppe",  "Maria",    "Giovanni", "Anna",      "Antonio",    "Giuseppina", "Mario",
    "Rosa",      "Luigi",    "Angela",   "Francesco", "Giovanna",   "Angelo",     "Teresa",
    "Vincenzo",  "Lucia",    "Pietro",   "Carmela",   "Salvatore",  "Caterina",   "Carlo",
    "Francesca", "Domenico", "Giulia",   "Bruno",     "Alessandra", "Paolo",      "Federica",
    "Niccolò",   "Lucrezia", "Matteo",   "Beatrice",  "Lorenzo",    "Martina",    "Andrea",
    "Sofia",     "Gianluca", "Elisa",    "Michele",   "Ilaria",     "Nicolò"};
constexpr SV kItFamily[] = {
    "Rossi",     "Russo",    "Ferrari",   "Esposito", "Bianchi",    "Romano",  "Colombo",
    "Ricci",     "Marino",   "Greco",     "Bruno",    "Gallo",      "Conti",   "De Luca",
    "Mancini",   "Costa",    "Giordano",  "Rizzo",    "Lombardi",   "Moretti", "Barbieri",
    "Fontana",   "Santoro",  "Mariani",   "Rinaldi",  "Caruso",     "Ferrara", "Galli",
    "Martini",   "Leone",    "Longo",     "Gentile",  "Vitale",     "Serra",   "Coppola",
    "De Santis", "D'Angelo", "Marchetti", "Parisi",   "Dell'Acqua", "Lucà",    "Sorrentino",
    "Sanna"};
constexpr City kItCities[] = {
    {"Roma", "001##", "06"},     {"Milano", "201##", "02"},    {"Napoli", "801##", "081"},
    {"Torino", "101##", "011"},  {"Palermo", "901##", "091"},  {"Genova", "161##", "010"},
    {"Bologna", "401##", "051"}, {"Firenze", "501##", "055"},  {"Bari", "701##", "080"},
    {"Catania", "951##", "095"}, {"Venezia", "301##", "041"},  {"Verona", "371##", "045"},
    {"Trieste", "341##", "040"}, {"Cagliari", "091##", "070"}, {"Forlì", "471##", "0543"}};
constexpr SV kItStreets[] = {"Via Roma",
                             "Via Garibaldi",
                             "Corso Vittorio Emanuele II",
                             "Via Giuseppe Mazzini",
                             "Piazza del Popolo",
                             "Via Dante Alighieri",
                             "Viale dei Mille",
                             "Via XX Settembre",
                             "Via Cavour",
                             "Largo Augusto",
                             "Via della Conciliazione",
                             "Corso Buenos Aires",
                             "Vicolo del Cinque",
                             "Via Nazionale",
                             "Strada Statale 16"};
constexpr SV kItMail[] = {"libero", "virgilio",   "alice", "tiscali",
                          "gmail",  "fastwebnet", "tin",   "email"};

constexpr SV kPtGiven[] = {
    "João",      "Maria",    "José",   "Ana",       "António",  "Francisca", "Manuel",  "Conceição",
    "Francisco", "Catarina", "Tiago",  "Beatriz",   "Rodrigo",  "Inês",      "Gonçalo", "Leonor",
    "Duarte",    "Mariana",  "Afonso", "Matilde",   "Diogo",    "Carolina",  "Rui",     "Sofia",
    "Nuno",      "Joana",    "Luís",   "Margarida", "Sérgio",   "Filipa",    "Vasco",   "Lúcia",
    "Bernardo",  "Graça",    "Simão",  "Madalena",  "Constança"};
constexpr SV kPtFamily[] = {
    "Silva",   "Santos",  "Ferreira",  "Pereira",   "Oliveira", "Costa",   "Rodrigues", "Martins",
    "Jesus",   "Sousa",   "Fernandes", "Gonçalves", "Gomes",    "Lopes",   "Marques",   "Alves",
    "Almeida", "Ribeiro", "Pinto",     "Carvalho",  "Teixeira", "Moreira", "Correia",   "Mendes",
    "Nunes",   "Soares",  "Vieira",    "Monteiro",  "Cardoso",  "Rocha",   "Magalhães", "Guimarães",
    "Brandão", "Araújo",  "Simões",    "Falcão"};
constexpr City kPtCities[] = {{"Lisboa", "1###-###", "21"},   {"Porto", "4###-###", "22"},
                              {"Braga", "47##-###", "253"},   {"Coimbra", "30##-###", "239"},
                              {"Faro", "80##-###", "289"},    {"Aveiro", "38##-###", "234"},
                              {"Funchal", "90##-###", "291"}, {"Setúbal", "29##-###", "265"},
                              {"Évora", "70##-###", "266"},   {"Viseu", "35##-###", "232"}};
constexpr SV kPtStreets[] = {"Rua Augusta",        "Avenida da Liberdade", "Rua de Santa Catarina",
                             "Praça do Comércio",  "Rua do Ouro",          "Avenida dos Aliados",
                             "Travessa do Carmo",  "Largo do Chiado",      "Rua Garrett",
                             "Estrada de Benfica", "Rua das Flores",       "Calçada da Glória"};
constexpr SV kPtMail[] = {"sapo", "gmail", "hotmail", "netcabo", "clix", "outlook", "iol"};

constexpr SV kBrGiven[] = {
    "Maria",   "José",     "Ana",     "João",    "Francisco", "Antônio",   "Francisca", "Carlos",
    "Paulo",   "Adriana",  "Pedro",   "Juliana", "Lucas",     "Márcia",    "Luiz",      "Fernanda",
    "Marcos",  "Patrícia", "Gabriel", "Aline",   "Rafael",    "Camila",    "Daniel",    "Amanda",
    "Marcelo", "Bruna",    "Jéssica", "Eduardo", "Letícia",   "Felipe",    "Júlia",     "Raimundo",
    "Luana",   "Thiago",   "Cauã",    "Heloísa", "Enzo",      "Valentina", "Joaquim",   "Kauê"};
constexpr SV kBrFamily[] = {
    "Silva",   "Santos",     "Oliveira",   "Souza",     "Rodrigues", "Ferreira", "Alves",
    "Pereira", "Lima",       "Gomes",      "Costa",     "Ribeiro",   "Martins",  "Carvalho",
    "Almeida", "Lopes",      "Soares",     "Fernandes", "Vieira",    "Barbosa",  "Rocha",
    "Dias",    "Nascimento", "Andrade",    "Moreira",   "Nunes",     "Marques",  "Machado",
    "Mendes",  "Freitas",    "Cardoso",    "Ramos",     "Gonçalves", "Santana",  "Teixeira",
    "Araújo",  "Conceição",  "Cavalcanti", "Assunção"};
constexpr City kBrCities[] = {
    {"São Paulo", "0####-###", "11"},      {"Rio de Janeiro", "2####-###", "21"},
    {"Belo Horizonte", "3####-###", "31"}, {"Brasília", "7####-###", "61"},
    {"Salvador", "4####-###", "71"},       {"Fortaleza", "6####-###", "85"},
    {"Curitiba", "8####-###", "41"},       {"Recife", "5####-###", "81"},
    {"Porto Alegre", "9####-###", "51"},   {"Manaus", "69###-###", "92"},
    {"Belém", "66###-###", "91"},          {"Goiânia", "74###-###", "62"},
    {"Florianópolis", "88###-###", "48"},  {"Niterói", "24###-###", "21"}};
constexpr SV kBrStreets[] = {"Rua das Flores",     "Avenida Paulista",
                             "Rua Oscar Freire",   "Avenida Atlântica",
                             "Rua da Consolação",  "Avenida Brasil",
                             "Rua Augusta",        "Travessa São José",
                             "Alameda Santos",     "Avenida Presidente Vargas",
                             "Rua XV de Novembro", "Estrada do Coco",
                             "Rua Tiradentes",     "Praça da Sé"};
constexpr SV kBrMail[] = {"gmail", "hotmail", "uol", "bol", "terra", "yahoo", "globo", "ig"};

}  // namespace

const Locale kLocaleUS = {Country::kUS, "US",      "en",      16,         false,
                          kUsGiven,     kUsFamily, kUsCities, kUsStreets, kUsMail};
const Locale kLocaleCA = {Country::kCA, "CA",      "fr",      4,          false,
                          kCaGiven,     kCaFamily, kCaCities, kCaStreets, kCaMail};
const Locale kLocaleGB = {Country::kGB, "GB",      "en",      9,          false,
                          kGbGiven,     kGbFamily, kGbCities, kGbStreets, kGbMail};
const Locale kLocaleFR = {Country::kFR, "FR",      "fr",      8,          false,
                          kFrGiven,     kFrFamily, kFrCities, kFrStreets, kFrMail};
const Locale kLocaleES = {Country::kES, "ES",      "es",      6,          false,
                          kEsGiven,     kEsFamily, kEsCities, kEsStreets, kEsMail};
const Locale kLocaleIT = {Country::kIT, "IT",      "it",      6,          false,
                          kItGiven,     kItFamily, kItCities, kItStreets, kItMail};
const Locale kLocalePT = {Country::kPT, "PT",      "pt",      2,          false,
                          kPtGiven,     kPtFamily, kPtCities, kPtStreets, kPtMail};
const Locale kLocaleBR = {Country::kBR, "BR",      "pt",      4,          false,
                          kBrGiven,     kBrFamily, kBrCities, kBrStreets, kBrMail};

}  // namespace pgveil::datagen
