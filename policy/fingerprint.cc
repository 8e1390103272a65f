#include "policy/fingerprint.h"

#include <openssl/evp.h>

#include "core/status.h"

namespace pgveil::policy {

std::string Sha256Hex(const std::string& text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // EVP_Digest on a built-in algorithm fails only when memory runs out.
  PGVEIL_CHECK(EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr) == 1);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(static_cast<size_t>(length) * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

std::string FingerprintTarget(const ColumnRef& column, const std::optional<std::string>& path) {
  std::string target = column.schema + "." + column.table;
  if (!column.column.empty()) {
    target += "." + column.column;
  }
  if (path) {
    target += "#" + *path;
  }
  return target;
}

std::string ViolationFingerprint(const std::string& rule, const ColumnRef& column,
                                 const std::optional<std::string>& path,
                                 const std::optional<Category>& category) {
  std::string text = rule + "|" + FingerprintTarget(column, path) + "|";
  if (category) {
    text += std::string(IdOf(*category));
  }
  return Sha256Hex(text);
}

}  // namespace pgveil::policy
