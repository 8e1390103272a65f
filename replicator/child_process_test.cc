#include "replicator/child_process.h"

#include <catch2/catch.hpp>

#include <cstdlib>

namespace pgveil::replicator {

TEST_CASE("a child's exit code, stdout and stderr come back", "[replicator]") {
  Result<ChildOutput> output =
      RunChild({"sh", "-c", "echo out; echo err >&2; exit 3"}, {}, /*capture_stdout=*/true);
  REQUIRE(output.ok());
  CHECK(output->exit_code == 3);
  CHECK(output->out == "out\n");
  CHECK(output->err == "err\n");
}

TEST_CASE("the child gets the extra environment, replacing what was there", "[replicator]") {
  Result<ChildOutput> output = RunChild({"sh", "-c", "printf %s \"$PGPASSWORD\""},
                                        {"PGPASSWORD=from-dsn"}, /*capture_stdout=*/true);
  REQUIRE(output.ok());
  CHECK(output->out == "from-dsn");
}

TEST_CASE("the masking key never reaches a child's environment", "[replicator]") {
  setenv("PGVEIL_KEY", "key-of-the-parent", 1);
  Result<ChildOutput> output =
      RunChild({"sh", "-c", "printf %s \"${PGVEIL_KEY-unset}\""}, {}, /*capture_stdout=*/true);
  unsetenv("PGVEIL_KEY");
  REQUIRE(output.ok());
  CHECK(output->out == "unset");
}

TEST_CASE("a program that is not installed is NotFound", "[replicator]") {
  Result<ChildOutput> output = RunChild({"pgveil-no-such-program"}, {}, false);
  REQUIRE_FALSE(output.ok());
  CHECK(output.status().code() == StatusCode::kNotFound);
}

TEST_CASE("error summaries keep the program's own lines and drop DETAIL and SQL", "[replicator]") {
  const std::string err =
      "pg_restore: while PROCESSING TOC:\n"
      "pg_restore: from TOC entry 3350; 1259 16512 INDEX orders_order_no_key postgres\n"
      "pg_restore: error: could not execute query: ERROR:  could not create unique index "
      "\"orders_order_no_key\"\n"
      "DETAIL:  Key (order_no)=(5550100123) is duplicated.\n"
      "Command was: CREATE UNIQUE INDEX orders_order_no_key ON public.orders USING btree "
      "(order_no);\n"
      "pg_restore: warning: errors ignored on restore: 1\n";
  std::string summary = ChildErrorSummary("pg_restore", err);
  CHECK(summary.find("could not create unique index \"orders_order_no_key\"") != std::string::npos);
  CHECK(summary.find("5550100123") == std::string::npos);
  CHECK(summary.find("Command was") == std::string::npos);
  CHECK(summary.find("PROCESSING") == std::string::npos);
  CHECK(summary.find("ERROR:") == std::string::npos);
  CHECK(ChildErrorSummary("pg_dump", "") == "pg_dump failed without a message");
}

}  // namespace pgveil::replicator
