// datagen/saas_rows_product.cc
//
// What the product tracks: projects, issues, releases with codenames,
// four-part versions, build numbers and commit hashes, client devices,
// feature flags, and the event log whose payloads nest objects in arrays:
// the only personal data in it is the acting user's name, e-mail and IP.

#include "datagen/date_time.h"
#include "datagen/decoys.h"
#include "datagen/format_util.h"
#include "datagen/json_writer.h"
#include "datagen/network.h"
#include "datagen/nullable_field.h"
#include "datagen/online_identity.h"
#include "datagen/person.h"
#include "datagen/saas_rows.h"
#include "datagen/saas_values.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

constexpr SV kProjectStatus[] = {"active", "active", "active", "paused", "archived"};
constexpr SV kVisibility[] = {"private", "internal", "public"};
constexpr SV kPriorities[] = {"urgent", "high", "medium", "low", "none"};
constexpr SV kStates[] = {"backlog", "todo", "in_progress", "in_review", "done", "cancelled"};
constexpr SV kChannels[] = {"stable", "beta", "nightly", "lts"};
constexpr SV kPlatforms[] = {"ios", "android", "web", "macos", "windows", "linux"};
constexpr SV kTeams[] = {"growth", "platform", "billing", "mobile", "search", "core"};
constexpr SV kEventKinds[] = {"issue.created",     "issue.updated",  "comment.added",
                              "release.published", "member.invited", "session.started"};
constexpr SV kAppNames[] = {"web-console", "ios-app", "android-app", "cli", "api"};
constexpr SV kFields[] = {"state", "priority", "label", "estimate", "title"};
constexpr SV kColours[] = {"#d73a4a", "#0075ca", "#a2eeef", "#7057ff", "#008672", "#e4e669"};
constexpr SV kBots[] = {"GitHub Actions", "Release Bot", "Zapier", "Scheduler"};
constexpr SV kOsNames[] = {"iOS 17.4.1", "Android 14", "macOS 14.3", "Windows 11", "Ubuntu 22.04"};

void AppendOsVersion(Rng& rng, std::string* out) {
  AppendInt(rng.Between(10, 17), out);
  out->push_back('.');
  AppendInt(rng.Between(0, 6), out);
  if (rng.Chance(0.6)) {
    out->push_back('.');
    AppendInt(rng.Between(0, 3), out);
  }
}

void AppendChange(Rng& rng, JsonWriter& json, std::string& text) {
  SV field = rng.Pick(kFields);
  json.BeginObject();
  json.Field("field", field);
  for (SV side : {SV("from"), SV("to")}) {
    if (field == "state") {
      json.Field(side, rng.Pick(kStates));
    } else if (field == "priority") {
      json.Field(side, rng.Pick(kPriorities));
    } else if (field == "label") {
      json.Field(side, PickIssueLabel(rng));
    } else if (field == "estimate") {
      json.Key(side);
      json.Int(rng.Between(1, 13));
    } else {
      text.clear();
      AppendIssueTitle(rng, &text);
      json.Field(side, text);
    }
  }
  json.EndObject();
}

void AppendPayload(Rng& rng, const SaasContext& ctx, SV kind, std::string* out) {
  std::string text;
  JsonWriter json(out);
  json.BeginObject();
  json.Key("actor");
  json.BeginObject();
  const bool bot = rng.Chance(0.1);
  json.Key("id");
  json.Int(rng.Between(1, ctx.users));
  json.Field("type", bot ? "integration" : "user");
  if (bot) {
    json.Field("name", rng.Pick(kBots));
  } else {
    const Person person = RandomPerson(rng);
    json.Field("name", person.FullName());
    if (rng.Chance(0.4)) {
      text.clear();
      AppendEmail(rng, person, &text);
      json.Field("email", text);
    }
  }
  json.EndObject();
  json.Key("context");
  json.BeginObject();
  json.Key("app");
  json.BeginObject();
  json.Field("name", rng.Pick(kAppNames));
  text.clear();
  AppendFourPartVersion(rng, &text);
  json.Field("version", text);
  text.clear();
  AppendBuildNumber(rng, &text);
  json.Field("build", text);
  json.EndObject();
  json.Key("client");
  json.BeginObject();
  text.clear();
  AppendIp(rng, 0.85, &text);
  json.Field("ip", text);
  json.Field("os", rng.Pick(kOsNames));
  json.EndObject();
  json.Key("flags");
  json.BeginArray();
  for (int i = static_cast<int>(rng.Between(0, 3)); i > 0; --i) {
    json.BeginObject();
    json.Field("key", PickFlagKey(rng));
    json.Field("variant", rng.Chance(0.5) ? "control" : "treatment");
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  json.Key("target");
  json.BeginObject();
  const bool issue = kind.starts_with("issue") || kind.starts_with("comment");
  json.Field("type", issue ? "issue" : kind.starts_with("release") ? "release" : "workspace");
  json.Key("id");
  json.Int(rng.Between(1, 100000));
  text.clear();
  if (issue) {
    AppendIssueTitle(rng, &text);
  } else {
    text.append(PickCodename(rng));
  }
  json.Field("title", text);
  json.EndObject();
  if (kind == "issue.updated") {
    json.Key("changes");
    json.BeginArray();
    for (int i = static_cast<int>(rng.Between(1, 3)); i > 0; --i) AppendChange(rng, json, text);
    json.EndArray();
  }
  if (issue && rng.Chance(0.6)) {
    json.Key("labels");
    json.BeginArray();
    for (int i = static_cast<int>(rng.Between(1, 3)); i > 0; --i) {
      json.BeginObject();
      json.Field("name", PickIssueLabel(rng));
      json.Field("color", rng.Pick(kColours));
      json.EndObject();
    }
    json.EndArray();
  }
  json.EndObject();
}

}  // namespace

