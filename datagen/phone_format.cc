// datagen/phone_format.cc
//
// How each country writes its numbers: trunk prefix, area code in
// parentheses or not, digit grouping and separators, and the international
// forms ("+33 6 12 34 56 78", "+44 (0)20 7946 0123", "+49 (0)30 1234567").
//
// Each country has a list of templates, one of which is drawn per number.
// Template letters (templates contain no other capitals):
//   C calling code          P prefix or area code      S subscriber, compact
//   N national number (PS)  G subscriber grouped, ' '  H subscriber grouped, '-'
//   T subscriber 3-2-2, ' ' R subscriber 3-2-2, '-'    E, L NANP exchange, line
//   F French pairs, ' '     D French pairs, '.'        B Brazilian "91234-5678"
//   Q subscriber 4-4, ' '   W subscriber 4-4, '-'      I Indian "98765 43210"
//   M national number in the country's own grouping (mobiles) or "P G"
// Everything else is copied.

#include <array>
#include <initializer_list>
#include <vector>

#include "datagen/phone.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

struct Formats {
  std::vector<SV> mobile;
  std::vector<SV> landline;  // empty: landlines use the mobile templates
  std::vector<int> groups;   // for M; empty when unused
  char digits = 0;           // 'f' full-width (JP), 'a' Arabic-Indic (SA, EG)
};

// In Country order.
const std::array<Formats, 24>& AllFormats() {
  static const std::array<Formats, 24> formats = {{
      // US, CA
      {{"(P) E-L", "P-E-L", "P.E.L", "P E L", "1-P-E-L", "+1 (P) E-L", "+1 P-E-L", "+1 P E L",
        "+1N"},
       {},
       {}},
      {{"(P) E-L", "P-E-L", "P.E.L", "P E L", "1-P-E-L", "+1 (P) E-L", "+1 P-E-L", "+1N"}, {}, {}},
      // GB
      {{"0P G", "0P G", "+44 P G", "+44 (0)P G", "+44N", "(0P) G", "0PS"}, {}, {}},
      // DE
      {{"+49 P S", "+49P S", "+49 (0)P S", "0P/S", "0P-S", "(0P) T", "+49 P T", "0P S"}, {}, {}},
      // FR
      {{"0F", "0F", "0D", "0N", "+33 F", "+33 (0)F", "+33N"}, {}, {}},
      // ES, IT, PT
      {{"+34N", "+34 M", "M", "M", "N"}, {}, {3, 2, 2, 2}},
      {{"+39N", "+39 M", "M", "M", "N"}, {}, {3, 3, 4}},
      {{"+351N", "+351 M", "M", "M", "N"}, {}, {3, 3, 3}},
      // BR
      {{"(P) B", "+55 P B", "+55 (P) B", "P B", "+55N"}, {}, {}},
      // NL, PL, SE, IS
      {{"0P-S", "0P G", "+31 P S", "+31 (0)P G", "0P-G", "+31N"}, {}, {}},
      {{"+48N", "+48 M", "M", "M", "N", "(P) G"}, {"+48 M", "M", "(P) G"}, {3, 3, 3}},
      {{"0P-T", "0P T", "+46 P T", "+46N", "0N"}, {}, {}},
      {{"+354N", "+354 M", "M", "M", "N"}, {}, {3, 4}},
      // TR, RU, GR
      {{"0P T", "0 (P) T", "(0P) S", "+90 P T", "+90 (P) G", "0PS"}, {}, {}},
      {{"+7 P R", "8 (P) R", "+7 (P) R", "8N", "+7N"}, {}, {}},
      {{"+30N", "+30 M", "M", "M", "N"}, {}, {3, 3, 4}},
      // CN, JP, KR, VN
      {{"P Q", "P-W", "+86 P Q", "N", "+86N"}, {"0P-S", "(0P) G", "+86 P G", "0P S"}, {}},
      {{"0P-H", "0P-H", "(0P) H", "+81 P-H", "+81 P H", "+81N"}, {}, {}, 'f'},
      {{"0P-H", "0P-H", "+82 P-H", "+82 P H", "0N"}, {}, {}},
      {{"0P G", "0N", "+84 P T", "+84N"}, {"0P G", "+84 P G", "0N"}, {}},
      // IN, SA, EG, IL
      {{"I", "0I", "+91 I", "+91-N", "N", "+91N"}, {"0P G", "0P-G", "+91 P G", "+91N"}, {}},
      {{"0P G", "0N", "+966 P G", "+966N", "0P G"}, {}, {}, 'a'},
      {{"0P G", "0N", "+20 P G", "+20N"}, {}, {}, 'a'},
      {{"0P-H", "0N", "0P-S", "+972 P-H", "+972-P-S", "+972N"}, {}, {}},
  }};
  return formats;
}

