// datagen/datagen_main.cc
//
// pgveil-datagen: writes a generated test database (the shop or the
// clinic) as a psql script and its truth file.
//
//   pgveil-datagen --seed 7 --scale 1 --sql shop.sql --truth truth.json
//   pgveil-datagen --dataset clinic --seed 7 --sql clinic.sql --truth clinic-truth.json
//   psql -v ON_ERROR_STOP=1 -f shop.sql
//
// Exit codes follow pgveil's: 0 success, 2 usage error, 3 I/O failure.

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "datagen/generator.h"
#include "datagen/sql_script_sink.h"

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitRuntime = 3;

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f != nullptr && f != stdout) std::fclose(f);
  }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

File OpenOutput(const std::string& path) {
  if (path == "-") return File(stdout);
  return File(std::fopen(path.c_str(), "wb"));
}

// The generated databases, by the name --dataset takes.
struct Dataset {
  const char* name;
  pgveil::Status (*generate)(const pgveil::datagen::GeneratorOptions&, pgveil::datagen::Sink&);
  std::vector<pgveil::datagen::TruthEntry> (*truth)(const pgveil::datagen::GeneratorOptions&);
};
constexpr Dataset kDatasets[] = {
    {"shop", pgveil::datagen::GenerateShop, pgveil::datagen::ShopTruth},
    {"clinic", pgveil::datagen::GenerateClinic, pgveil::datagen::ClinicTruth},
    {"saas", pgveil::datagen::GenerateSaas, pgveil::datagen::SaasTruth},
};

int Fail(int code, const std::string& message) {
  std::fprintf(stderr, "pgveil-datagen: %s\n", message.c_str());
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Generate one of pgveil's test databases as a psql script, with its truth file"};
  pgveil::datagen::GeneratorOptions options;
  std::string dataset_name = "shop", sql_path, truth_path;
  bool stats = false;
  app.add_option("--dataset", dataset_name, "which database: shop, clinic or saas")
      ->check(CLI::IsMember({"shop", "clinic", "saas"}))
      ->capture_default_str();
  app.add_option("--seed", options.seed, "PRNG seed; the same seed gives byte-identical output")
      ->default_val(1);
  app.add_option("--scale", options.scale,
                 "1 = about 2,000 customers and 6,000 orders (shop), 2,500 inpatients (clinic), "
                 "1,500 users and 8,000 events (saas)")
      ->default_val(1.0)
      ->check(CLI::PositiveNumber);
  app.add_option("--sql", sql_path, "where to write the SQL script ('-' for stdout)")->required();
  app.add_option("--truth", truth_path, "where to write the truth JSON ('-' for stdout)");
  app.add_flag("--stats", stats, "print bytes written and throughput to stderr");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  if (sql_path == "-" && truth_path == "-") {
    return Fail(kExitUsage, "--sql and --truth cannot both be stdout");
  }

  const Dataset* dataset = &kDatasets[0];
  for (const Dataset& d : kDatasets) {
    if (dataset_name == d.name) dataset = &d;
  }

  File sql = OpenOutput(sql_path);
  if (!sql) return Fail(kExitRuntime, "cannot open " + sql_path + " for writing");
  static char buffer[1 << 20];
  std::setvbuf(sql.get(), buffer, _IOFBF, sizeof buffer);

  const auto start = std::chrono::steady_clock::now();
  pgveil::datagen::SqlScriptSink sink(sql.get());
  if (pgveil::Status s = dataset->generate(options, sink); !s.ok()) {
    return Fail(s.code() == pgveil::StatusCode::kInvalidArgument ? kExitUsage : kExitRuntime,
                s.message());
  }
  if (std::fflush(sql.get()) != 0) return Fail(kExitRuntime, "writing " + sql_path + " failed");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  if (!truth_path.empty()) {
    File truth = OpenOutput(truth_path);
    if (!truth) return Fail(kExitRuntime, "cannot open " + truth_path + " for writing");
    const std::string json = pgveil::datagen::TruthToJson(dataset->truth(options));
    if (std::fwrite(json.data(), 1, json.size(), truth.get()) != json.size() ||
        std::fflush(truth.get()) != 0) {
      return Fail(kExitRuntime, "writing " + truth_path + " failed");
    }
  }
  if (stats) {
    std::fprintf(stderr, "pgveil-datagen: %llu bytes in %.2f s (%.0f MB/s)\n",
                 static_cast<unsigned long long>(sink.bytes()), seconds,
                 static_cast<double>(sink.bytes()) / 1e6 / (seconds > 0 ? seconds : 1e-9));
  }
  return 0;
}
