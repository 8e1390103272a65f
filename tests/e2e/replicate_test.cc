// pgveil replicate end to end, between two real clusters: the generated
// shop (with a generated column, a partitioned table, a materialized view
// and a skipped table that other tables reference) is copied with its
// bootstrapped policy, then the target is held against the source: same
// rows per table, no masked value equal to its source value, constraints
// and joins intact, no raw value of a masked column anywhere on the target,
// and a rerun that is refused or starts over cleanly.
//
// Values are compared, never printed: every INFO names a column and counts.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "core/identifier.h"
#include "policy/policy_loader.h"
#include "tests/e2e/e2e_fixture.h"

namespace pgveil::e2e {
namespace {

constexpr const char* kSkippedTable = "\"CRM Daten\".\"Kunden Kontakte\"";

std::vector<std::string> Column0(const Rows& rows) {
  std::vector<std::string> values;
  for (const auto& row : rows) values.push_back(row.at(0).value_or(""));
  return values;
}

// Transformers whose output may equal the input: generalisers by design,
// and keyed draws from small spaces (names, cities, date shifts) by chance.
bool MayKeepSome(const std::string& transformer) {
  static const std::set<std::string> kinds = {
      "postal_generalize", "date_generalize", "age_cap",        "numeric_noise",
      "date_shift",        "fake_first_name", "fake_last_name", "fake_name",
      "fake_street",       "fake_city",       "phone",          "constant"};
  return kinds.count(transformer) > 0;
}

bool Generalises(const std::string& transformer) {
  return transformer == "postal_generalize" || transformer == "date_generalize" ||
         transformer == "age_cap";
}

// "schema.table" of the policy as a quoted SQL name.
std::string SqlName(const policy::TableName& table) {
  return QuoteQualified(table.schema, table.name);
}

// Primary-key expression of `table` on the source, as text.
std::string KeyExpression(const std::string& dsn, const std::string& table) {
  Rows keys = Query(dsn,
                    "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = "
                    "i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indisprimary AND "
                    "i.indrelid = " +
                        QuoteLiteral(table) + "::regclass ORDER BY a.attnum");
  REQUIRE(!keys.empty());
  std::string expression;
  for (const auto& key : keys) {
    expression += (expression.empty() ? "" : " || '|' || ") + QuoteIdent(*key[0]) + "::text";
  }
  return expression;
}

std::map<std::string, std::optional<std::string>> ByKey(const std::string& dsn,
                                                        const std::string& sql) {
  std::map<std::string, std::optional<std::string>> values;
  for (auto& row : Query(dsn, sql)) values[row[0].value_or("")] = row[1];
  return values;
}

std::set<std::string> ValueSet(const std::string& dsn, const std::string& sql) {
  std::set<std::string> values;
  for (auto& row : Query(dsn, sql)) {
    if (row[0] && !row[0]->empty()) values.insert(*row[0]);
  }
  return values;
}

size_t Shared(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t n = 0;
  for (const std::string& value : a) n += b.count(value);
  return n;
}

// Every masked column of every copied table: row by row against the source
// (same primary key), and as sets (no source value anywhere in the column).
void CheckMaskedColumns(const std::string& source, const std::string& target,
                        const policy::Policy& policy) {
  int columns_checked = 0;
  for (const auto& [name, rule] : policy.tables) {
    if (rule.skip) continue;
    const std::string table = SqlName(name);
    if (IsMaterializedView(source, table)) {
      continue;  // refreshed from masked data; checked on its own
    }
    const std::string key = KeyExpression(source, table);
    for (const auto& [column, column_rule] : rule.columns) {
      if (column_rule.kind == policy::ColumnRule::Kind::kKeep ||
          column_rule.transformer == "keep" || column == "email_domain") {
        continue;
      }
      const std::string where =
          table + "." + QuoteIdent(column) + " (" + column_rule.transformer + ")";
      INFO(where);
      if (column_rule.transformer == "json") {
        for (const policy::PathRule& path : column_rule.paths) {
          if (path.action != policy::PathRule::Action::kTransform ||
              MayKeepSome(path.transformer) || path.IsKeep()) {
            continue;
          }
          INFO("path " << path.path << " (" << path.transformer << ")");
          std::string sql = "SELECT jsonb_path_query(" + QuoteIdent(column) + "::jsonb, " +
                            QuoteLiteral(path.path) + ") #>> '{}' FROM " + table;
          std::set<std::string> before = ValueSet(source, sql);
          std::set<std::string> after = ValueSet(target, sql);
          CHECK(Shared(before, after) == 0);
          CHECK((before.empty() || !after.empty()));
        }
        ++columns_checked;
        continue;
      }
      std::string sql = "SELECT " + key + ", " + QuoteIdent(column) + "::text FROM " + table;
      auto before = ByKey(source, sql);
      auto after = ByKey(target, sql);
      REQUIRE(before.size() == after.size());
      size_t compared = 0, equal = 0;
      for (const auto& [row_key, value] : before) {
        if (!value || value->empty()) continue;
        ++compared;
        auto found = after.find(row_key);
        REQUIRE(found != after.end());
        if (found->second == value) ++equal;
      }
      INFO(equal << " of " << compared << " values unchanged");
      if (!MayKeepSome(column_rule.transformer)) {
        CHECK(equal == 0);
        std::string distinct = "SELECT DISTINCT " + QuoteIdent(column) + "::text FROM " + table;
        CHECK(Shared(ValueSet(source, distinct), ValueSet(target, distinct)) == 0);
      } else if (!Generalises(column_rule.transformer)) {
        CHECK(equal * 50 <= compared);  // at most 2 %, by chance
      }
      ++columns_checked;
    }
  }
  CHECK(columns_checked >= 20);
}

void CheckRowCounts(const std::string& source, const std::string& target) {
  std::vector<std::string> tables = UserTables(source);
  std::vector<std::string> copied = UserTables(target);
  std::vector<std::string> expected;
  for (const std::string& table : tables) {
    if (table != kSkippedTable) expected.push_back(table);
  }
  CHECK(copied == expected);
  for (const std::string& table : expected) {
    INFO(table);
    CHECK(Count(target, "SELECT count(*) FROM " + table) ==
          Count(source, "SELECT count(*) FROM " + table));
  }
  CHECK(Scalar(target, std::string("SELECT to_regclass('") + kSkippedTable + "')").empty());
}

// Constraints and indexes of the source, less those of and into the
// skipped table, all exist and are valid on the target; joins along every
// foreign key return as many rows as on the source.
void CheckConstraintsAndJoins(const std::string& source, const std::string& target) {
  const std::string constraints = std::string(R"SQL(
SELECT conrelid::regclass::text || ' ' || conname || ' ' || contype::text
FROM pg_constraint WHERE connamespace::regnamespace::text NOT IN ('pg_catalog', 'information_schema', 'pgveil')
  AND conrelid <> 0 AND conrelid IS DISTINCT FROM to_regclass(')SQL") +
                                  kSkippedTable + R"SQL(')
  AND confrelid IS DISTINCT FROM to_regclass(')SQL" +
                                  kSkippedTable + R"SQL(')
  AND NOT (contype = 'f' AND confrelid = 0)
ORDER BY 1)SQL";
  std::vector<std::string> expected = Column0(Query(source, constraints));
  CHECK(expected.size() > 20);
  CHECK(Column0(Query(target, constraints)) == expected);
  CHECK(Count(target, "SELECT count(*) FROM pg_constraint WHERE NOT convalidated") == 0);
  const std::string indexes = std::string(R"SQL(
SELECT indexrelid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pgveil') AND n.nspname NOT LIKE 'pg\_%'
  AND i.indrelid IS DISTINCT FROM to_regclass(')SQL") +
                              kSkippedTable + "') ORDER BY 1";
  CHECK(Column0(Query(target, indexes)) == Column0(Query(source, indexes)));

  Rows foreign_keys = Query(target, R"SQL(
SELECT format('SELECT count(*) FROM %s c JOIN %s p ON c.%I = p.%I', conrelid::regclass,
              confrelid::regclass, a.attname, af.attname)
FROM pg_constraint
JOIN pg_attribute a ON a.attrelid = conrelid AND a.attnum = conkey[1]
JOIN pg_attribute af ON af.attrelid = confrelid AND af.attnum = confkey[1]
WHERE contype = 'f' AND cardinality(conkey) = 1 AND conparentid = 0)SQL");
  CHECK(foreign_keys.size() >= 9);
  for (const auto& row : foreign_keys) {
    INFO(*row[0]);
    CHECK(Count(target, *row[0]) == Count(source, *row[0]));
  }
}

void CheckDerivedData(const std::string& source, const std::string& target) {
  // The generated column was computed on the target, from the masked email.
  CHECK(Count(target,
              "SELECT count(*) FROM public.customers WHERE email_domain IS DISTINCT "
              "FROM split_part(email, '@', 2)") == 0);
  // The materialized view was refreshed from masked rows.
  CHECK(Count(target, "SELECT count(*) FROM public.customer_value") ==
        Count(source, "SELECT count(*) FROM public.customer_value"));
  std::string emails = "SELECT email FROM public.customer_value";
  CHECK(Shared(ValueSet(source, emails), ValueSet(target, emails)) == 0);
  // Sequences continue where the source's are (identities restarted past
  // the loaded ids have is_called false, which must survive too).
  std::vector<std::string> sequences = Column0(Query(
      source,
      "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n "
      "ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND c.relname NOT LIKE 'Kunden Kontakte%' "
      "ORDER BY 1"));
  CHECK(sequences.size() >= 8);
  for (const std::string& sequence : sequences) {
    INFO(sequence);
    std::string state = "SELECT last_value || ' ' || is_called FROM " + sequence;
    CHECK(Scalar(target, state) == Scalar(source, state));
  }
}

policy::Policy LoadedPolicy(const std::string& text) {
  Result<policy::Policy> loaded = policy::LoadPolicy(text, "pgveil.yaml");
  REQUIRE(loaded.ok());
  return std::move(loaded).value();
}

}  // namespace

TEST_CASE("a masked copy matches the source in shape and shares no personal data with it",
          "[e2e]") {
  Fixture& f = Fixture::Get();
  const std::string target = f.FreshTarget("staging");
  // Tiny ranges, so that even the small shop is copied in parallel page ranges.
  testing::ProcessResult run = Replicate(f.source(), target, f.policy_path(),
                                         {"--snapshot-only", "--jobs", "2", "--split-pages", "4"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("public.orders") != std::string::npos);
  CHECK(run.out.find("replication slot") != std::string::npos);
  CHECK(run.err.find("created the replication slot") != std::string::npos);

  CHECK(Query(target,
              "SELECT status, slot, consistent_lsn IS NOT NULL, finished_at IS NOT NULL "
              "FROM pgveil.replication_state") == Rows{{"complete", std::nullopt, "t", "t"}});
  CHECK(PgveilSlots(f.source()).empty());  // --snapshot-only leaves no slot

  CheckRowCounts(f.source(), target);
  CheckMaskedColumns(f.source(), target, LoadedPolicy(f.policy_text()));
  CheckConstraintsAndJoins(f.source(), target);
  CheckDerivedData(f.source(), target);

  // pgveil check holds the target to the policy, less the skipped table
  // (not there) and with pgveil's own state tables (there) skipped.
  std::string text = f.policy_text();
  size_t skip = text.find("Kunden Kontakte");
  REQUIRE(skip != std::string::npos);
  size_t line = text.rfind('\n', skip) + 1;
  text.erase(line, text.find('\n', skip) + 1 - line);
  text.replace(text.find("tables:\n"), 8,
               "tables:\n  pgveil.replication_state: skip\n  pgveil.stream_tables: skip\n");
  std::string target_policy = f.work_dir() + "/target.yaml";
  WriteFile(target_policy, text);
  testing::ProcessResult check =
      testing::RunPgveil({"check", "--dsn", target, "--policy", target_policy, "--mode", "strict"});
  {
    INFO(check.out);
    CHECK(check.exit_code == 0);
  }

  // A rerun into the finished target is refused and changes nothing.
  testing::ProcessResult refused =
      Replicate(f.source(), target, f.policy_path(), {"--snapshot-only"});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--force") != std::string::npos);
  CHECK(Scalar(target, "SELECT status FROM pgveil.replication_state") == "complete");

  // With --force it starts over and ends with the same copy: masking is
  // deterministic under one key.
  std::string first_start = Scalar(target, "SELECT started_at FROM pgveil.replication_state");
  std::string emails = "SELECT string_agg(email, ',' ORDER BY customer_id) FROM public.customers";
  std::string first_emails = Scalar(target, emails);
  testing::ProcessResult again =
      Replicate(f.source(), target, f.policy_path(), {"--snapshot-only", "--force"});
  {
    INFO(again.err);
    REQUIRE(again.exit_code == 0);
  }
  CHECK(again.out.find("the target was emptied first") != std::string::npos);
  CHECK(Scalar(target, "SELECT started_at FROM pgveil.replication_state") != first_start);
  CheckRowCounts(f.source(), target);
  CHECK(Scalar(target, emails) == first_emails);
  CHECK(PgveilSlots(f.source()).empty());
}

}  // namespace pgveil::e2e
