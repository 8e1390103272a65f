// masking/param_values.h
//
// ParamValues is a transformer's parameters after validation against its
// ParamSpec list: every name known, every value of the right type, in range
// and among the allowed choices, defaults filled in. Errors say which
// parameter of which transformer is wrong and, for a misspelt name, what was
// probably meant ("unknown parameter 'keep_domian' for transformer email;
// did you mean 'keep_domain'?"). They never repeat the value given.
//
// Thread-safety: immutable after Parse(); share freely.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "core/status.h"
#include "masking/transformer_spec.h"

namespace pgveil::masking {

// Parameters as the policy or the command line give them: name -> text.
using ParamMap = std::map<std::string, std::string>;

class ParamValues {
 public:
  static Result<ParamValues> Parse(std::string_view transformer, std::span<const ParamSpec> specs,
                                   const ParamMap& given);

  // Typed access. Asking for a name the spec does not declare, or with the
  // wrong type, is a bug and aborts.
  bool GetBool(std::string_view name) const;
  int64_t GetInt(std::string_view name) const;
  const std::string& GetString(std::string_view name) const;  // kString, kEnum, kJson

  // True when the caller gave the parameter (rather than its default). A
  // parameter without default that was not given reads as "".
  bool WasGiven(std::string_view name) const;

 private:
  struct Value {
    ParamType type;
    bool given = false;
    std::string text;
    int64_t number = 0;
    bool flag = false;
  };
  const Value& Find(std::string_view name, ParamType type) const;
  std::map<std::string, Value, std::less<>> values_;
};

// The candidate closest to `name` by edit distance, if it is close enough to
// be a plausible typo; "" otherwise. Shared with the registry's "unknown
// transformer" message.
std::string_view ClosestName(std::string_view name, std::span<const std::string_view> candidates);

}  // namespace pgveil::masking
