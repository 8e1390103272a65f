// datagen/locale_data_east.cc
//
// Locale tables for Asia and the Middle East: CN (Han), JP (Kanji, Hiragana,
// Katakana), KR (Hangul), VN (Latin with stacked diacritics), IN, SA and EG
// (Arabic script), IL (Hebrew). Hand-written lists; see locale.h for the
// entry formats. Every non-Latin name carries its romanisation for e-mail
// addresses.

#include "datagen/locale.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

constexpr SV kCnGiven[] = {
    "伟|wei",      "芳|fang",      "娜|na",         "秀英|xiuying", "敏|min",       "静|jing",
    "丽|li",       "强|qiang",     "磊|lei",        "军|jun",       "洋|yang",      "勇|yong",
    "艳|yan",      "杰|jie",       "娟|juan",       "涛|tao",       "明|ming",      "超|chao",
    "秀兰|xiulan", "霞|xia",       "平|ping",       "刚|gang",      "桂英|guiying", "建华|jianhua",
    "子涵|zihan",  "梓萱|zixuan",  "浩宇|haoyu",    "一诺|yinuo",   "欣怡|xinyi",   "宇轩|yuxuan",
    "思远|siyuan", "晓燕|xiaoyan", "志强|zhiqiang", "慧敏|huimin"};
constexpr SV kCnFamily[] = {
    "王|wang", "李|li",   "张|zhang", "刘|liu",  "陈|chen",  "杨|yang",     "黄|huang", "赵|zhao",
    "吴|wu",   "周|zhou", "徐|xu",    "孙|sun",  "马|ma",    "朱|zhu",      "胡|hu",    "郭|guo",
    "何|he",   "林|lin",  "罗|luo",   "高|gao",  "郑|zheng", "梁|liang",    "谢|xie",   "宋|song",
    "唐|tang", "韩|han",  "冯|feng",  "邓|deng", "曹|cao",   "欧阳|ouyang", "司马|sima"};
constexpr City kCnCities[] = {
    {"北京市", "100###", "10"},    {"上海市", "200###", "21"}, {"广州市", "510###", "20"},
    {"深圳市", "518###", "755"},   {"成都市", "610###", "28"}, {"杭州市", "310###", "571"},
    {"武汉市", "430###", "27"},    {"西安市", "710###", "29"}, {"南京市", "210###", "25"},
    {"重庆市", "400###", "23"},    {"天津市", "300###", "22"}, {"苏州市", "215###", "512"},
    {"哈尔滨市", "150###", "451"}, {"昆明市", "650###", "871"}};
constexpr SV kCnStreets[] = {"朝阳区建国路",   "海淀区中关村大街", "浦东新区世纪大道",
                             "天河区天河路",   "南山区深南大道",   "西湖区文三路",
                             "武侯区人民南路", "东城区王府井大街", "徐汇区淮海中路",
                             "江汉区解放大道", "鼓楼区中山路",     "雁塔区长安南路"};
constexpr SV kCnMail[] = {"qq", "163", "126", "sina", "sohu", "aliyun", "foxmail", "139"};

constexpr SV kJpGiven[] = {
    "陽翔|haruto", "蓮|ren",       "大翔|hiroto",   "悠真|yuma",     "湊|minato",   "結衣|yui",
    "陽葵|himari", "凛|rin",       "葵|aoi",        "芽依|mei",      "翔太|shota",  "健太|kenta",
    "拓也|takuya", "美咲|misaki",  "愛|ai",         "花子|hanako",   "太郎|taro",   "一郎|ichiro",
    "恵子|keiko",  "由美|yumi",    "さくら|sakura", "ひなた|hinata", "ゆい|yui",    "あおい|aoi",
    "ユウキ|yuki", "ケンジ|kenji", "優子|yuko",     "直樹|naoki",    "裕子|hiroko", "誠|makoto",
    "明美|akemi",  "和也|kazuya",  "智子|tomoko",   "大輔|daisuke"};
constexpr SV kJpFamily[] = {
    "佐藤|sato",     "鈴木|suzuki",   "高橋|takahashi",  "田中|tanaka",    "伊藤|ito",
    "渡辺|watanabe", "山本|yamamoto", "中村|nakamura",   "小林|kobayashi", "加藤|kato",
    "吉田|yoshida",  "山田|yamada",   "佐々木|sasaki",   "山口|yamaguchi", "松本|matsumoto",
    "井上|inoue",    "木村|kimura",   "林|hayashi",      "斎藤|saito",     "清水|shimizu",
    "山崎|yamazaki", "森|mori",       "池田|ikeda",      "橋本|hashimoto", "阿部|abe",
    "石川|ishikawa", "小川|ogawa",    "長谷川|hasegawa", "近藤|kondo",     "藤原|fujiwara"};
