#include "tests/support/nats_cluster.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/support/scratch_dir.h"

namespace pgveil::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kReadyTimeout = std::chrono::seconds(60);
constexpr auto kStopTimeout = std::chrono::seconds(10);

std::string ServerBinary() {
  const char* configured = std::getenv("NATS_SERVER");
  std::string binary = configured != nullptr ? configured : "/usr/sbin/nats-server";
  INFO(binary << " is not there: install nats-server (ci/setup.sh) or set NATS_SERVER");
  REQUIRE(access(binary.c_str(), X_OK) == 0);
  return binary;
}

sockaddr_in Loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

// `count` distinct loopback ports nobody listens on. The sockets stay bound
// until all are picked, so no port is handed out twice; another process may
// still take one before the server binds it, which a rerun survives.
std::vector<int> FreePorts(int count) {
  std::vector<int> sockets;
  std::vector<int> ports;
  for (int i = 0; i < count; ++i) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address = Loopback(0);
    socklen_t length = sizeof address;
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    sockets.push_back(fd);
    ports.push_back(ntohs(address.sin_port));
  }
  for (int fd : sockets) close(fd);
  return ports;
}

// A connected socket to 127.0.0.1:`port`, -1 when nothing accepts.
int Connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  timeval timeout{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in address = Loopback(port);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

struct HttpReply {
  int status = 0;  // 0: no answer
  std::string body;
};

// HTTP/1.0, so the server closes the connection after the body.
HttpReply HttpGet(int port, const std::string& path) {
  HttpReply reply;
  int fd = Connect(port);
  if (fd < 0) return reply;
  const std::string request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
  std::string response;
  if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
      static_cast<ssize_t>(request.size())) {
    char buffer[8192];
    for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) response.append(buffer, n);
  }
  close(fd);
  const size_t space = response.find(' ');
  const size_t body = response.find("\r\n\r\n");
  if (!response.starts_with("HTTP/") || space == std::string::npos || body == std::string::npos) {
    return reply;
  }
  reply.status = std::atoi(response.c_str() + space + 1);
  reply.body = response.substr(body + 4);
  return reply;
}

std::string Tail(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const std::string all = text.str();
  return all.size() > 3000 ? all.substr(all.size() - 3000) : all;
}

std::string Config(const std::string& name, int client_port, int http_port, int route_port,
                   const std::string& store_dir, const std::vector<int>& route_ports) {
  std::string text = "server_name: " + name + "\nlisten: 127.0.0.1:" + std::to_string(client_port) +
                     "\nhttp: 127.0.0.1:" + std::to_string(http_port) +
                     "\njetstream {\n  store_dir: \"" + store_dir + "\"\n}\n";
  if (route_ports.size() > 1) {
    text += "cluster {\n  name: pgveil-test\n  listen: 127.0.0.1:" + std::to_string(route_port) +
            "\n  routes: [\n";
    for (int port : route_ports) {
      text += "    nats-route://127.0.0.1:" + std::to_string(port) + "\n";
    }
    text += "  ]\n}\n";
  }
  return text;
}

}  // namespace

std::unique_ptr<NatsCluster> NatsCluster::Start(int servers) {
  REQUIRE(servers >= 1);
  std::unique_ptr<NatsCluster> cluster(new NatsCluster());
  cluster->dir_ = ScratchDir("nats");
  const std::vector<int> ports = FreePorts(3 * servers);
  std::vector<int> route_ports;
  for (int i = 0; i < servers; ++i) route_ports.push_back(ports[3 * i + 2]);
  for (int i = 0; i < servers; ++i) {
    Node node;
    node.name = "n" + std::to_string(i);
    node.store_dir = cluster->dir_ + "/" + node.name + "-store";
    node.config_path = cluster->dir_ + "/" + node.name + ".conf";
    node.log_path = cluster->dir_ + "/" + node.name + ".log";
    node.client_port = ports[3 * i];
    node.http_port = ports[3 * i + 1];
    std::filesystem::create_directories(node.store_dir);
    std::ofstream config(node.config_path);
    config << Config(node.name, node.client_port, node.http_port, route_ports[i], node.store_dir,
                     route_ports);
    REQUIRE(config.good());
    cluster->nodes_.push_back(node);
  }
  // All at once: a cluster member waits for its routes before JetStream
  // elects a meta leader.
  for (Node& node : cluster->nodes_) cluster->Spawn(node);
  for (Node& node : cluster->nodes_) cluster->AwaitReady(node);
  return cluster;
}

