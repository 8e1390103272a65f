#include "scanner/value_shape.h"

#include <algorithm>

namespace pgveil::scanner {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

int DateYear(std::string_view v) {
  auto digits = [&](size_t at, size_t n) {
    if (at + n > v.size()) return false;
    return std::all_of(v.begin() + at, v.begin() + at + n, IsDigit);
  };
  auto sep = [&](size_t at) {
    return at < v.size() && (v[at] == '-' || v[at] == '.' || v[at] == '/');
  };
  auto number = [&](size_t at) {
    return (v[at] - '0') * 1000 + (v[at + 1] - '0') * 100 + (v[at + 2] - '0') * 10 + (v[at + 3] - '0');
  };
  if (v.size() > 10 && v[10] != ' ' && v[10] != 'T') return 0;
  if (digits(0, 4) && sep(4) && digits(5, 2) && sep(7) && digits(8, 2)) return number(0);
  if (digits(0, 2) && sep(2) && digits(3, 2) && sep(5) && digits(6, 4)) return number(6);
  return 0;
}

bool IsWholeTimestamp(std::string_view v) {
  if (v.size() < 10 || DateYear(v) == 0) return false;
  size_t at = 10;
  auto digits = [&](size_t n) {
    if (at + n > v.size() || !std::all_of(v.begin() + at, v.begin() + at + n, IsDigit)) return false;
    at += n;
    return true;
  };
  auto skip = [&](char c) {
    if (at >= v.size() || v[at] != c) return false;
    ++at;
    return true;
  };
  if (at < v.size() && (v[at] == ' ' || v[at] == 'T')) {
    ++at;
    if (!digits(2) || !skip(':') || !digits(2)) return false;
    if (skip(':')) {
      if (!digits(2)) return false;
      if (skip('.')) {
        size_t start = at;
        while (at < v.size() && at - start < 9 && IsDigit(v[at])) ++at;
        if (at == start) return false;
      }
    }
  }
  if (skip('Z')) return at == v.size();
  if (skip('+') || skip('-')) {
    if (!digits(2)) return false;
    skip(':');
    if (at < v.size() && !digits(2)) return false;
  }
  return at == v.size();
}

bool IsPlainNumber(std::string_view v) {
  if (!v.empty() && (v.front() == '-' || v.front() == '+')) v.remove_prefix(1);
  size_t dot = v.find('.');
  std::string_view whole = v.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : v.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && fraction.empty())) return false;
  return std::all_of(whole.begin(), whole.end(), IsDigit) &&
         std::all_of(fraction.begin(), fraction.end(), IsDigit);
}

bool IsBareDigitsPhone(std::string_view v) {
  return v.size() >= 10 && v.size() <= 15 && std::all_of(v.begin(), v.end(), IsDigit);
}

int HexDigestLength(std::string_view v) {
  int index;
  switch (v.size()) {
    case 32:
      index = 0;
      break;
    case 40:
      index = 1;
      break;
    case 64:
      index = 2;
      break;
    case 128:
      index = 3;
      break;
    default:
      return -1;
  }
  auto hex = [](char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
  return std::all_of(v.begin(), v.end(), hex) ? index : -1;
}

bool IsDottedVersion(std::string_view v) {
  if (v.empty() || v.size() > 40) return false;
  bool prefixed = v.front() == 'v' || v.front() == 'V';
  if (prefixed) v.remove_prefix(1);
  if (v.empty() || !IsDigit(v.front())) return false;
  size_t at = 0;
  int parts = 0;
  while (at < v.size()) {
    size_t start = at;
    while (at < v.size() && IsDigit(v[at])) ++at;
    if (at == start) return false;
    ++parts;
    if (at == v.size() || v[at] != '.') break;
    ++at;
  }
  bool suffix = at < v.size() && (v[at] == '-' || v[at] == '+');
  if (at < v.size() && !suffix) return false;
  if (prefixed || suffix) return parts >= 2;
  return parts == 3;
}

}  // namespace pgveil::scanner