constexpr City kJpCities[] = {
    {"東京都", "1!#-####", "3"},    {"大阪市", "5!#-####", "6"},  {"横浜市", "2!#-####", "45"},
    {"名古屋市", "4!#-####", "52"}, {"札幌市", "06#-####", "11"}, {"福岡市", "81#-####", "92"},
    {"神戸市", "65#-####", "78"},   {"京都市", "60#-####", "75"}, {"川崎市", "21#-####", "44"},
    {"広島市", "73#-####", "82"},   {"仙台市", "98#-####", "22"}, {"那覇市", "90#-####", "98"}};
constexpr SV kJpStreets[] = {"千代田区丸の内", "新宿区西新宿", "渋谷区神南",      "港区六本木",
                             "中央区銀座",     "北区梅田",     "中区栄",          "中央区天神",
                             "東山区祇園町",   "青葉区一番町", "西区みなとみらい"};
constexpr SV kJpMail[] = {"docomo", "ezweb", "softbank", "yahoo", "gmail",
                          "icloud", "nifty", "biglobe",  "ocn"};

constexpr SV kKrGiven[] = {
    "민준|minjun",   "서준|seojun",   "도윤|doyun",    "예준|yejun",    "시우|siu",
    "하준|hajun",    "지호|jiho",     "서연|seoyeon",  "서윤|seoyun",   "지우|jiu",
    "하은|haeun",    "민서|minseo",   "지민|jimin",    "수빈|subin",    "지현|jihyun",
    "현우|hyunwoo",  "성민|seongmin", "영희|younghee", "철수|cheolsu",  "미영|miyoung",
    "정훈|jeonghun", "은지|eunji",    "혜진|hyejin",   "동현|donghyun", "유진|yujin",
    "준호|junho",    "수진|sujin",    "상우|sangwoo",  "다은|daeun",    "태양|taeyang"};
constexpr SV kKrFamily[] = {"김|kim",   "이|lee", "박|park", "최|choi",      "정|jung",
                            "강|kang",  "조|cho", "윤|yoon", "장|jang",      "임|lim",
                            "한|han",   "오|oh",  "서|seo",  "신|shin",      "권|kwon",
                            "황|hwang", "안|ahn", "송|song", "류|ryu",       "홍|hong",
                            "전|jeon",  "고|ko",  "문|moon", "남궁|namgung", "선우|sunwoo"};
constexpr City kKrCities[] = {
    {"서울특별시", "0!###", "2"},  {"부산광역시", "4!###", "51"}, {"인천광역시", "2!###", "32"},
    {"대구광역시", "41###", "53"}, {"대전광역시", "34###", "42"}, {"광주광역시", "61###", "62"},
    {"울산광역시", "44###", "52"}, {"수원시", "16###", "31"},     {"제주시", "63###", "64"}};
constexpr SV kKrStreets[] = {"강남구 테헤란로", "종로구 세종대로",   "마포구 월드컵북로",
                             "서초구 강남대로", "송파구 올림픽로",   "해운대구 해운대해변로",
                             "중구 명동길",     "영등포구 여의대로", "용산구 이태원로",
                             "수성구 동대구로"};
constexpr SV kKrMail[] = {"naver", "daum", "hanmail", "kakao", "nate", "gmail"};

constexpr SV kVnGiven[] = {"An|an",
                           "Anh|anh",
                           "Bảo|bao",
                           "Châu|chau",
                           "Cường|cuong",
                           "Dũng|dung",
                           "Duy|duy",
                           "Giang|giang",
                           "Hà|ha",
                           "Hải|hai",
                           "Hạnh|hanh",
                           "Hiếu|hieu",
                           "Hoa|hoa",
                           "Hùng|hung",
                           "Hương|huong",
                           "Huy|huy",
                           "Khánh|khanh",
                           "Lan|lan",
                           "Linh|linh",
                           "Mai|mai",
                           "Minh|minh",
                           "Ngọc|ngoc",
                           "Nhung|nhung",
                           "Phúc|phuc",
                           "Phương|phuong",
                           "Quân|quan",
                           "Thảo|thao",
                           "Trang|trang",
                           "Tuấn|tuan",
                           "Vy|vy",
                           "Yến|yen",
                           "Văn Hùng|vanhung",
                           "Thị Lan|thilan",
                           "Minh Anh|minhanh",
                           "Thu Trang|thutrang",
                           "Ngọc Hân|ngochan"};
