// datagen/check_digits.cc

#include "datagen/check_digits.h"

namespace pgveil::datagen {
namespace {

constexpr int kVerhoeffD[10][10] = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
                                    {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
                                    {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
                                    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
                                    {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
constexpr int kVerhoeffP[8][10] = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
                                   {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
                                   {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
                                   {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
constexpr int kVerhoeffInv[10] = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

// Luhn sum of `digits`, doubling every second digit counted from the right
// starting with the rightmost when `double_rightmost`.
int LuhnSum(std::string_view digits, bool double_rightmost) {
  int sum = 0;
  bool twice = double_rightmost;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

int LuhnCheckDigit(std::string_view payload) { return (10 - LuhnSum(payload, true) % 10) % 10; }

bool LuhnValid(std::string_view digits) {
  return AllDigits(digits) && LuhnSum(digits, false) % 10 == 0;
}

int Mod97(std::string_view text) {
  int remainder = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z') {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    }
  }
  return remainder;
}

std::string IbanCheckDigits(std::string_view country, std::string_view bban) {
  std::string rearranged(bban);
  rearranged.append(country);
  rearranged.append("00");
  const int check = 98 - Mod97(rearranged);
  return {static_cast<char>('0' + check / 10), static_cast<char>('0' + check % 10)};
}

bool IbanValid(std::string_view iban) {
  std::string compact;
  for (char c : iban) {
    if (c != ' ') compact.push_back(c);
  }
  if (compact.size() < 15 || compact.size() > 34) return false;
  for (char c : compact) {
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
  }
  const std::string rearranged = compact.substr(4) + compact.substr(0, 4);
  return Mod97(rearranged) == 1;
}

int VerhoeffCheckDigit(std::string_view payload) {
  int c = 0;
  for (size_t i = 0; i < payload.size(); ++i) {
    const int digit = payload[payload.size() - 1 - i] - '0';
    c = kVerhoeffD[c][kVerhoeffP[(i + 1) % 8][digit]];
  }
  return kVerhoeffInv[c];
}

bool VerhoeffValid(std::string_view digits) {
  if (!AllDigits(digits)) return false;
  int c = 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    const int digit = digits[digits.size() - 1 - i] - '0';
    c = kVerhoeffD[c][kVerhoeffP[i % 8][digit]];
  }
  return c == 0;
}

int Iso7064Mod11_10(std::string_view payload) {
  int product = 10;
  for (char ch : payload) {
    int sum = (ch - '0' + product) % 10;
    if (sum == 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const int check = 11 - product;
  return check == 10 ? 0 : check;
}

char Iso7064Mod11_2(std::string_view payload) {
  constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (size_t i = 0; i < payload.size() && i < 17; ++i) sum += (payload[i] - '0') * kWeights[i];
  return "10X98765432"[sum % 11];
}

int Gs1CheckDigit(std::string_view payload) {
  int sum = 0;
  bool three = true;
  for (size_t i = payload.size(); i-- > 0;) {
    sum += (payload[i] - '0') * (three ? 3 : 1);
    three = !three;
  }
  return (10 - sum % 10) % 10;
}

}  // namespace pgveil::datagen
