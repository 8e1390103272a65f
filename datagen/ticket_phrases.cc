// datagen/ticket_phrases.cc
//
// The phrase tables. Each language has the same slots; sentences are short
// and ordinary, as customers write them.

#include "datagen/ticket_phrases.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

#define PGVEIL_LANGUAGE(code, name)                                                         \
  const TicketPhrases name = {code,        name##Subjects, name##Greetings, name##Problems, \
                              name##Email, name##Phone,    name##Closings}

constexpr SV kEnSubjects[] = {"Where is my order?", "Return request",     "Wrong size delivered",
                              "Invoice missing",    "Damaged item",       "Change delivery address",
                              "Order {order}",      "Refund not received"};
constexpr SV kEnGreetings[] = {"Hello,", "Hi there,", "Dear support team,", "Good morning,"};
constexpr SV kEnProblems[] = {"My order {order} has not arrived yet.",
                              "The {product} I received is damaged.",
                              "I would like to return the {product} from order {order}.",
                              "I was charged twice for order {order}.",
                              "Could you change the size of the {product}? It is too small."};
constexpr SV kEnEmail[] = {"Please reply to {email}, I no longer use the old address.",
                           "You can email me at {email}.",
                           "My new e-mail is {email}, please update my account."};
constexpr SV kEnPhone[] = {"You can reach me at {phone} after 6pm.",
                           "Please call me back on {phone}.",
                           "Text me at {phone} when the courier is on the way."};
constexpr SV kEnClosings[] = {"Thanks", "Best regards", "Cheers", "Kind regards"};
PGVEIL_LANGUAGE("en", kEn);

constexpr SV kDeSubjects[] = {
    "Wo bleibt meine Bestellung?", "Rücksendung",         "Rechnung fehlt", "Falsche Größe",
    "Bestellung {order}",          "Lieferadresse ändern"};
constexpr SV kDeGreetings[] = {"Hallo,", "Guten Tag,", "Sehr geehrte Damen und Herren,", "Moin,"};
constexpr SV kDeProblems[] = {"Meine Bestellung {order} ist noch nicht angekommen.",
                              "Der {product} war beschädigt.",
                              "Ich möchte den {product} aus Bestellung {order} zurückschicken.",
                              "Mir wurde die Bestellung {order} doppelt abgebucht."};
constexpr SV kDeEmail[] = {"Bitte antworten Sie an {email}.",
                           "Meine neue E-Mail-Adresse lautet {email}.",
                           "Schreiben Sie mir gern an {email}."};
constexpr SV kDePhone[] = {"Sie erreichen mich unter {phone}.",
                           "Bitte rufen Sie mich zurück: {phone}",
                           "Tagsüber bin ich unter {phone} erreichbar."};
constexpr SV kDeClosings[] = {"Danke", "Viele Grüße", "Mit freundlichen Grüßen", "LG"};
PGVEIL_LANGUAGE("de", kDe);

constexpr SV kFrSubjects[] = {"Où est ma commande ?", "Demande de retour", "Facture manquante",
                              "Article endommagé", "Commande {order}"};
constexpr SV kFrGreetings[] = {"Bonjour,", "Madame, Monsieur,", "Bonsoir,"};
constexpr SV kFrProblems[] = {"Ma commande {order} n'est toujours pas arrivée.",
                              "Le {product} reçu est abîmé.",
                              "Je souhaite retourner le {product} de la commande {order}.",
                              "J'ai été débité deux fois pour la commande {order}."};
constexpr SV kFrEmail[] = {"Merci de me répondre à {email}.",
                           "Mon adresse e-mail a changé : {email}."};
constexpr SV kFrPhone[] = {"Vous pouvez me joindre au {phone}.",
                           "Merci de me rappeler au {phone} après 18h."};
constexpr SV kFrClosings[] = {"Merci", "Cordialement", "Bien à vous"};
PGVEIL_LANGUAGE("fr", kFr);

constexpr SV kEsSubjects[] = {"¿Dónde está mi pedido?", "Devolución", "Factura", "Pedido {order}"};
constexpr SV kEsGreetings[] = {"Hola,", "Buenos días,", "Estimado equipo,"};
constexpr SV kEsProblems[] = {"Mi pedido {order} todavía no ha llegado.",
                              "El {product} llegó dañado.",
                              "Quiero devolver el {product} del pedido {order}."};
constexpr SV kEsEmail[] = {"Por favor, respondan a {email}.", "Mi nuevo correo es {email}."};
constexpr SV kEsPhone[] = {"Pueden llamarme al {phone}.",
                           "Mi móvil es {phone}, llámenme por la tarde."};
constexpr SV kEsClosings[] = {"Gracias", "Saludos", "Un saludo"};
PGVEIL_LANGUAGE("es", kEs);

constexpr SV kItSubjects[] = {"Dov'è il mio ordine?", "Reso", "Fattura mancante", "Ordine {order}"};
constexpr SV kItGreetings[] = {"Buongiorno,", "Salve,", "Gentile assistenza,"};
constexpr SV kItProblems[] = {"Il mio ordine {order} non è ancora arrivato.",
                              "Il {product} è arrivato danneggiato.",
                              "Vorrei restituire il {product} dell'ordine {order}."};
constexpr SV kItEmail[] = {"Vi prego di rispondere a {email}.", "La mia nuova email è {email}."};
constexpr SV kItPhone[] = {"Potete chiamarmi al {phone}.", "Il mio cellulare è {phone}."};
constexpr SV kItClosings[] = {"Grazie", "Cordiali saluti", "Saluti"};
PGVEIL_LANGUAGE("it", kIt);

constexpr SV kPtSubjects[] = {"Onde está a minha encomenda?", "Devolução", "Pedido {order}"};
constexpr SV kPtGreetings[] = {"Olá,", "Bom dia,", "Prezados,"};
constexpr SV kPtProblems[] = {"O meu pedido {order} ainda não chegou.",
                              "O {product} chegou danificado.",
                              "Gostaria de devolver o {product} do pedido {order}."};
constexpr SV kPtEmail[] = {"Por favor respondam para {email}.", "O meu novo e-mail é {email}."};
constexpr SV kPtPhone[] = {"Podem ligar-me para o {phone}.", "Meu WhatsApp é {phone}."};
constexpr SV kPtClosings[] = {"Obrigado", "Obrigada", "Atenciosamente", "Abraços"};
PGVEIL_LANGUAGE("pt", kPt);

constexpr SV kNlSubjects[] = {"Waar blijft mijn bestelling?", "Retour", "Bestelling {order}"};
constexpr SV kNlGreetings[] = {"Hallo,", "Beste klantenservice,", "Goedemiddag,"};
constexpr SV kNlProblems[] = {"Mijn bestelling {order} is nog niet aangekomen.",
                              "De {product} was beschadigd.",
                              "Ik wil de {product} uit bestelling {order} retourneren."};
constexpr SV kNlEmail[] = {"Graag antwoord naar {email}.", "Mijn nieuwe e-mailadres is {email}."};
constexpr SV kNlPhone[] = {"U kunt mij bellen op {phone}.", "Bel me even terug op {phone}."};
constexpr SV kNlClosings[] = {"Bedankt", "Met vriendelijke groet", "Groetjes"};
PGVEIL_LANGUAGE("nl", kNl);

constexpr SV kPlSubjects[] = {"Gdzie jest moje zamówienie?", "Zwrot", "Zamówienie {order}"};
constexpr SV kPlGreetings[] = {"Dzień dobry,", "Witam,"};
constexpr SV kPlProblems[] = {"Moje zamówienie {order} jeszcze nie dotarło.",
                              "{product} przyszedł uszkodzony.",
                              "Chcę zwrócić {product} z zamówienia {order}."};
constexpr SV kPlEmail[] = {"Proszę o odpowiedź na adres {email}.", "Mój nowy e-mail to {email}."};
constexpr SV kPlPhone[] = {"Proszę o kontakt pod numerem {phone}.", "Mój telefon: {phone}."};
constexpr SV kPlClosings[] = {"Dziękuję", "Pozdrawiam", "Z poważaniem"};
PGVEIL_LANGUAGE("pl", kPl);

constexpr SV kSvSubjects[] = {"Var är min beställning?", "Retur", "Order {order}"};
constexpr SV kSvGreetings[] = {"Hej,", "Hej hej,", "Hejsan,"};
constexpr SV kSvProblems[] = {"Min beställning {order} har inte kommit än.",
                              "{product} var skadad när den kom.",
                              "Jag vill returnera {product} från order {order}."};
constexpr SV kSvEmail[] = {"Svara gärna till {email}.", "Min nya e-post är {email}."};
constexpr SV kSvPhone[] = {"Ni når mig på {phone}.", "Ring mig på {phone}."};
constexpr SV kSvClosings[] = {"Tack", "Mvh", "Vänliga hälsningar"};
PGVEIL_LANGUAGE("sv", kSv);

constexpr SV kTrSubjects[] = {"Siparişim nerede?", "İade talebi", "Sipariş {order}"};
constexpr SV kTrGreetings[] = {"Merhaba,", "İyi günler,"};
constexpr SV kTrProblems[] = {"{order} numaralı siparişim hâlâ gelmedi.",
                              "{product} hasarlı geldi.",
                              "{order} siparişindeki {product} ürününü iade etmek istiyorum."};
constexpr SV kTrEmail[] = {"Lütfen {email} adresine yanıt verin.", "Yeni e-posta adresim: {email}"};
constexpr SV kTrPhone[] = {"Bana {phone} numarasından ulaşabilirsiniz.", "Telefonum: {phone}"};
constexpr SV kTrClosings[] = {"Teşekkürler", "Saygılarımla", "İyi çalışmalar"};
PGVEIL_LANGUAGE("tr", kTr);

constexpr SV kRuSubjects[] = {"Где мой заказ?", "Возврат товара", "Заказ {order}"};
constexpr SV kRuGreetings[] = {"Здравствуйте,", "Добрый день,"};
constexpr SV kRuProblems[] = {"Мой заказ {order} до сих пор не пришёл.",
                              "{product} пришёл повреждённым.",
                              "Хочу вернуть {product} из заказа {order}."};
constexpr SV kRuEmail[] = {"Пожалуйста, ответьте на {email}.", "Моя новая почта: {email}."};
constexpr SV kRuPhone[] = {"Мой телефон {phone}, звоните после 18:00.",
                           "Перезвоните мне: {phone}."};
constexpr SV kRuClosings[] = {"Спасибо", "С уважением"};
PGVEIL_LANGUAGE("ru", kRu);

constexpr SV kElSubjects[] = {"Πού είναι η παραγγελία μου;", "Επιστροφή", "Παραγγελία {order}"};
constexpr SV kElGreetings[] = {"Γεια σας,", "Καλημέρα,"};
constexpr SV kElProblems[] = {"Η παραγγελία μου {order} δεν έχει φτάσει ακόμα.",
                              "Το {product} ήρθε χαλασμένο."};
constexpr SV kElEmail[] = {"Παρακαλώ απαντήστε στο {email}."};
constexpr SV kElPhone[] = {"Μπορείτε να με καλέσετε στο {phone}."};
constexpr SV kElClosings[] = {"Ευχαριστώ", "Με εκτίμηση"};
PGVEIL_LANGUAGE("el", kEl);

constexpr SV kZhSubjects[] = {"我的订单在哪里？", "退货申请", "订单 {order}"};
constexpr SV kZhGreetings[] = {"您好，", "你好，"};
constexpr SV kZhProblems[] = {"我的订单{order}还没有到。", "收到的{product}有损坏。",
                              "我想退回订单{order}里的{product}。"};
constexpr SV kZhEmail[] = {"请回复到{email}。", "我的新邮箱是 {email}"};
constexpr SV kZhPhone[] = {"我的手机号是{phone}，请联系我。", "请拨打 {phone} 联系我。"};
constexpr SV kZhClosings[] = {"谢谢", "此致"};
PGVEIL_LANGUAGE("zh", kZh);

constexpr SV kJaSubjects[] = {"注文が届きません", "返品について", "注文番号 {order}"};
constexpr SV kJaGreetings[] = {"お世話になっております。", "こんにちは。"};
constexpr SV kJaProblems[] = {"注文{order}がまだ届いていません。",
                              "届いた{product}が破損していました。",
                              "注文{order}の{product}を返品したいです。"};
constexpr SV kJaEmail[] = {"返信は{email}までお願いします。",
                           "新しいメールアドレスは {email} です。"};
constexpr SV kJaPhone[] = {"連絡先は{phone}です。", "お電話は {phone} までお願いします。"};
constexpr SV kJaClosings[] = {"よろしくお願いいたします。", "ありがとうございます。"};
PGVEIL_LANGUAGE("ja", kJa);

constexpr SV kKoSubjects[] = {"주문한 상품이 안 왔어요", "반품 문의", "주문 {order}"};
constexpr SV kKoGreetings[] = {"안녕하세요,", "수고하십니다."};
constexpr SV kKoProblems[] = {"주문 {order}이(가) 아직 도착하지 않았습니다.",
                              "{product}이(가) 파손되어 왔습니다."};
constexpr SV kKoEmail[] = {"{email}로 답장 부탁드립니다."};
constexpr SV kKoPhone[] = {"연락처는 {phone}입니다.", "{phone}로 전화 주세요."};
constexpr SV kKoClosings[] = {"감사합니다"};
PGVEIL_LANGUAGE("ko", kKo);

constexpr SV kViSubjects[] = {"Đơn hàng của tôi ở đâu?", "Yêu cầu đổi trả", "Đơn hàng {order}"};
constexpr SV kViGreetings[] = {"Xin chào,", "Chào shop,"};
constexpr SV kViProblems[] = {"Đơn hàng {order} của tôi vẫn chưa tới.",
                              "{product} bị hỏng khi nhận."};
constexpr SV kViEmail[] = {"Vui lòng trả lời qua {email}."};
constexpr SV kViPhone[] = {"Số điện thoại của tôi là {phone}."};
constexpr SV kViClosings[] = {"Cảm ơn", "Trân trọng"};
PGVEIL_LANGUAGE("vi", kVi);

constexpr SV kArSubjects[] = {"أين طلبي؟", "طلب إرجاع", "الطلب {order}"};
constexpr SV kArGreetings[] = {"مرحبا،", "السلام عليكم،"};
constexpr SV kArProblems[] = {"طلبي رقم {order} لم يصل بعد.", "وصل {product} تالفا.",
                              "أريد إرجاع {product} من الطلب {order}."};
constexpr SV kArEmail[] = {"يرجى الرد على {email}", "بريدي الإلكتروني الجديد هو {email}"};
constexpr SV kArPhone[] = {"يمكنكم الاتصال بي على {phone}", "رقم جوالي {phone}"};
constexpr SV kArClosings[] = {"شكرا", "مع التحية"};
PGVEIL_LANGUAGE("ar", kAr);

constexpr SV kHeSubjects[] = {"איפה ההזמנה שלי?", "בקשת החזרה", "הזמנה {order}"};
constexpr SV kHeGreetings[] = {"שלום,", "היי,"};
constexpr SV kHeProblems[] = {"ההזמנה {order} עדיין לא הגיעה.", "ה-{product} הגיע פגום."};
constexpr SV kHeEmail[] = {"נא להשיב לכתובת {email}"};
constexpr SV kHePhone[] = {"אפשר להשיג אותי בטלפון {phone}", "הטלפון שלי: {phone}"};
constexpr SV kHeClosings[] = {"תודה", "בברכה"};
PGVEIL_LANGUAGE("he", kHe);

#undef PGVEIL_LANGUAGE

const TicketPhrases* const kAll[] = {&kEn, &kDe, &kFr, &kEs, &kIt, &kPt, &kNl, &kPl, &kSv,
                                     &kTr, &kRu, &kEl, &kZh, &kJa, &kKo, &kVi, &kAr, &kHe};

}  // namespace

const TicketPhrases& PhrasesFor(std::string_view language) {
  for (const TicketPhrases* p : kAll) {
    if (p->language == language) return *p;
  }
  return kEn;
}

}  // namespace pgveil::datagen