constexpr SV kVnFamily[] = {"Nguyễn|nguyen", "Trần|tran",   "Lê|le",       "Phạm|pham",
                            "Hoàng|hoang",   "Huỳnh|huynh", "Phan|phan",   "Vũ|vu",
                            "Võ|vo",         "Đặng|dang",   "Bùi|bui",     "Đỗ|do",
                            "Hồ|ho",         "Ngô|ngo",     "Dương|duong", "Lý|ly",
                            "Đinh|dinh",     "Trịnh|trinh", "Lương|luong", "Đoàn|doan"};
constexpr City kVnCities[] = {{"Hà Nội", "1####", "24"},    {"TP. Hồ Chí Minh", "7####", "28"},
                              {"Đà Nẵng", "5####", "236"},  {"Hải Phòng", "18###", "225"},
                              {"Cần Thơ", "94###", "292"},  {"Huế", "49###", "234"},
                              {"Nha Trang", "57###", "258"}};
constexpr SV kVnStreets[] = {"Nguyễn Huệ",    "Lê Lợi",       "Trần Hưng Đạo",  "Hai Bà Trưng",
                             "Điện Biên Phủ", "Phố Hàng Bạc", "Lý Thường Kiệt", "Đường 3 Tháng 2",
                             "Võ Văn Tần",    "Phạm Ngũ Lão"};
constexpr SV kVnMail[] = {"gmail", "yahoo", "vnn", "fpt", "viettel", "hotmail"};

constexpr SV kInGiven[] = {
    "Aarav",   "Vivaan",    "Aditya",   "Vihaan",      "Arjun",      "Sai",         "Reyansh",
    "Krishna", "Ishaan",    "Rohan",    "Rahul",       "Amit",       "Sanjay",      "Rajesh",
    "Suresh",  "Venkatesh", "Priya",    "Ananya",      "Diya",       "Saanvi",      "Aadhya",
    "Pooja",   "Neha",      "Sunita",   "Lakshmi",     "Kavya",      "Meera",       "Divya",
    "Sneha",   "Harpreet",  "Gurpreet", "Fatima",      "Imran",      "Arvind",      "Deepika",
    "Shreya",  "Karthik",   "Sowmya",   "प्रिया|priya", "राहुल|rahul", "अनन्या|ananya"};
constexpr SV kInFamily[] = {
    "Sharma",      "Verma",     "Gupta",     "Singh",     "Kumar",  "Patel",   "Shah",
    "Mehta",       "Reddy",     "Rao",       "Nair",      "Pillai", "Iyer",    "Menon",
    "Chatterjee",  "Banerjee",  "Mukherjee", "Das",       "Bose",   "Ghosh",   "Khan",
    "Ahmed",       "Joshi",     "Kulkarni",  "Deshpande", "Naidu",  "Gill",    "Sandhu",
    "Agarwal",     "Chopra",    "Malhotra",  "Kapoor",    "Bhatt",  "D'Souza", "Fernandes",
    "शर्मा|sharma", "वर्मा|verma"};
constexpr City kInCities[] = {
    {"New Delhi", "110###", "11"}, {"Mumbai", "400###", "22"},    {"Bengaluru", "560###", "80"},
    {"Chennai", "600###", "44"},   {"Kolkata", "700###", "33"},   {"Hyderabad", "500###", "40"},
    {"Pune", "411###", "20"},      {"Ahmedabad", "380###", "79"}, {"Jaipur", "302###", "141"},
    {"Lucknow", "226###", "522"},  {"Kochi", "682###", "484"},    {"Chandigarh", "160###", "172"}};
constexpr SV kInStreets[] = {"MG Road",
                             "Brigade Road",
                             "Linking Road",
                             "Anna Salai",
                             "Park Street",
                             "Road No. 12, Banjara Hills",
                             "FC Road",
                             "Connaught Place",
                             "Residency Road",
                             "Nehru Nagar Main Road",
                             "SV Road",
                             "Marine Drive",
                             "100 Feet Road, Indiranagar"};
constexpr SV kInMail[] = {"gmail", "yahoo", "rediffmail", "outlook", "hotmail", "sify"};

