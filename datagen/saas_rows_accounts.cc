// datagen/saas_rows_accounts.cc
//
// Who uses the product: workspaces (brands, not people), their users from
// every locale, the few billing contacts (phones stored as bare digits with
// the country code, postcodes in national formats), API tokens and the
// languages the interface speaks.

#include "datagen/address.h"
#include "datagen/date_time.h"
#include "datagen/format_util.h"
#include "datagen/json_writer.h"
#include "datagen/network.h"
#include "datagen/nullable_field.h"
#include "datagen/online_identity.h"
#include "datagen/person.h"
#include "datagen/phone.h"
#include "datagen/saas_rows.h"
#include "datagen/saas_values.h"
#include "datagen/secrets.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

constexpr SV kPlans[] = {"free", "team", "business", "enterprise"};
constexpr uint32_t kPlanWeights[] = {50, 30, 15, 5};
constexpr SV kRegions[] = {"eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-2"};
constexpr SV kThemes[] = {"light", "dark", "system"};
constexpr SV kRoles[] = {"owner", "admin", "member", "guest", "billing"};
constexpr uint32_t kRoleWeights[] = {5, 10, 70, 12, 3};
constexpr SV kTimeZones[] = {"Europe/Berlin",     "Europe/London",    "America/New_York",
                             "America/Sao_Paulo", "Asia/Tokyo",       "Asia/Kolkata",
                             "Europe/Istanbul",   "Australia/Sydney", "America/Toronto",
                             "Asia/Seoul",        "Europe/Warsaw",    "Africa/Cairo"};
constexpr SV kCurrencies[] = {"EUR", "USD", "GBP", "BRL", "JPY", "CAD", "PLN", "SEK"};
constexpr SV kTokenLabels[] = {"CI deploy", "Zapier",      "Grafana dashboard", "Terraform",
                               "local dev", "Data export", "Slack bot",         "Backup job"};
constexpr SV kScopes[] = {"read:issues", "write:issues", "read:projects", "admin:workspace",
                          "read:events"};

}  // namespace

Status WriteWorkspaces(const SaasContext& ctx, int64_t rows, CopyWriter& out) {
  std::string name, slug, json;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kWorkspaceRows, static_cast<uint64_t>(id));
    name.clear();
    slug.clear();
    AppendWorkspaceName(rng, &name, &slug);
    out.Int(id);
    out.Text(name);
    out.Text(slug);
    out.Text(kPlans[rng.Weighted(kPlanWeights)]);
    out.Text(rng.Pick(kRegions));
    out.Int(rng.Between(1, 400));
    json.clear();
    JsonWriter settings(&json);
    settings.BeginObject();
    settings.Field("theme", rng.Pick(kThemes));
    settings.Key("limits");
    settings.BeginObject();
    settings.Key("storage_gb");
    settings.Int(rng.Between(1, 50) * 10);
    settings.Key("api_rate");
    settings.Int(rng.Between(1, 20) * 100);
    settings.EndObject();
    settings.Key("features");
    settings.BeginArray();
    for (int i = static_cast<int>(rng.Between(0, 3)); i > 0; --i) {
      settings.BeginObject();
      settings.Field("key", PickFlagKey(rng));
      settings.Key("enabled");
      settings.Bool(rng.Chance(0.7));
      settings.Key("rollout");
      settings.Int(rng.Between(0, 10) * 10);
      settings.EndObject();
    }
    settings.EndArray();
    settings.EndObject();
    out.Text(json);
    out.Timestamp(RandomInstant(rng, {2019, 1, 1}, {2024, 6, 30}));
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteUsers(const SaasContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kUserRows, static_cast<uint64_t>(id));
    const Person person = RandomPerson(rng);
    out.Int(id);
    out.Int(rng.Between(1, ctx.workspaces));
    out.Text(person.FullName());
    text.clear();
    AppendEmail(rng, person, &text);
    out.Text(text);
    text.clear();
    AppendUsername(rng, person, &text);
    out.Text(text);
    out.Text(kRoles[rng.Weighted(kRoleWeights)]);
    text.clear();
    text.append(person.locale->language);
    text.push_back('-');
    text.append(person.locale->code);
    out.Text(text);
    out.Text(rng.Pick(kTimeZones));
    // Users who sign in only through SSO have no password.
    BuiltTextOrNull(rng, 0.85, text, out,
                    [&](std::string& field) { AppendBcryptHash(rng, &field); });
    BuiltTextOrNull(rng, 0.9, text, out, [&](std::string& field) { AppendIp(rng, 0.8, &field); });
    BuiltTextOrNull(rng, 0.2, text, out, [&](std::string& field) {
      AppendPhone(rng, *person.locale, nullptr, PhoneKind::kMobile, PhoneStyle::kE164, &field);
    });
    out.Timestamp(RandomInstant(rng, {2019, 1, 1}, {2024, 6, 30}));
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteBillingContacts(const SaasContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kBillingContactRows, static_cast<uint64_t>(id));
    const Person person = RandomPerson(rng);
    const Locale& locale = *person.locale;
    out.Int(id);
    out.Int(rng.Between(1, ctx.workspaces));
    TextOrNull(rng, 0.85, person.FullName(), out);
    text.clear();
    AppendEmail(rng, person, &text);
    out.Text(text);
    BuiltTextOrNull(rng, 0.8, text, out,
                    [&](std::string& field) { AppendBareDigitsPhone(rng, locale, &field); });
    const Address address = RandomAddress(rng, locale);
    TextOrNull(rng, 0.9, address.postal_code, out);
    out.Text(locale.code);
    out.Text(rng.Pick(kCurrencies));
    out.Bool(rng.Chance(0.05));
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteApiTokens(const SaasContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kApiTokenRows, static_cast<uint64_t>(id));
    out.Int(id);
    out.Int(rng.Between(1, ctx.users));
    out.Text(rng.Pick(kTokenLabels));
    text.clear();
    AppendApiKey(rng, &text);
    out.Text(text);
    std::vector<std::string> scopes;
    for (SV scope : kScopes) {
      if (rng.Chance(0.4)) scopes.emplace_back(scope);
    }
    text.clear();
    AppendArrayLiteral(scopes, &text);
    out.Text(text);
    if (rng.Chance(0.7)) {
      out.Timestamp(RandomInstant(rng, {2023, 1, 1}, {2024, 6, 30}));
    } else {
      out.Null();
    }
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteLanguages(const SaasContext& ctx, int64_t rows, CopyWriter& out) {
  (void)ctx;
  for (int64_t i = 0; i < rows && static_cast<size_t>(i) < LanguageCount(); ++i) {
    const Language& language = LanguageAt(static_cast<size_t>(i));
    out.Text(language.code);
    out.Text(language.name);
    out.Text(language.native_name);
    out.Bool(language.rtl);
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

}  // namespace pgveil::datagen
