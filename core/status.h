// core/status.h
//
// Status is the error value every fallible pgveil function returns: a code
// and a message that already carries its context ("sampling public.orders:
// permission denied"). Result<T> is a T or a non-OK Status.
//
// No Status message may contain a sampled value: name the column, the
// detector and counts, never data. Only cli/ turns a Status into output and
// an exit code (see ExitCodeFor in cli/exit_codes.h).
//
// Thread-safety: plain values; copy freely.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace pgveil {

enum class StatusCode {
  kOk,
  kInvalidArgument,   // bad flag, bad policy, bad input value: the user's to fix
  kNotFound,          // a file, table or column that is not there
  kPermissionDenied,  // the database refused us
  kUnavailable,       // the database or a file could not be reached
  kInternal,          // anything else that went wrong at run time
  kGateFailed,        // the policy does not cover what was found: fix the policy, run again
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status PermissionDenied(std::string m) {
    return {StatusCode::kPermissionDenied, std::move(m)};
  }
  static Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
  static Status GateFailed(std::string m) { return {StatusCode::kGateFailed, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "`context`: <message>".
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Result<T> holds either a value or a non-OK Status. Accessing value() of an
// error Result is a bug and aborts.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    if (status_.ok()) {
      std::fprintf(stderr, "Result constructed from an OK Status\n");
      std::abort();
    }
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return Checked(); }
  const T& value() const& { return const_cast<Result*>(this)->Checked(); }
  T&& value() && { return std::move(Checked()); }
  T* operator->() { return &Checked(); }
  const T* operator->() const { return &const_cast<Result*>(this)->Checked(); }
  T& operator*() & { return Checked(); }

 private:
  T& Checked() {
    if (!value_) {
      std::fprintf(stderr, "value() of an error Result: %s\n", status_.message().c_str());
      std::abort();
    }
    return *value_;
  }
  std::optional<T> value_;
  Status status_;
};

}  // namespace pgveil

// PGVEIL_CHECK(cond) aborts with file and line when an invariant is broken.
// It is for bugs, never for bad input.
#define PGVEIL_CHECK(cond)                                                          \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                 \
    }                                                                               \
  } while (0)

// PGVEIL_RETURN_IF_ERROR(expr) returns the Status of `expr` when it is not OK.
#define PGVEIL_RETURN_IF_ERROR(expr)               \
  do {                                             \
    ::pgveil::Status pgveil_status = (expr);       \
    if (!pgveil_status.ok()) return pgveil_status; \
  } while (0)

#define PGVEIL_CONCAT_INNER(a, b) a##b
#define PGVEIL_CONCAT(a, b) PGVEIL_CONCAT_INNER(a, b)
// PGVEIL_ASSIGN_OR_RETURN(lhs, expr): evaluates the Result `expr`; on error
// returns its Status, otherwise moves the value into `lhs`.
#define PGVEIL_ASSIGN_OR_RETURN(lhs, expr) \
  PGVEIL_ASSIGN_OR_RETURN_IMPL(PGVEIL_CONCAT(pgveil_result_, __LINE__), lhs, expr)
#define PGVEIL_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return tmp.status();                \
  lhs = std::move(tmp).value()
