// pg/connection_impl.h
//
// The libpqxx side of Connection, shared by the .cc files of pg/ only.
#pragma once

#include <memory>
#include <vector>

#include <pqxx/pqxx>

#include "pg/connection.h"

namespace pgveil::pg {

struct Connection::Impl {
  explicit Impl(const std::string& conninfo) : connection(conninfo) {}
  pqxx::connection connection;
  std::vector<std::unique_ptr<pqxx::notification_receiver>> listeners;
  int notifications = 0;  // arrived on a listened channel since Notified() last looked
};

// A Status for an exception thrown by libpqxx while doing `what`.
Status FromException(const std::exception& e, const std::string& what);

}  // namespace pgveil::pg