constexpr SV kSaGiven[] = {
    "محمد|mohammed", "أحمد|ahmed",     "عبدالله|abdullah", "خالد|khalid",
    "فهد|fahad",     "سعود|saud",      "فيصل|faisal",      "عبدالرحمن|abdulrahman",
    "سلطان|sultan",  "تركي|turki",     "ناصر|nasser",      "يوسف|yousef",
    "عمر|omar",      "علي|ali",        "إبراهيم|ibrahim",  "فاطمة|fatimah",
    "نورة|noura",    "سارة|sarah",     "مريم|maryam",      "هيفاء|haifa",
    "ريم|reem",      "لمى|lama",       "عائشة|aisha",      "منى|mona",
    "جواهر|jawaher", "العنود|alanoud", "شهد|shahad",       "رهف|rahaf",
    "دانة|dana",     "لطيفة|latifa"};
constexpr SV kSaFamily[] = {"العتيبي|alotaibi",   "القحطاني|alqahtani", "الغامدي|alghamdi",
                            "الزهراني|alzahrani", "الشمري|alshammari",  "الحربي|alharbi",
                            "الدوسري|aldosari",   "المطيري|almutairi",  "السبيعي|alsubaie",
                            "العنزي|alanazi",     "الشهري|alshehri",    "الرشيد|alrashid",
                            "البلوي|albalawi",    "الجهني|aljuhani",    "التميمي|altamimi",
                            "الخالدي|alkhalidi",  "العمري|alomari",     "الفيفي|alfaifi"};
constexpr City kSaCities[] = {{"الرياض", "1####", "11"},      {"جدة", "2####", "12"},
                              {"مكة المكرمة", "24###", "12"}, {"المدينة المنورة", "42###", "14"},
                              {"الدمام", "3####", "13"},      {"الخبر", "34###", "13"},
                              {"تبوك", "71###", "14"},        {"أبها", "62###", "17"},
                              {"الطائف", "26###", "12"}};
constexpr SV kSaStreets[] = {"شارع الملك فهد",
                             "طريق الملك عبدالعزيز",
                             "شارع التحلية",
                             "شارع العليا",
                             "طريق الأمير محمد بن عبدالعزيز",
                             "شارع الأمير سلطان",
                             "شارع فلسطين",
                             "طريق المدينة",
                             "شارع الستين"};
constexpr SV kSaMail[] = {"gmail", "hotmail", "yahoo", "outlook", "stc", "mobily"};

constexpr SV kEgGiven[] = {
    "محمد|mohamed",  "أحمد|ahmed",   "محمود|mahmoud", "مصطفى|mostafa", "عمرو|amr",    "كريم|karim",
    "حسن|hassan",    "حسين|hussein", "طارق|tarek",    "ياسر|yasser",   "شريف|sherif", "هشام|hesham",
    "إسلام|islam",   "مينا|mina",    "بيشوي|bishoy",  "فاطمة|fatma",   "مريم|mariam", "نور|nour",
    "ياسمين|yasmin", "سلمى|salma",   "هبة|heba",      "دينا|dina",     "رانيا|rania", "منة|menna",
    "شيماء|shaimaa", "إيمان|eman",   "مارينا|marina", "نادية|nadia",   "سعاد|soad",   "ليلى|laila"};
constexpr SV kEgFamily[] = {"حسن|hassan",
                            "إبراهيم|ibrahim",
                            "السيد|elsayed",
                            "عبد العزيز|abdelaziz",
                            "علي|ali",
                            "سليمان|soliman",
                            "عبد الرحمن|abdelrahman",
                            "فوزي|fawzy",
                            "الشريف|elsherif",
                            "منصور|mansour",
                            "نجيب|naguib",
                            "غالي|ghaly",
                            "حنا|hanna",
                            "ميخائيل|mikhail",
                            "شحاتة|shehata",
                            "زكي|zaki",
                            "البدري|elbadry",
                            "رضوان|radwan",
                            "عثمان|osman",
                            "الجمال|elgammal",
                            "درويش|darwish",
                            "سالم|salem"};
constexpr City kEgCities[] = {{"القاهرة", "11###", "2"},    {"الجيزة", "12###", "2"},
                              {"الإسكندرية", "21###", "3"}, {"بورسعيد", "42###", "66"},
                              {"الأقصر", "85###", "95"},    {"أسوان", "81###", "97"},
                              {"المنصورة", "35###", "50"},  {"طنطا", "31###", "40"},
                              {"السويس", "43###", "62"},    {"الزقازيق", "44###", "55"}};
