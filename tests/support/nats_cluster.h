// tests/support/nats_cluster.h
//
// A NATS JetStream server, or a cluster of three, of the test's own: for the
// tests of the masked change stream through JetStream. Each server is a
// `nats-server` process (NATS_SERVER, default /usr/sbin/nats-server) with
// its config, JetStream store and log under one scratch directory, listening
// on loopback ports picked free (client, cluster route, monitoring). Start
// returns once every server answers and, for a cluster, JetStream has a
// meta leader.
//
// The servers die with the test process (PR_SET_PDEATHSIG): a failed or
// killed test leaves none running. Destroying the object stops them; the
// scratch directory goes when the test binary exits.
//
// Thread-safety: use it from one thread, the one that started it: a server
// is tied to the thread that forked it and dies when that thread ends.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

namespace pgveil::testing {

class NatsCluster {
 public:
  // Starts `servers` (1, or 3 for a cluster) servers with JetStream;
  // REQUIREs that every one is ready within a minute.
  static std::unique_ptr<NatsCluster> Start(int servers);
  ~NatsCluster();
  NatsCluster(const NatsCluster&) = delete;
  NatsCluster& operator=(const NatsCluster&) = delete;

  int size() const { return static_cast<int>(nodes_.size()); }
  // "nats://127.0.0.1:P1,nats://127.0.0.1:P2,...": what --sink and --from take.
  std::string url() const;
  // The same addresses one by one, as broker::JetStream::Connect takes them.
  std::vector<std::string> servers() const;
  // Server `i`'s JetStream store directory and log file (stdout and stderr
  // of every start of it).
  const std::string& store_dir(int i) const;
  const std::string& log_path(int i) const;

  // Ends server `i` as a crash would (SIGKILL) and reaps it.
  void Kill(int i);
  // Starts server `i` again on its ports and store after Kill; returns once
  // it reports itself healthy (it knows the meta leader and its stream
  // replicas are current). REQUIREs that within a minute.
  void Restart(int i);

  // The server leading the replicas of `stream`, as an index; -1 while no
  // running server names one.
  int StreamLeader(const std::string& stream) const;
  // The body of GET `path` (e.g. "/jsz?consumers=true") from server `i`'s
  // monitoring port; "" when it does not answer 200.
  std::string Monitor(int i, const std::string& path) const;

 private:
  struct Node {
    std::string name;  // server_name: "n0", "n1", ...
    std::string config_path;
    std::string store_dir;
    std::string log_path;
    int client_port = 0;
    int http_port = 0;
    pid_t pid = -1;  // -1 while not running
  };

  NatsCluster() = default;
  void Spawn(Node& node) const;
  void AwaitReady(Node& node) const;

  std::string dir_;
  std::vector<Node> nodes_;
};

}  // namespace pgveil::testing