NatsCluster::~NatsCluster() {
  for (Node& node : nodes_) {
    if (node.pid > 0) kill(node.pid, SIGTERM);
  }
  for (Node& node : nodes_) {
    if (node.pid <= 0) continue;
    const Clock::time_point end = Clock::now() + kStopTimeout;
    while (waitpid(node.pid, nullptr, WNOHANG) == 0) {
      if (Clock::now() > end) {
        kill(node.pid, SIGKILL);
        waitpid(node.pid, nullptr, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    node.pid = -1;
  }
}

std::string NatsCluster::url() const {
  std::string url;
  for (const std::string& server : servers()) url += (url.empty() ? "" : ",") + server;
  return url;
}

std::vector<std::string> NatsCluster::servers() const {
  std::vector<std::string> servers;
  for (const Node& node : nodes_) {
    servers.push_back("nats://127.0.0.1:" + std::to_string(node.client_port));
  }
  return servers;
}

const std::string& NatsCluster::store_dir(int i) const { return nodes_.at(i).store_dir; }

const std::string& NatsCluster::log_path(int i) const { return nodes_.at(i).log_path; }

void NatsCluster::Kill(int i) {
  Node& node = nodes_.at(i);
  REQUIRE(node.pid > 0);
  kill(node.pid, SIGKILL);
  REQUIRE(waitpid(node.pid, nullptr, 0) == node.pid);
  node.pid = -1;
}

void NatsCluster::Restart(int i) {
  Node& node = nodes_.at(i);
  REQUIRE(node.pid <= 0);
  Spawn(node);
  AwaitReady(node);
}

void NatsCluster::Spawn(Node& node) const {
  const std::string binary = ServerBinary();
  const pid_t parent = getpid();
  node.pid = fork();
  REQUIRE(node.pid >= 0);
  if (node.pid == 0) {
    // Only async-signal-safe calls from here to exec.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(1);  // the test ended before prctl
    int out = open(node.log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    int null_fd = open("/dev/null", O_RDONLY);
    dup2(null_fd, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(out, STDERR_FILENO);
    execl(binary.c_str(), binary.c_str(), "-c", node.config_path.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
}

void NatsCluster::AwaitReady(Node& node) const {
  const Clock::time_point end = Clock::now() + kReadyTimeout;
  for (;;) {
    if (waitpid(node.pid, nullptr, WNOHANG) == node.pid) {
      node.pid = -1;
      FAIL("nats-server " << node.name << " ended while starting:\n" << Tail(node.log_path));
    }
    const int client = Connect(node.client_port);
    if (client >= 0) close(client);
    // /healthz answers 200 once the server knows the meta leader and its
    // stream replicas have caught up; a fresh cluster's first answers can
    // come before the election, so /jsz must name the leader too.
    bool ready = client >= 0 && HttpGet(node.http_port, "/healthz").status == 200;
    if (ready && nodes_.size() > 1) {
      const nlohmann::json jsz =
          nlohmann::json::parse(HttpGet(node.http_port, "/jsz").body, nullptr, false);
      ready = jsz.is_object() && jsz.contains("meta_cluster") &&
              !jsz["meta_cluster"].value("leader", "").empty();
    }
    if (ready) return;
    if (Clock::now() > end) {
      FAIL("nats-server " << node.name << " not ready in time:\n" << Tail(node.log_path));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::string NatsCluster::Monitor(int i, const std::string& path) const {
  const Node& node = nodes_.at(i);
  if (node.pid <= 0) return "";
  HttpReply reply = HttpGet(node.http_port, path);
  return reply.status == 200 ? reply.body : "";
}

int NatsCluster::StreamLeader(const std::string& stream) const {
  for (int i = 0; i < size(); ++i) {
    const nlohmann::json jsz =
        nlohmann::json::parse(Monitor(i, "/jsz?accounts=true&streams=true"), nullptr, false);
    if (!jsz.is_object() || !jsz.contains("account_details")) continue;
    for (const nlohmann::json& account : jsz["account_details"]) {
      for (const nlohmann::json& detail : account.value("stream_detail", nlohmann::json::array())) {
        if (detail.value("name", "") != stream || !detail.contains("cluster")) continue;
        const std::string leader = detail["cluster"].value("leader", "");
        for (int j = 0; j < size(); ++j) {
          if (nodes_[j].name == leader) return j;
        }
      }
    }
  }
  return -1;
}

}  // namespace pgveil::testing
