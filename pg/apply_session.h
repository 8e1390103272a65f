// pg/apply_session.h
//
// ApplySession is a plain session on raw libpq for the large SQL texts the
// stream applies to the target (megabytes of masked rows a batch). libpqxx
// copies every query it runs into a shared string for its result; this
// sends the caller's text as it is, and keeps the server's messages as
// pg/libpq_status.h does (the primary message only, values of data
// exceptions cut off).
//
// Thread-safety: one thread at a time; it may be handed from one thread to
// another between calls.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"

namespace pgveil::pg {

class ApplySession {
 public:
  // Connects to `dsn` (key/value or URI, libpq's defaults and PG* variables
  // apply). Unavailable or PermissionDenied when that fails.
  static Result<std::unique_ptr<ApplySession>> Open(const std::string& dsn);
  ~ApplySession();

  // Runs `sql`, one or more statements whose rows, if any, are ignored. A
  // failed statement ends the text there: Internal with the server's
  // primary message, Unavailable when the connection was lost.
  Status Execute(const std::string& sql);

 private:
  struct Impl;
  explicit ApplySession(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pgveil::pg
