// datagen/secrets.cc

#include "datagen/secrets.h"

#include "datagen/format_util.h"

namespace pgveil::datagen {
namespace {

constexpr std::string_view kBcryptAlphabet =
    "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

}  // namespace

void AppendBase64Url(std::string_view bytes, std::string* out) {
  size_t i = 0;
  const auto at = [&](size_t k) {
    return static_cast<uint32_t>(static_cast<unsigned char>(bytes[k]));
  };
  for (; i + 3 <= bytes.size(); i += 3) {
    const uint32_t v = at(i) << 16 | at(i + 1) << 8 | at(i + 2);
    out->push_back(kBase64Url[v >> 18]);
    out->push_back(kBase64Url[v >> 12 & 63]);
    out->push_back(kBase64Url[v >> 6 & 63]);
    out->push_back(kBase64Url[v & 63]);
  }
  if (bytes.size() - i == 1) {
    const uint32_t v = at(i) << 16;
    out->push_back(kBase64Url[v >> 18]);
    out->push_back(kBase64Url[v >> 12 & 63]);
  } else if (bytes.size() - i == 2) {
    const uint32_t v = at(i) << 16 | at(i + 1) << 8;
    out->push_back(kBase64Url[v >> 18]);
    out->push_back(kBase64Url[v >> 12 & 63]);
    out->push_back(kBase64Url[v >> 6 & 63]);
  }
}

void AppendBcryptHash(Rng& rng, std::string* out) {
  out->append(rng.Chance(0.8) ? "$2b$" : "$2a$");
  out->append(rng.Chance(0.7) ? "12$" : "10$");
  AppendFrom(rng, kBcryptAlphabet, 53, out);
}

void AppendApiKey(Rng& rng, std::string* out) {
  switch (rng.Below(7)) {
    case 0:
      out->append(rng.Chance(0.6) ? "sk_live_" : "sk_test_");
      AppendFrom(rng, kBase62, 24, out);
      return;
    case 1:
      out->append("AKIA");
      AppendFrom(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, out);
      return;
    case 2:
      out->append("ghp_");
      AppendFrom(rng, kBase62, 36, out);
      return;
    case 3:
      out->append("xoxb-");
      AppendDigits(rng, 12, out);
      out->push_back('-');
      AppendDigits(rng, 13, out);
      out->push_back('-');
      AppendFrom(rng, kBase62, 24, out);
      return;
    case 4:
      out->append("glpat-");
      AppendFrom(rng, kBase62, 20, out);
      return;
    case 5:
      out->append("vs_");
      AppendHex(rng, 40, out);
      return;
    default:
      AppendFrom(rng, kBase62, 32, out);
      return;
  }
}

void AppendJwt(Rng& rng, int64_t subject, int64_t issued_at, std::string* out) {
  const bool rsa = rng.Chance(0.4);
  AppendBase64Url(
      rsa ? R"({"alg":"RS256","typ":"JWT","kid":"k1"})" : R"({"alg":"HS256","typ":"JWT"})", out);
  out->push_back('.');
  std::string claims = R"({"sub":")";
  AppendInt(subject, &claims);
  claims += R"(","iat":)";
  AppendInt(issued_at, &claims);
  claims += R"(,"exp":)";
  AppendInt(issued_at + 3600 * rng.Between(1, 720), &claims);
  claims += R"(,"scope":"orders:read profile:write","jti":")";
  AppendHex(rng, 16, &claims);
  claims += R"("})";
  AppendBase64Url(claims, out);
  out->push_back('.');
  std::string signature;
  const int signature_bytes = rsa ? 256 : 32;
  for (int i = 0; i < signature_bytes; ++i) signature.push_back(static_cast<char>(rng.Below(256)));
  AppendBase64Url(signature, out);
}

}  // namespace pgveil::datagen
