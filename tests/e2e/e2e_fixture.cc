#include "tests/e2e/e2e_fixture.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/identifier.h"
#include "datagen/generator.h"
#include "pg/connection.h"
#include "pg/database_loader.h"

namespace pgveil::e2e {
namespace {

std::string TempDir() {
  std::string pattern = "/tmp/pgveil-e2e-XXXXXX";
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  return pattern;
}

void LoadShop(const std::string& dsn, double scale) {
  auto loader = pg::DatabaseLoader::Open(dsn);
  REQUIRE(loader.ok());
  datagen::GeneratorOptions options;
  options.seed = 7;
  options.scale = scale;
  Status loaded = datagen::GenerateShop(options, **loader);
  INFO(loaded.message());
  REQUIRE(loaded.ok());
  // A generated column: not copied, recomputed on the target from masked data.
  Exec(dsn,
       "ALTER TABLE public.customers ADD COLUMN email_domain text "
       "GENERATED ALWAYS AS (split_part(email, '@', 2)) STORED");
}

// This process's environment with `changes` applied: "NAME=value" sets
// NAME, "-NAME" removes it.
std::vector<std::string> ChildEnvironment(const std::vector<std::string>& changes) {
  auto name_of = [](const std::string& setting) { return setting.substr(0, setting.find('=')); };
  std::vector<std::string> environment;
  for (char** setting = environ; *setting != nullptr; ++setting) {
    const std::string name = name_of(*setting);
    bool changed = false;
    for (const std::string& change : changes) {
      changed = changed || name == (change.starts_with("-") ? change.substr(1) : name_of(change));
    }
    if (!changed) environment.emplace_back(*setting);
  }
  for (const std::string& change : changes) {
    if (!change.starts_with("-")) environment.push_back(change);
  }
  return environment;
}

std::vector<std::string> ReplicateArgs(const std::string& source, const std::string& target,
                                       const std::string& policy,
                                       const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"replicate", "--source", source, "--target",
                                   target,      "--policy", policy};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

}  // namespace

Rows Query(const std::string& dsn, const std::string& sql) {
  auto connection = pg::Connection::Open(dsn);
  INFO((connection.ok() ? "" : connection.status().message()));
  REQUIRE(connection.ok());
  auto rows = (*connection)->Query(sql);
  INFO((rows.ok() ? "" : rows.status().message()));
  REQUIRE(rows.ok());
  return std::move(rows).value();
}

std::string Scalar(const std::string& dsn, const std::string& sql) {
  Rows rows = Query(dsn, sql);
  if (rows.empty() || rows[0].empty() || !rows[0][0]) return "";
  return *rows[0][0];
}

int64_t Count(const std::string& dsn, const std::string& sql) {
  return std::atoll(Scalar(dsn, sql).c_str());
}

void Exec(const std::string& dsn, const std::string& sql) {
  auto connection = pg::Connection::Open(dsn);
  REQUIRE(connection.ok());
  Status status = (*connection)->Execute(sql);
  INFO(status.message());
  REQUIRE(status.ok());
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  REQUIRE(out.good());
}

Fixture& Fixture::Get() {
  // Destroyed at exit, which stops both clusters; a failed start destroys
  // what it started at once.
  static std::unique_ptr<Fixture> fixture;
  if (!fixture) {
    std::unique_ptr<Fixture> f(new Fixture());
    f->source_cluster_ = testing::TestCluster::Start();
    f->target_cluster_ = testing::TestCluster::Start();
    f->work_dir_ = TempDir();
    f->source_ = f->source_cluster_->FreshDatabase("shop");
    LoadShop(f->source_, 0.5);
    std::string drafted = f->work_dir_ + "/drafted.yaml";
    Bootstrap(f->source_, drafted);
    f->policy_text_ = SkipTable(ReviewDraft(ReadFile(drafted)), "Kunden Kontakte");
    f->policy_path_ = f->work_dir_ + "/pgveil.yaml";
    WriteFile(f->policy_path_, f->policy_text_);
    fixture = std::move(f);
  }
  return *fixture;
}

Fixture::~Fixture() {
  std::error_code ignored;
  if (!work_dir_.empty()) std::filesystem::remove_all(work_dir_, ignored);
}

std::string Fixture::FreshTarget(const std::string& name) const {
  return target_cluster_->FreshDatabase(name);
}

std::string Fixture::BigSource(const std::string& name, double scale,
                               std::string* policy_path) const {
  std::string dsn = source_cluster_->FreshDatabase(name);
  LoadShop(dsn, scale);
  *policy_path = work_dir_ + "/" + name + ".yaml";
  Bootstrap(dsn, *policy_path);
  WriteFile(*policy_path, ReviewDraft(ReadFile(*policy_path)));
  return dsn;
}

void Bootstrap(const std::string& dsn, const std::string& policy_path) {
  testing::ProcessResult drafted =
      testing::RunPgveil({"bootstrap", "--dsn", dsn, "-o", policy_path, "--force"});
  INFO(drafted.err);
  REQUIRE(drafted.exit_code == 0);
}

std::string ReviewDraft(const std::string& text) {
  std::istringstream lines(text);
  std::string out;
  bool review = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("    #")) {
      review = review || line.ends_with(", review");
      out += line + "\n";
      continue;
    }
    if (review && line.ends_with(": keep"))
      line = line.substr(0, line.size() - 4) + "{transform: hash}";
    review = false;
    out += line + "\n";
  }
  return out;
}

