#include "masking/registry.h"

#include <algorithm>
#include <string>

#include "masking/transformer_definition.h"

namespace pgveil::masking {
namespace {

const std::vector<const TransformerDefinition*>& AllDefinitions() {
  static const auto* all = [] {
    auto* list = new std::vector<const TransformerDefinition*>;
    for (auto group :
         {SimpleDefinitions(), HashDefinitions(), EmailDefinitions(), PhoneDefinitions(),
          CreditCardDefinitions(), IbanDefinitions(), FpeTextDefinitions(), FpeIntDefinitions(),
          FakeNameDefinitions(), PostalDefinitions(), DateDefinitions(), NumericDefinitions(),
          IpDefinitions(), UuidDefinitions(), JsonDefinitions()}) {
      for (const TransformerDefinition& definition : group) {
        list->push_back(&definition);
      }
    }
    return list;
  }();
  return *all;
}

Result<const TransformerDefinition*> FindDefinition(std::string_view name) {
  std::vector<std::string_view> names;
  for (const TransformerDefinition* definition : AllDefinitions()) {
    if (definition->spec.name == name) {
      return definition;
    }
    names.push_back(definition->spec.name);
  }
  std::string message = "unknown transformer '" + std::string(name) + "'";
  std::string_view suggestion = ClosestName(name, names);
  if (!suggestion.empty()) {
    message += "; did you mean '" + std::string(suggestion) + "'?";
  }
  return Status::InvalidArgument(message);
}

bool HasParam(const TransformerSpec& spec, std::string_view name) {
  return std::any_of(spec.params.begin(), spec.params.end(),
                     [&](const ParamSpec& param) { return param.name == name; });
}

OutputTraits TraitsOf(const TransformerDefinition& definition, const ParamValues& params) {
  if (definition.traits != nullptr) {
    return definition.traits(params);
  }
  return OutputTraits{definition.spec.uniqueness, definition.spec.length_rule, 0};
}

std::string TypeList(const TransformerSpec& spec) {
  std::string list;
  for (std::string_view type : spec.accepted_types) {
    list += (list.empty() ? "" : ", ") + std::string(type);
  }
  return list;
}

}  // namespace

std::string_view UniquenessName(Uniqueness uniqueness) {
  switch (uniqueness) {
    case Uniqueness::kPreserving:
      return "preserving";
    case Uniqueness::kNotGuaranteed:
      return "not guaranteed";
    case Uniqueness::kLossy:
      return "lossy";
  }
  return "unknown";
}

std::string_view PrivacyClassName(PrivacyClass privacy) {
  switch (privacy) {
    case PrivacyClass::kUndeclared:
      return "undeclared";
    case PrivacyClass::kKept:
      return "kept";
    case PrivacyClass::kReversible:
      return "reversible";
    case PrivacyClass::kLinkable:
      return "linkable";
    case PrivacyClass::kIrreversible:
      return "irreversible";
  }
  return "undeclared";
}

PrivacyClass LeastPrivate(PrivacyClass a, PrivacyClass b) {
  // kUndeclared sorts first, so an undeclared class is never hidden.
  return std::min(a, b);
}

const std::vector<const TransformerSpec*>& AllTransformerSpecs() {
  static const auto* specs = [] {
    auto* list = new std::vector<const TransformerSpec*>;
    for (const TransformerDefinition* definition : AllDefinitions()) {
      list->push_back(&definition->spec);
    }
    return list;
  }();
  return *specs;
}

const TransformerSpec* FindTransformerSpec(std::string_view name) {
  for (const TransformerDefinition* definition : AllDefinitions()) {
    if (definition->spec.name == name) {
      return &definition->spec;
    }
  }
  return nullptr;
}

Result<std::unique_ptr<Transformer>> CreateTransformer(std::string_view name,
                                                       const ParamMap& params,
                                                       std::string_view domain,
                                                       const KeyRing& keys) {
  PGVEIL_ASSIGN_OR_RETURN(const TransformerDefinition* definition, FindDefinition(name));
  const TransformerSpec& spec = definition->spec;
  PGVEIL_ASSIGN_OR_RETURN(ParamValues values, ParamValues::Parse(spec.name, spec.params, params));
  if (domain.empty()) {
    return Status::InvalidArgument("transformer " + std::string(spec.name) +
                                   " needs a domain (schema.table.column or an explicit one)");
  }
  InvalidValuePolicy invalid;
  if (HasParam(spec, "on_invalid")) {
    const std::string& mode = values.GetString("on_invalid");
    if (mode == "null") {
      invalid.mode = OnInvalid::kNull;
    }
    if (mode == "hash") {
      invalid.mode = OnInvalid::kHash;
      // A label no transformer has, so the fallback never shares a key.
      PGVEIL_ASSIGN_OR_RETURN(SecretBytes key,
                              keys.DeriveKey("on_invalid:" + std::string(spec.name), domain, 32));
      PGVEIL_ASSIGN_OR_RETURN(KeyedHash hasher, KeyedHash::Create(key.span()));
      invalid.hasher = std::move(hasher);
    }
  }
  TransformerContext context{spec, values, domain, keys, std::move(invalid)};
  Result<std::unique_ptr<Transformer>> transformer = definition->create(context);
  if (!transformer.ok()) {
    return transformer.status().WithContext("transformer " + std::string(spec.name));
  }
  return transformer;
}

Result<OutputTraits> DescribeTransformer(std::string_view name, const ParamMap& params) {
  PGVEIL_ASSIGN_OR_RETURN(const TransformerDefinition* definition, FindDefinition(name));
  PGVEIL_ASSIGN_OR_RETURN(ParamValues values, ParamValues::Parse(definition->spec.name,
                                                                 definition->spec.params, params));
  return TraitsOf(*definition, values);
}

Result<PrivacyClass> DescribePrivacy(std::string_view name, const ParamMap& params) {
  PGVEIL_ASSIGN_OR_RETURN(const TransformerDefinition* definition, FindDefinition(name));
  const TransformerSpec& spec = definition->spec;
  PGVEIL_ASSIGN_OR_RETURN(ParamValues values, ParamValues::Parse(spec.name, spec.params, params));
  PrivacyClass privacy = spec.privacy;
  if (definition->privacy != nullptr) {
    PGVEIL_ASSIGN_OR_RETURN(privacy, definition->privacy(values));
  }
  if (HasParam(spec, "on_invalid") && values.GetString("on_invalid") == "hash") {
    privacy = LeastPrivate(privacy, PrivacyClass::kLinkable);
  }
  return privacy;
}

Status CheckFits(std::string_view name, const ParamMap& params, std::string_view column_type,
                 std::optional<int64_t> max_length) {
  PGVEIL_ASSIGN_OR_RETURN(const TransformerDefinition* definition, FindDefinition(name));
  const TransformerSpec& spec = definition->spec;
  PGVEIL_ASSIGN_OR_RETURN(ParamValues values, ParamValues::Parse(spec.name, spec.params, params));
  const PgType type = CanonicalType(column_type);
  const std::string what = "transformer " + std::string(spec.name) + " on type " + type.name;

  const bool any = std::find(spec.accepted_types.begin(), spec.accepted_types.end(), "*") !=
                   spec.accepted_types.end();
  if (!any && std::find(spec.accepted_types.begin(), spec.accepted_types.end(), type.name) ==
                  spec.accepted_types.end()) {
    return Status::InvalidArgument(what + ": the type is not accepted (it takes " + TypeList(spec) +
                                   ")");
  }
  if (HasParam(spec, "on_invalid") && values.GetString("on_invalid") == "hash" &&
      !IsTextType(type.name)) {
    return Status::InvalidArgument(what + ": on_invalid: hash writes hex text, which a " +
                                   type.name + " column does not accept; use error or null");
  }
  if (definition->check_type != nullptr) {
    Status status = definition->check_type(values, type);
    if (!status.ok()) {
      return status.WithContext(what);
    }
  }

  if (!max_length.has_value() && (type.name == "varchar" || type.name == "bpchar")) {
    max_length = type.modifier;
  }
  if (max_length.has_value() && IsTextType(type.name)) {
    const OutputTraits traits = TraitsOf(*definition, values);
    const std::string column = type.name + "(" + std::to_string(*max_length) + ")";
    if (traits.length_rule == LengthRule::kUnbounded) {
      return Status::InvalidArgument(what + ": its output has no length bound, and " + column +
                                     " holds at most " + std::to_string(*max_length) +
                                     " characters");
    }
    if (traits.length_rule == LengthRule::kAtMost && traits.max_length > *max_length) {
      std::string message = what + ": it may write " + std::to_string(traits.max_length) +
                            " characters, and " + column + " holds " + std::to_string(*max_length);
      if (HasParam(spec, "max_length")) {
        message += "; set max_length: " + std::to_string(*max_length);
      } else if (HasParam(spec, "length")) {
        message += "; set length: " + std::to_string(*max_length) + " or less";
      }
      return Status::InvalidArgument(message);
    }
  }
  return Status::Ok();
}

}  // namespace pgveil::masking