// Appends `digits` in groups of the given sizes joined by `sep`; digits left
// after the listed groups form a final group.
template <typename Groups>
void Group(SV digits, const Groups& groups, char sep, std::string* out) {
  size_t pos = 0;
  for (int size : groups) {
    if (pos >= digits.size()) break;
    if (pos > 0) out->push_back(sep);
    out->append(digits.substr(pos, size));
    pos += size;
  }
  if (pos < digits.size()) {
    if (pos > 0) out->push_back(sep);
    out->append(digits.substr(pos));
  }
}

// The usual grouping of a subscriber number of a given length.
void Subscriber(SV s, char sep, std::string* out) {
  switch (s.size()) {
    case 8:
      Group(s, std::initializer_list<int>{4, 4}, sep, out);
      return;
    case 7:
      Group(s, std::initializer_list<int>{3, 4}, sep, out);
      return;
    case 6:
      Group(s, std::initializer_list<int>{3, 3}, sep, out);
      return;
    default:
      out->append(s);
      return;
  }
}

// "123 45 67" / "12 34 56": pairs after a leading triple when the length is odd.
void ThreeTwoTwo(SV s, char sep, std::string* out) {
  if (s.size() % 2 == 1)
    Group(s, std::initializer_list<int>{3, 2, 2, 2}, sep, out);
  else
    Group(s, std::initializer_list<int>{2, 2, 2, 2}, sep, out);
}

// Rewrites ASCII digits as full-width (U+FF10..) or Arabic-Indic (U+0660..).
std::string ReplaceDigits(SV text, bool full_width) {
  std::string out;
  for (char c : text) {
    if (c < '0' || c > '9') {
      out.push_back(c);
    } else if (full_width) {
      out.append("\xEF\xBC");
      out.push_back(static_cast<char>(0x90 + (c - '0')));
    } else {
      out.push_back('\xD9');
      out.push_back(static_cast<char>(0xA0 + (c - '0')));
    }
  }
  return out;
}

void Expand(SV format, SV cc, const NationalNumber& n, const Formats& f, std::string* out) {
  const SV p = n.prefix, s = n.subscriber;
  const std::string nsn = n.prefix + n.subscriber;
  for (char c : format) {
    switch (c) {
      case 'C':
        out->append(cc);
        break;
      case 'P':
        out->append(p);
        break;
      case 'S':
        out->append(s);
        break;
      case 'N':
        out->append(nsn);
        break;
      case 'G':
        Subscriber(s, ' ', out);
        break;
      case 'H':
        Subscriber(s, '-', out);
        break;
      case 'T':
        ThreeTwoTwo(s, ' ', out);
        break;
      case 'R':
        ThreeTwoTwo(s, '-', out);
        break;
      case 'E':
        out->append(s.substr(0, 3));
        break;
      case 'L':
        out->append(s.substr(3));
        break;
      case 'Q':
        Group(s, std::initializer_list<int>{4, 4}, ' ', out);
        break;
      case 'W':
        Group(s, std::initializer_list<int>{4, 4}, '-', out);
        break;
      case 'I':
        Group(nsn, std::initializer_list<int>{5, 5}, ' ', out);
        break;
      case 'B':
        out->append(s.substr(0, s.size() - 4));
        out->push_back('-');
        out->append(s.substr(s.size() - 4));
        break;
      case 'F':
      case 'D':
        out->push_back(nsn[0]);
        out->push_back(c == 'F' ? ' ' : '.');
        Group(SV(nsn).substr(1), std::initializer_list<int>{2, 2, 2, 2}, c == 'F' ? ' ' : '.', out);
        break;
      case 'M':
        if (n.mobile) {
          Group(nsn, f.groups, ' ', out);
        } else {
          out->append(p);
          out->push_back(' ');
          Subscriber(s, ' ', out);
        }
        break;
      default:
        out->push_back(c);
        break;
    }
  }
}

}  // namespace

void AppendFormattedPhone(Rng& rng, const Locale& locale, const NationalNumber& number,
                          PhoneStyle style, std::string* out) {
  const SV cc = CallingCode(locale.country);
  if (style == PhoneStyle::kE164) {
    out->push_back('+');
    out->append(cc);
    out->append(number.prefix);
    out->append(number.subscriber);
    return;
  }
  const Formats& f = AllFormats()[static_cast<size_t>(locale.country)];
  const std::vector<SV>& list = number.mobile || f.landline.empty() ? f.mobile : f.landline;
  const SV format = list[rng.Below(list.size())];
  if (f.digits == 0 || format[0] == '+' || !rng.Chance(0.15)) {
    Expand(format, cc, number, f, out);
    return;
  }
  std::string ascii;
  Expand(format, cc, number, f, &ascii);
  out->append(ReplaceDigits(ascii, f.digits == 'f'));
}

}  // namespace pgveil::datagen