std::string SkipTable(const std::string& text, const std::string& table_key) {
  std::istringstream lines(text);
  std::string out;
  bool in_block = false;
  bool found = false;
  for (std::string line; std::getline(lines, line);) {
    bool table_line = line.starts_with("  ") && line.size() > 2 && line[2] != ' ' && line[2] != '#';
    if (in_block) {
      if (!table_line && (line.starts_with("    ") || line.empty())) continue;
      in_block = false;
    }
    if (table_line && line.find(table_key) != std::string::npos) {
      out += line.substr(0, line.rfind(':')) + ": skip\n";
      in_block = true;
      found = true;
      continue;
    }
    out += line + "\n";
  }
  REQUIRE(found);
  return out;
}

testing::ProcessResult Replicate(const std::string& source, const std::string& target,
                                 const std::string& policy, const std::vector<std::string>& extra,
                                 const std::vector<std::string>& env) {
  std::vector<std::string> full_env = {std::string("PGVEIL_KEY=") + kTestKey};
  full_env.insert(full_env.end(), env.begin(), env.end());
  return testing::RunPgveil(ReplicateArgs(source, target, policy, extra), full_env);
}

Child SpawnReplicate(const std::string& source, const std::string& target,
                     const std::string& policy, const std::vector<std::string>& extra) {
  return SpawnPgveil(ReplicateArgs(source, target, policy, extra),
                     {std::string("PGVEIL_KEY=") + kTestKey});
}

Child SpawnPgveil(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  const char* binary = std::getenv("PGVEIL_BINARY");
  REQUIRE(binary != nullptr);
  Child child;
  static int spawned = 0;
  std::string prefix = Fixture::Get().work_dir() + "/child-" + std::to_string(++spawned);
  child.out_path = prefix + ".out";
  child.err_path = prefix + ".err";
  std::vector<std::string> argv_text = args;
  argv_text.insert(argv_text.begin(), binary);
  std::vector<char*> argv;
  for (std::string& arg : argv_text) argv.push_back(arg.data());
  argv.push_back(nullptr);
  // A killed run cannot remove its schema dump: keep it in the fixture's
  // directory, which goes at the end.
  std::vector<std::string> changes = {"TMPDIR=" + Fixture::Get().work_dir()};
  changes.insert(changes.end(), env.begin(), env.end());
  std::vector<std::string> environment_text = ChildEnvironment(changes);
  std::vector<char*> environment;
  for (std::string& setting : environment_text) environment.push_back(setting.data());
  environment.push_back(nullptr);
  const pid_t parent = getpid();
  child.pid = fork();
  REQUIRE(child.pid >= 0);
  if (child.pid == 0) {
    // Other threads of the test may hold locks: only async-signal-safe
    // calls from here to exec.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);  // the test ended before prctl
    int out = open(child.out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = open(child.err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int null_fd = open("/dev/null", O_RDONLY);
    dup2(null_fd, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    execve(binary, argv.data(), environment.data());
    _exit(127);
  }
  return child;
}

std::vector<std::string> UserTables(const std::string& dsn) {
  std::vector<std::string> tables;
  for (const auto& row : Query(dsn, R"SQL(
SELECT format('%I.%I', n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pgveil')
  AND n.nspname NOT LIKE 'pg\_%'
ORDER BY 1
)SQL")) {
    tables.push_back(row[0].value_or(""));
  }
  return tables;
}

bool IsMaterializedView(const std::string& dsn, const std::string& table) {
  return Scalar(dsn, "SELECT relkind FROM pg_class WHERE oid = " + QuoteLiteral(table) +
                         "::regclass") == "m";
}

std::vector<std::string> PgveilSlots(const std::string& dsn) {
  std::vector<std::string> slots;
  for (const auto& row :
       Query(dsn,
             "SELECT slot_name FROM pg_replication_slots WHERE slot_name LIKE 'pgveil\\_%' "
             "AND database = current_database()")) {
    slots.push_back(row[0].value_or(""));
  }
  return slots;
}

}  // namespace pgveil::e2e
