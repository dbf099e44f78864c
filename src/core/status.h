// Errors as values: Status says whether an operation worked and why not; Result<T> carries a value or a Status.
// Tested in status_test.cc. Library code returns these and never throws across a stage boundary or exits.
//
//   Result<std::string> r = ReadFile(path);
//   if (!r.ok()) { report(r.status().message()); return; }
//   use(*r);
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace corroborate {

enum class StatusCode {
  kOk = 0,
  kInvalidInput,     // the input is malformed or not what its name says
  kLimitExceeded,    // a size, depth or expansion limit was hit
  kNotFound,         // a file or field is missing
  kIoError,          // the operating system refused a read or write
  kUnsupported,      // well-formed but of a kind we do not handle
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidInput(std::string m) { return Status(StatusCode::kInvalidInput, std::move(m)); }
inline Status LimitExceeded(std::string m) { return Status(StatusCode::kLimitExceeded, std::move(m)); }
inline Status NotFound(std::string m) { return Status(StatusCode::kNotFound, std::move(m)); }
inline Status IoError(std::string m) { return Status(StatusCode::kIoError, std::move(m)); }
inline Status Unsupported(std::string m) { return Status(StatusCode::kUnsupported, std::move(m)); }

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}                // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}         // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T&& take() { return std::move(*value_); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace corroborate
