// TLS to the database, with a certificate authority and a server certificate
// the test makes with the openssl CLI on a cluster of its own:
// sslmode=verify-full connects with the right CA and the right host name,
// fails with exit 3 and libpq's reason with the wrong CA or the wrong name,
// and the replicator's replication connection is held to the same settings
// (the server refuses replication without TLS, yet the stream runs).
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <regex>

#include "core/identifier.h"
#include "tests/support/process.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/test_cluster.h"
#include "tests/support/test_database.h"

namespace pgveil {
namespace {

using testing::RunPgveil;

constexpr const char* kPassword = "tls-test-password";
constexpr const char* kKey = "PGVEIL_KEY=tls test key: 0123456789abcdef0123456789abcdef";

void Shell(const std::string& command) {
  INFO(command);
  REQUIRE(std::system(command.c_str()) == 0);
}

std::string Setting(const std::string& dsn, const std::string& name) {
  std::smatch match;
  REQUIRE(std::regex_search(dsn, match, std::regex(name + "=(\\S+)")));
  return match[1];
}

// A certificate authority in DIR/NAME.crt (key NAME.key).
void MakeAuthority(const std::string& dir, const std::string& name) {
  Shell("cd " + QuoteShellWord(dir) +
        " && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2"
        " -subj '/CN=pgveil test " +
        name +
        "' -addext 'basicConstraints=critical,CA:TRUE'"
        " -addext 'keyUsage=critical,keyCertSign,cRLSign' -keyout " +
        name + ".key -out " + name + ".crt 2>/dev/null");
}

// One cluster serving TLS with a certificate for "localhost" only, signed by
// ca.crt in its directory; other.crt is an authority that signed nothing.
class TlsCluster {
 public:
  TlsCluster() : cluster_(testing::TestCluster::Start()) {
    dir_ = Setting(cluster_->dsn(), "host");
    port_ = Setting(cluster_->dsn(), "port");
    MakeAuthority(dir_, "ca");
    MakeAuthority(dir_, "other");
    Shell("cd " + QuoteShellWord(dir_) +
          " && openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
          " -subj '/CN=localhost' -keyout server.key -out server.csr 2>/dev/null"
          " && printf 'subjectAltName=DNS:localhost\\n' > server.ext"
          " && openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2"
          " -extfile server.ext -out server.crt 2>/dev/null && chmod 600 server.key");
    if (getuid() == 0) Shell("chown postgres " + QuoteShellWord(dir_) + "/server.*");
    // No replication without TLS over TCP: a stream that runs used TLS.
    const std::string hba = dir_ + "/data/pg_hba.conf";
    Shell("sed -i '1i hostnossl replication all 127.0.0.1/32 reject' " + QuoteShellWord(hba));
    // ALTER SYSTEM runs outside a transaction block: one statement each.
    for (const std::string& sql : {"ALTER SYSTEM SET ssl_cert_file = '" + dir_ + "/server.crt'",
                                   "ALTER SYSTEM SET ssl_key_file = '" + dir_ + "/server.key'",
                                   std::string("ALTER SYSTEM SET ssl = on"),
                                   std::string("ALTER ROLE postgres PASSWORD '") + kPassword + "'",
                                   std::string("SELECT pg_reload_conf()")}) {
      testing::Exec(cluster_->dsn(), sql);
    }
    usleep(500 * 1000);
  }

  const testing::TestCluster& cluster() const { return *cluster_; }

  // A TCP DSN for `database` as `host`, verifying the server with `ca`.
  std::string Dsn(const std::string& database, const std::string& host,
                  const std::string& ca) const {
    return "host=" + host + " hostaddr=127.0.0.1 port=" + port_ +
           " user=postgres password=" + kPassword + " dbname=" + database +
           " sslmode=verify-full sslrootcert=" + dir_ + "/" + ca + ".crt connect_timeout=10";
  }

 private:
  std::unique_ptr<testing::TestCluster> cluster_;
  std::string dir_;
  std::string port_;
};

TlsCluster& Tls() {
  static TlsCluster cluster;
  return cluster;
}

std::string SourceDatabase() {
  static const std::string dsn = [] {
    std::string source = Tls().cluster().FreshDatabase("tls_source");
    testing::Exec(source, R"SQL(
      CREATE TABLE customers (id int PRIMARY KEY, email text);
      INSERT INTO customers SELECT g, 'c' || g || '@example.com' FROM generate_series(1, 50) g;)SQL");
    return source;
  }();
  return dsn;
}

}  // namespace

TEST_CASE("sslmode=verify-full connects with the right CA and host name", "[integration][tls]") {
  SourceDatabase();
  testing::ProcessResult scan =
      RunPgveil({"scan", "--format", "json", "--dsn", Tls().Dsn("tls_source", "localhost", "ca")});
  INFO(scan.err);
  CHECK(scan.exit_code == 0);
  CHECK_THAT(scan.out, Catch::Contains("\"column\": \"email\""));
}

TEST_CASE("a server certificate from another CA is refused with exit 3", "[integration][tls]") {
  SourceDatabase();
  testing::ProcessResult scan =
      RunPgveil({"scan", "--dsn", Tls().Dsn("tls_source", "localhost", "other")});
  CHECK(scan.exit_code == 3);
  CHECK_THAT(scan.err, Catch::Contains("certificate verify failed"));
  CHECK(scan.out.empty());
}

TEST_CASE("a server certificate for another host name is refused with exit 3",
          "[integration][tls]") {
  SourceDatabase();
  testing::ProcessResult scan =
      RunPgveil({"scan", "--dsn", Tls().Dsn("tls_source", "127.0.0.1", "ca")});
  CHECK(scan.exit_code == 3);
  CHECK_THAT(scan.err, Catch::Contains("does not match host name \"127.0.0.1\""));
}

TEST_CASE("the replication connection is held to the same TLS settings", "[integration][tls]") {
  SourceDatabase();
  const std::string policy = testing::ScratchDir("tls_policy") + "/pgveil.yaml";
  std::ofstream(policy) << "version: 1\nmode: strict\ntables:\n  public.customers:\n"
                           "    id: keep\n    email: {transform: email}\n";
  const std::string target = Tls().cluster().FreshDatabase("tls_target");
  testing::ProcessResult copy =
      RunPgveil({"replicate", "--source", Tls().Dsn("tls_source", "localhost", "ca"), "--target",
                 target, "--policy", policy, "--catch-up"},
                {kKey});
  INFO(copy.err);
  CHECK(copy.exit_code == 0);
  CHECK_THAT(copy.err + copy.out, !Catch::Contains("snapshot-only"));

  const std::string other_target = Tls().cluster().FreshDatabase("tls_target_other");
  testing::ProcessResult refused =
      RunPgveil({"replicate", "--source", Tls().Dsn("tls_source", "localhost", "other"), "--target",
                 other_target, "--policy", policy, "--catch-up"},
                {kKey});
  CHECK(refused.exit_code == 3);
  CHECK_THAT(refused.err, Catch::Contains("certificate verify failed"));
}

}  // namespace pgveil
