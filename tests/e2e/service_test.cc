// pgveil replicate as a service, end to end: streaming with --log-format
// json and --metrics-listen while a workload writes. Every line on stderr
// must be one JSON object with time, level, event and message, none holding
// a value the workload wrote; the metrics page, scraped during the run,
// shows the stream up and rows applied, and its lag falls to zero once the
// workload stops.
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <httplib.h>

#include <chrono>
#include <map>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/stream_checks.h"
#include "tests/e2e/stream_workload.h"

namespace pgveil::e2e {
namespace {

// The samples of a Prometheus text page, by name (labels included).
std::map<std::string, double> Scrape(int port) {
  httplib::Client client("127.0.0.1", port);
  httplib::Result page = client.Get("/metrics");
  REQUIRE(page);
  REQUIRE(page->status == 200);
  std::map<std::string, double> samples;
  std::istringstream lines(page->body);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t space = line.rfind(' ');
    samples[line.substr(0, space)] = std::stod(line.substr(space + 1));
  }
  return samples;
}

}  // namespace

TEST_CASE("a streaming replicate logs JSON lines and serves metrics whose lag falls to zero",
          "[e2e][service]") {
  Fixture& f = Fixture::Get();
  std::string policy_path;
  const std::string source = f.BigSource("shop_service", 0.3, &policy_path);
  AddStreamTables(source);
  WriteFile(policy_path, WithStreamRules(ReadFile(policy_path)));
  const std::string target = f.FreshTarget("service");

  Child child = SpawnReplicate(source, target, policy_path,
                               {"--log-format", "json", "--metrics-listen", "127.0.0.1:0"});
  REQUIRE(WaitFor(child, "\"event\":\"streaming\"", 120));
  const std::string started = ReadFile(child.err_path);
  const size_t at = started.find("http://127.0.0.1:");
  REQUIRE(at != std::string::npos);
  const int port = std::stoi(started.substr(at + 17));

  Workload writes(source);
  WorkloadThread workload([&writes](int round) { return writes.Step(round); });
  std::this_thread::sleep_for(std::chrono::seconds(2));
  const std::map<std::string, double> busy = Scrape(port);
  CHECK(busy.at("pgveil_stream_up") == 1);
  CHECK(busy.at("pgveil_row_changes_applied_total") > 0);
  CHECK(busy.at("pgveil_applied_lsn_bytes") > 0);
  CHECK(busy.count("pgveil_errors_total{side=\"source\"}") == 1);
  std::this_thread::sleep_for(std::chrono::seconds(1));
  const std::map<std::string, double> later = Scrape(port);
  CHECK(later.at("pgveil_row_changes_applied_total") >
        busy.at("pgveil_row_changes_applied_total"));
  CHECK(later.at("pgveil_row_changes_per_second") > 0);
  workload.Stop();

  // Caught up: no bytes and no seconds behind, within a few keepalives.
  std::map<std::string, double> idle;
  for (int i = 0; i < 100; ++i) {
    idle = Scrape(port);
    if (idle.at("pgveil_lag_bytes") == 0 && idle.at("pgveil_lag_seconds") == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  CHECK(idle.at("pgveil_lag_bytes") == 0);
  CHECK(idle.at("pgveil_lag_seconds") == 0);
  CHECK(idle.at("pgveil_stream_up") == 1);

  kill(child.pid, SIGTERM);
  int status = 0;
  REQUIRE(waitpid(child.pid, &status, 0) == child.pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);

  const std::string log = ReadFile(child.err_path);
  std::istringstream lines(log);
  std::map<std::string, int> events;
  int parsed = 0;
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json event = nlohmann::json::parse(line, nullptr, false);
    INFO("line " << parsed + 1 << " of stderr is not one JSON event");
    REQUIRE(event.is_object());
    CHECK(event["time"].is_string());
    CHECK(event["level"].is_string());
    CHECK(event["message"].is_string());
    ++events[event["event"].get<std::string>()];
    ++parsed;
  }
  CHECK(parsed > 5);
  CHECK(events["phase"] > 0);
  CHECK(events["metrics"] == 1);
  CHECK(events["streaming"] == 1);
  CHECK(events["stopped"] == 1);
  CHECK_FALSE(HasCanary(log));
  CHECK(testing::RunPgveil({"replicate", "cleanup", "--source", source, "--target", target})
            .exit_code == 0);
}

}  // namespace pgveil::e2e
