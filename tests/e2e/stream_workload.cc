#include "tests/e2e/stream_workload.h"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "pg/connection.h"
#include "tests/e2e/e2e_fixture.h"

namespace pgveil::e2e {
namespace {

// documents.body is stored out of line uncompressed, so every body is a
// TOASTed value, and an UPDATE that leaves it alone streams it as unchanged.
constexpr const char* kStreamTablesSql = R"SQL(
CREATE TABLE public.loyalty_cards (
  card_no text PRIMARY KEY, holder text NOT NULL, points int NOT NULL);
INSERT INTO public.loyalty_cards
  SELECT lpad((4000000 + g * 7919)::text, 12, '0'), 'Holder ' || g, g FROM generate_series(1, 200) g;
CREATE TABLE public.newsletter (email text NOT NULL, city text, subscribed boolean NOT NULL);
ALTER TABLE public.newsletter REPLICA IDENTITY FULL;
INSERT INTO public.newsletter
  SELECT 'reader' || g || '@mail' || g % 7 || '.test', 'Town ' || g % 13, true
  FROM generate_series(1, 200) g;
CREATE TABLE public.documents (doc_id int PRIMARY KEY, body jsonb NOT NULL, revision int NOT NULL);
ALTER TABLE public.documents ALTER COLUMN body SET STORAGE EXTERNAL;
INSERT INTO public.documents
  SELECT g, jsonb_build_object('author', jsonb_build_object('email', 'writer' || g || '@docs.test'),
                               'text', repeat('lorem ipsum dolor sit amet ', 200)), 1
  FROM generate_series(1, 60) g;
)SQL";

constexpr const char* kStreamRules = R"(  public.loyalty_cards:
    card_no: {transform: fpe_digits}
    holder: {transform: fake_name}
    points: keep
  public.newsletter:
    email: {transform: email}
    city: {transform: fake_city}
    subscribed: keep
  public.documents:
    doc_id: keep
    revision: keep
    body:
      transform: json
      paths:
        "$.author.email": {transform: email}
)";

// One transaction of the workload, by kind.
std::string StepSql(int round) {
  const std::string canary = fmt::format("{}{}", kCanary, round);
  switch (round % 8) {
    case 0:  // new customers, every masked column a canary
      return fmt::format(
          "INSERT INTO public.customers (first_name, last_name, email, username, created_at, "
          "status, marketing_opt_in, profile) SELECT 'Zq{0}', 'Zq{0}', '{0}.' || g || "
          "'@{0}.test', '{0}_' || g, now(), 'active', false, jsonb_build_object('contact', "
          "jsonb_build_object('email', '{0}.' || g || '@{0}.test'), 'display name', 'Zq{0}') "
          "FROM generate_series(1, 20) g",
          canary);
    case 1:  // masked columns updated in place
      return fmt::format(
          "UPDATE public.customers SET email = '{0}.' || customer_id || '@{0}.test', first_name "
          "= 'Zq{0}' WHERE customer_id % 40 = {1}",
          canary, round % 40);
    case 2:  // a masked primary key changes: the old key must be masked to find the row
      return fmt::format(
          "UPDATE public.loyalty_cards SET card_no = lpad((card_no::bigint + 1000003)::text, 12, "
          "'0'), holder = 'Zq{0}', points = points + 1 WHERE points % 20 = {1}",
          canary, round % 20);
    case 3:  // REPLICA IDENTITY FULL: the whole old row, masked, finds the row
      return fmt::format(
          "UPDATE public.newsletter SET subscribed = NOT subscribed, city = 'Zq{0}' WHERE ctid "
          "IN (SELECT ctid FROM public.newsletter ORDER BY email, city LIMIT 4 OFFSET {1})",
          canary, round % 150);
    case 4:  // deletes, and an insert into the identity-full table
      return fmt::format(
          "DELETE FROM public.support_tickets WHERE ticket_id IN (SELECT ticket_id FROM "
          "public.support_tickets ORDER BY ticket_id LIMIT 3 OFFSET {1}); DELETE FROM "
          "public.newsletter WHERE ctid IN (SELECT ctid FROM public.newsletter ORDER BY city "
          "LIMIT 1); INSERT INTO public.newsletter VALUES ('{0}@{0}.test', 'Zq{0}', true)",
          canary, round % 40);
    case 5:  // TOASTed bodies left unchanged by the update
      return fmt::format(
          "UPDATE public.documents SET revision = revision + 1 WHERE doc_id % 10 = {}", round % 10);
    case 6:  // a TOASTed body replaced
      return fmt::format(
          "UPDATE public.documents SET body = jsonb_set(body, '{{author,email}}', "
          "'\"{0}@{0}.test\"'), revision = revision + 1 WHERE doc_id = {1}",
          canary, 1 + round % 60);
    default:  // now and then a TRUNCATE, refilled in the same transaction
      if (round % 40 != 7) {
        return fmt::format(
            "UPDATE public.customers SET status = CASE status WHEN 'active' THEN 'dormant' ELSE "
            "'active' END WHERE customer_id % 50 = {}",
            round % 50);
      }
      return fmt::format(
          "TRUNCATE public.newsletter; INSERT INTO public.newsletter SELECT '{0}.' || g || "
          "'@{0}.test', 'Zq{0}', g % 2 = 0 FROM generate_series(1, 150) g",
          canary);
  }
}

}  // namespace

void AddStreamTables(const std::string& dsn) { Exec(dsn, kStreamTablesSql); }

std::string WithStreamRules(const std::string& policy_text) {
  return WithTableRules(policy_text, kStreamRules);
}

std::string WithTableRules(const std::string& policy_text, const std::string& rules) {
  const std::string anchor = "\ntables:\n";
  size_t at = policy_text.find(anchor);
  REQUIRE(at != std::string::npos);
  std::string text = policy_text;
  text.insert(at + anchor.size(), rules);
  return text;
}

Workload::Workload(const std::string& dsn) {
  auto connection = pg::Connection::Open(dsn);
  REQUIRE(connection.ok());
  connection_ = std::move(connection).value();
}

Workload::~Workload() = default;

Status Workload::Step(int round) {
  return connection_->Execute("BEGIN; " + StepSql(round) + "; COMMIT")
      .WithContext(fmt::format("workload round {}", round));
}

}  // namespace pgveil::e2e