constexpr SV kEgStreets[] = {
    "شارع التحرير",  "شارع طلعت حرب",  "شارع الهرم",     "كورنيش النيل", "شارع جامعة الدول العربية",
    "شارع 26 يوليو", "شارع قصر النيل", "شارع الجمهورية", "طريق الحرية",  "شارع صلاح سالم"};
constexpr SV kEgMail[] = {"gmail", "yahoo", "hotmail", "link", "tedata"};

constexpr SV kIlGiven[] = {
    "נועה|noa",       "תמר|tamar",  "מאיה|maya",    "שירה|shira",     "יעל|yael",
    "אביגיל|avigail", "רחל|rachel", "שרה|sarah",    "מיכל|michal",    "רוני|roni",
    "הילה|hila",      "ליאור|lior", "נועם|noam",    "איתי|itay",      "אורי|uri",
    "יוסף|yosef",     "דוד|david",  "משה|moshe",    "יונתן|yonatan",  "אריאל|ariel",
    "עידו|ido",       "עומר|omer",  "דניאל|daniel", "אברהם|avraham",  "יצחק|yitzhak",
    "אליהו|eliyahu",  "גיל|gil",    "רועי|roee",    "מוחמד|muhammad", "ליאן|lian"};
constexpr SV kIlFamily[] = {"כהן|cohen",        "לוי|levi",          "מזרחי|mizrahi",
                            "פרץ|peretz",       "ביטון|biton",       "דהן|dahan",
                            "אברהם|avraham",    "פרידמן|friedman",   "אזולאי|azoulay",
                            "מלכה|malka",       "גבאי|gabay",        "כץ|katz",
                            "שפירא|shapira",    "אוחיון|ohayon",     "חדד|hadad",
                            "בן דוד|bendavid",  "רוזנברג|rosenberg", "גולדשטיין|goldstein",
                            "אשכנזי|ashkenazi", "סלאמה|salameh",     "חורי|khoury",
                            "עמר|amar",         "שמעוני|shimoni"};
constexpr City kIlCities[] = {{"תל אביב-יפו", "6######", "3"}, {"חיפה", "3######", "4"},
                              {"ראשון לציון", "75#####", "3"}, {"פתח תקווה", "49#####", "3"},
                              {"אשדוד", "77#####", "8"},       {"נתניה", "42#####", "9"},
                              {"באר שבע", "84#####", "8"},     {"ירושלים", "9!#####", "2"},
                              {"נצרת", "16#####", "4"},        {"אילת", "88#####", "8"}};
constexpr SV kIlStreets[] = {"רחוב הרצל",       "שדרות רוטשילד", "רחוב דיזנגוף",   "רחוב יפו",
                             "רחוב בן יהודה",   "דרך בגין",      "רחוב אלנבי",     "רחוב ויצמן",
                             "שדרות בן גוריון", "רחוב הנביאים",  "רחוב ז'בוטינסקי"};
constexpr SV kIlMail[] = {"walla", "gmail", "zahav", "bezeqint", "hotmail", "012"};

}  // namespace

const Locale kLocaleCN = {Country::kCN, "CN",      "zh",      3,          true,
                          kCnGiven,     kCnFamily, kCnCities, kCnStreets, kCnMail};
const Locale kLocaleJP = {Country::kJP, "JP",      "ja",      3,          true,
                          kJpGiven,     kJpFamily, kJpCities, kJpStreets, kJpMail};
const Locale kLocaleKR = {Country::kKR, "KR",      "ko",      2,          true,
                          kKrGiven,     kKrFamily, kKrCities, kKrStreets, kKrMail};
const Locale kLocaleVN = {Country::kVN, "VN",      "vi",      1,          true,
                          kVnGiven,     kVnFamily, kVnCities, kVnStreets, kVnMail};
const Locale kLocaleIN = {Country::kIN, "IN",      "en",      4,          false,
                          kInGiven,     kInFamily, kInCities, kInStreets, kInMail};
const Locale kLocaleSA = {Country::kSA, "SA",      "ar",      1,          false,
                          kSaGiven,     kSaFamily, kSaCities, kSaStreets, kSaMail};
const Locale kLocaleEG = {Country::kEG, "EG",      "ar",      1,          false,
                          kEgGiven,     kEgFamily, kEgCities, kEgStreets, kEgMail};
const Locale kLocaleIL = {Country::kIL, "IL",      "he",      1,          false,
                          kIlGiven,     kIlFamily, kIlCities, kIlStreets, kIlMail};

}  // namespace pgveil::datagen
