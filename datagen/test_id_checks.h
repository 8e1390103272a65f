// datagen/test_id_checks.h
//
// Test-only: the check-digit rules of every national identifier the
// generators emit, recomputed from the issuers' published rules and
// independent of datagen/national_id.cc, for formats_test.cc and
// clinic_generator_test.cc.
#pragma once

#include <regex>
#include <string>

#include "datagen/locale.h"

namespace pgveil::datagen::testing {

inline std::string Digits(const std::string& s) {
  std::string d;
  for (char c : s) {
    if (c >= '0' && c <= '9') d.push_back(c);
  }
  return d;
}

inline int D(const std::string& s, size_t i) { return s[i] - '0'; }

inline bool LuhnOk(const std::string& d) {
  int sum = 0;
  for (size_t i = 0; i < d.size(); ++i) {
    int v = D(d, d.size() - 1 - i);
    if (i % 2 == 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
  }
  return sum % 10 == 0;
}

// Recomputes the check digit(s) of `id` for `country` from the published rules.
inline bool NationalIdValid(Country country, const std::string& id) {
  const std::string d = Digits(id);
  switch (country) {
    case Country::kUS: {
      if (d.size() != 9) return false;
      const int area = std::stoi(d.substr(0, 3));
      return area != 0 && area != 666 && area < 900 && d.substr(3, 2) != "00" &&
             d.substr(5) != "0000";
    }
    case Country::kCA:
      return d.size() == 9 && d[0] != '0' && d[0] != '8' && LuhnOk(d);
    case Country::kGB:
      return std::regex_match(
                 id, std::regex(
                         "[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]")) &&
             id.substr(0, 2) != "GB" && id.substr(0, 2) != "BG";
    case Country::kDE: {
      if (d.size() != 11 || d[0] == '0') return false;
      int counts[10] = {};
      for (int i = 0; i < 10; ++i) ++counts[D(d, i)];
      int twice = 0, missing = 0;
      for (int c : counts) {
        twice += c == 2;
        missing += c == 0;
      }
      int product = 10;
      for (int i = 0; i < 10; ++i) {
        int sum = (D(d, i) + product) % 10;
        product = ((sum == 0 ? 10 : sum) * 2) % 11;
      }
      return twice == 1 && missing == 1 && (11 - product) % 10 == D(d, 10);
    }
    case Country::kFR:
      return d.size() == 15 && 97 - std::stoll(d.substr(0, 13)) % 97 == std::stoll(d.substr(13));
    case Country::kES: {
      std::string n = id;
      if (n.find('-') != std::string::npos) n.erase(n.find('-'), 1);
      const std::string prefix = std::string("XYZ").find(n[0]) != std::string::npos
                                     ? std::to_string(std::string("XYZ").find(n[0]))
                                     : "";
      const long long number = std::stoll(prefix + Digits(n));
      return n.back() == "TRWAGMYFPDXBNJZSQVHLCKE"[number % 23];
    }
    case Country::kIT: {
      static const int kOdd[] = {1,  0,  5, 7, 9, 13, 15, 17, 19, 21, 2,  4,  18,
                                 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
      if (id.size() != 16) return false;
      int sum = 0;
      for (int i = 0; i < 15; ++i) {
        const char c = id[i];
        const int v = c >= 'A' ? c - 'A' : c - '0';
        sum += i % 2 == 0 ? kOdd[v] : v;
      }
      return id[15] == 'A' + sum % 26;
    }
    case Country::kNL: {
      int sum = 0;
      for (int i = 0; i < 8; ++i) sum += D(d, i) * (9 - i);
      return d.size() == 9 && (sum - D(d, 8)) % 11 == 0;
    }
    case Country::kPL: {
      const int w[] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
      int sum = 0;
      for (int i = 0; i < 10; ++i) sum += D(d, i) * w[i];
      return d.size() == 11 && (10 - sum % 10) % 10 == D(d, 10);
    }
    case Country::kBR: {
      if (d.size() != 11) return false;
      for (int len : {9, 10}) {
        int sum = 0;
        for (int i = 0; i < len; ++i) sum += D(d, i) * (len + 1 - i);
        const int r = sum % 11;
        if ((r < 2 ? 0 : 11 - r) != D(d, len)) return false;
      }
      return true;
    }
    case Country::kIN:
      return d.size() == 12 && d[0] >= '2';  // Verhoeff: check_digits_test
    case Country::kSE:
      return d.size() >= 10 && LuhnOk(d.substr(d.size() - 10));
    case Country::kCN: {
      int sum = 0, weight = 1;
      for (int i = 16; i >= 0; --i) {
        weight = weight * 2 % 11;
        sum += D(id, i) * weight;
      }
      return id.size() == 18 && id[17] == "10X98765432"[sum % 11];
    }
    case Country::kTR: {
      const int odd = D(d, 0) + D(d, 2) + D(d, 4) + D(d, 6) + D(d, 8);
      const int even = D(d, 1) + D(d, 3) + D(d, 5) + D(d, 7);
      int sum10 = 0;
      for (int i = 0; i < 10; ++i) sum10 += D(d, i);
      return d.size() == 11 && ((odd * 7 - even) % 10 + 10) % 10 == D(d, 9) &&
             sum10 % 10 == D(d, 10);
    }
    case Country::kIL:
      return d.size() == 9 && LuhnOk(d);
    case Country::kGR:
      return d.size() == 11 && LuhnOk(d);
    case Country::kSA:
      return d.size() == 10 && LuhnOk(d);
    case Country::kJP: {
      int sum = 0;
      for (int n = 1; n <= 11; ++n) sum += D(d, 11 - n) * (n <= 6 ? n + 1 : n - 5);
      return d.size() == 12 && (sum % 11 <= 1 ? 0 : 11 - sum % 11) == D(d, 11);
    }
    case Country::kKR: {
      const int w[] = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
      int sum = 0;
      for (int i = 0; i < 12; ++i) sum += D(d, i) * w[i];
      return d.size() == 13 && (11 - sum % 11) % 10 == D(d, 12);
    }
    case Country::kPT: {
      int sum = 0;
      for (int i = 0; i < 8; ++i) sum += D(d, i) * (9 - i);
      const int check = 11 - sum % 11;
      return d.size() == 9 && (check >= 10 ? 0 : check) == D(d, 8);
    }
    case Country::kIS: {
      const int w[] = {3, 2, 7, 6, 5, 4, 3, 2};
      int sum = 0;
      for (int i = 0; i < 8; ++i) sum += D(d, i) * w[i];
      return d.size() == 10 && (11 - sum % 11) % 11 == D(d, 8);
    }
    case Country::kRU: {
      int sum = 0;
      for (int i = 0; i < 9; ++i) sum += D(d, i) * (9 - i);
      const int check = sum < 100 ? sum : sum < 102 ? 0 : sum % 101 % 100;
      return d.size() == 11 && check == std::stoi(d.substr(9));
    }
    case Country::kEG:
      return d.size() == 14;
    case Country::kVN:
      return d.size() == 12;
  }
  return false;
}

}  // namespace pgveil::datagen::testing