Status WriteProjects(const SaasContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kProjectRows, static_cast<uint64_t>(id));
    out.Int(id);
    out.Int(rng.Between(1, ctx.workspaces));
    text.clear();
    for (int i = 0; i < 3; ++i) text.push_back(rng.Upper());
    AppendInt(id, &text);
    out.Text(text);
    text.clear();
    AppendProjectName(rng, &text);
    out.Text(text);
    out.Text(rng.Pick(kProjectStatus));
    out.Text(rng.Pick(kVisibility));
    BuiltTextOrNull(rng, 0.5, text, out, [&](std::string& field) {
      field.append("Tracks work on ");
      AppendProjectName(rng, &field);
      field.append(" for the ");
      field.append(rng.Pick(kTeams));
      field.append(" team.");
    });
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteIssues(const SaasContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kIssueRows, static_cast<uint64_t>(id));
    out.Int(id);
    out.Int(rng.Between(1, ctx.projects));
    text.clear();
    AppendIssueTitle(rng, &text);
    out.Text(text);
    const SV label = PickIssueLabel(rng);  // one draw per statement
    TextOrNull(rng, 0.7, label, out);
    out.Text(rng.Pick(kPriorities));
    out.Text(rng.Pick(kStates));
    if (rng.Chance(0.6)) {
      out.Int(rng.Between(1, ctx.users));
    } else {
      out.Null();
    }
    if (rng.Chance(0.5)) {
      out.Int(rng.Between(1, 13));
    } else {
      out.Null();
    }
    BuiltTextOrNull(rng, 0.4, text, out,
                    [&](std::string& field) { AppendDottedVersion(rng, &field); });
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteReleases(const SaasContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kReleaseRows, static_cast<uint64_t>(id));
    out.Int(id);
    out.Int(rng.Between(1, ctx.projects));
    out.Text(PickCodename(rng));
    text.clear();
    AppendDottedVersion(rng, &text);
    out.Text(text);
    text.clear();
    AppendBuildNumber(rng, &text);
    out.Text(text);
    text.clear();
    AppendHexDigest(rng, 20, &text);  // a git commit: 40 hex digits, no secret
    out.Text(text);
    out.Text(rng.Pick(kChannels));
    if (rng.Chance(0.8)) {
      out.Timestamp(RandomInstant(rng, {2021, 1, 1}, {2024, 6, 30}));
    } else {
      out.Null();
    }
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteDevices(const SaasContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kDeviceRows, static_cast<uint64_t>(id));
    out.Int(id);
    out.Int(rng.Between(1, ctx.users));
    out.Text(rng.Pick(kPlatforms));
    text.clear();
    AppendFourPartVersion(rng, &text);
    out.Text(text);
    text.clear();
    AppendOsVersion(rng, &text);
    out.Text(text);
    out.Text(PickDeviceModel(rng));
    out.Timestamp(RandomInstant(rng, {2023, 1, 1}, {2024, 6, 30}));
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteFeatureFlags(const SaasContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kFeatureFlagRows, static_cast<uint64_t>(id));
    text.clear();
    text.append(PickFlagKey(rng));
    text.push_back('-');
    AppendInt(id, &text);  // keys are unique
    out.Text(text);
    text.clear();
    AppendProjectName(rng, &text);
    text.append(" rollout");
    out.Text(text);
    out.Text(rng.Pick(kTeams));
    out.Int(rng.Between(0, 10) * 10);
    BuiltTextOrNull(rng, 0.6, text, out,
                    [&](std::string& field) { AppendDottedVersion(rng, &field); });
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteEvents(const SaasContext& ctx, int64_t rows, CopyWriter& out) {
  std::string json;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kEventRows, static_cast<uint64_t>(id));
    SV kind = rng.Pick(kEventKinds);
    out.Int(id);
    out.Int(rng.Between(1, ctx.workspaces));
    out.Text(kind);
    out.Timestamp(RandomInstant(rng, {2024, 1, 1}, {2024, 6, 30}));
    json.clear();
    AppendPayload(rng, ctx, kind, &json);
    out.Text(json);
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

}  // namespace pgveil::datagen
