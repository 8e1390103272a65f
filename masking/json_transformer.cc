// masking/json_transformer.cc
//
// json: masks JSON and JSONB documents path by path. The `paths` parameter
// maps JSONPath expressions (json_path.h) to rules:
//
//   {"$.contact.email":     {"transform": "email", "keep_domain": true},
//    "$.contact.phones[*]": "phone",
//    "$.ssn":               "delete",
//    "$.notes":             {"transform": "set", "value": null}}
//
// A rule is a transformer name (with its parameters beside "transform"),
// "delete" (the member or element disappears) or "set" (replaced by
// "value", any JSON). A rule on an object or array applies its transformer
// to every scalar below it. Nested transformers get the domain
// "<domain><path>" unless the rule names one ("domain": "public.users.email"
// makes JSON emails match the email column).
//
// The document is streamed through nlohmann's SAX parser and written back
// compactly: no tree is built, numbers that no rule touches keep their exact
// text, and nesting is bounded by max_depth (default 1000) instead of the
// stack. Scalars go to nested transformers as text (strings unquoted, JSON
// null as SQL NULL) and come back typed: a number stays a number if the
// output is still one, otherwise it becomes a string. Member names are not
// masked.
//
// Bad input: invalid JSON or invalid UTF-8 (error names the byte offset),
// nesting deeper than max_depth, a nested transformer rejecting its value
// -> on_invalid. The empty string stays empty.

#include <charconv>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_string.h"
#include "masking/json_path.h"
#include "masking/json_rules.h"
#include "masking/registry.h"
#include "masking/transformer_definition.h"

namespace pgveil::masking {
namespace {

using Json = nlohmann::json;

bool IsJsonNumber(std::string_view text) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      ++i;
    }
    return i > start;
  };
  if (i < text.size() && text[i] == '-') {
    ++i;
  }
  if (i < text.size() && text[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!digits()) {
      return false;
    }
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      ++i;
    }
    if (!digits()) {
      return false;
    }
  }
  return i == text.size();
}

// The SAX handler: walks the document, keeps the active trie nodes per open
// container, and writes the masked document to `out`.
class MaskingWriter final : public nlohmann::json_sax<Json> {
 public:
  enum class Leaf { kString, kNumber, kBool, kNull };

  MaskingWriter(std::vector<JsonRule>* rules, const JsonPathTrie* trie, size_t max_depth,
                std::string* out)
      : rules_(rules), trie_(trie), max_depth_(max_depth), out_(out) {}

  const Status& error() const { return error_; }

  bool null() override { return Scalar(Leaf::kNull, "null"); }
  bool boolean(bool value) override { return Scalar(Leaf::kBool, value ? "true" : "false"); }
  bool number_integer(number_integer_t value) override {
    char buffer[24];
    auto [end, ignored] = std::to_chars(buffer, buffer + sizeof(buffer), value);
    return Scalar(Leaf::kNumber, std::string_view(buffer, static_cast<size_t>(end - buffer)));
  }
  bool number_unsigned(number_unsigned_t value) override {
    char buffer[24];
    auto [end, ignored] = std::to_chars(buffer, buffer + sizeof(buffer), value);
    return Scalar(Leaf::kNumber, std::string_view(buffer, static_cast<size_t>(end - buffer)));
  }
  bool number_float(number_float_t, const string_t& raw) override {
    return Scalar(Leaf::kNumber, raw);
  }
  bool string(string_t& value) override { return Scalar(Leaf::kString, value); }
  bool binary(binary_t&) override { return Fail("binary values are not JSON"); }

  bool start_object(std::size_t) override { return StartContainer(false); }
  bool start_array(std::size_t) override { return StartContainer(true); }
  bool end_object() override { return EndContainer(); }
  bool end_array() override { return EndContainer(); }

  bool key(string_t& name) override {
    if (skip_depth_ > 0) {
      return true;
    }
    Frame& parent = frames_.back();
    nodes_.resize(parent.nodes_end);
    for (size_t i = parent.nodes_begin; i < parent.nodes_end; ++i) {
      trie_->MatchMember(nodes_[i], name, &nodes_);
    }
    pending_ = Target{FirstRule(parent.nodes_end), parent.nodes_end, nodes_.size(), false};
    if (pending_.rule < 0) {
      pending_.rule = parent.inherited_rule;
    }
    if (pending_.rule >= 0 &&
        (*rules_)[static_cast<size_t>(pending_.rule)].action == JsonRule::Action::kDelete) {
      pending_.skip = true;
      return true;
    }
    if (!parent.empty) {
      out_->push_back(',');
    }
    parent.empty = false;
    AppendJsonString(name, out_);
    out_->push_back(':');
    return true;
  }

  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception&) override {
    // The exception's text quotes the input: never use it.
    if (error_.ok()) {
      error_ = Status::InvalidArgument("not valid JSON (at byte " + std::to_string(position) + ")");
    }
    return false;
  }

 private:
  struct Frame {
    bool is_array = false;
    bool empty = true;
    uint64_t next_index = 0;
    size_t nodes_begin = 0;
    size_t nodes_end = 0;
    int inherited_rule = -1;
  };
  struct Target {
    int rule = -1;
    size_t nodes_begin = 0;
    size_t nodes_end = 0;
    bool skip = false;  // deleted: neither key nor value is written
  };

  int FirstRule(size_t begin) const {
    for (size_t i = begin; i < nodes_.size(); ++i) {
      const int rule = trie_->rule(nodes_[i]);
      if (rule >= 0) {
        return rule;
      }
    }
    return -1;
  }

  // Where the value that starts now goes, and the separator before it.
  Target Enter() {
    if (frames_.empty()) {
      nodes_.assign(1, JsonPathTrie::kRoot);
      return Target{trie_->rule(JsonPathTrie::kRoot), 0, 1, false};
    }
    Frame& parent = frames_.back();
    if (!parent.is_array) {
      return pending_;
    }
    nodes_.resize(parent.nodes_end);
    const uint64_t index = parent.next_index++;
    for (size_t i = parent.nodes_begin; i < parent.nodes_end; ++i) {
      trie_->MatchElement(nodes_[i], index, &nodes_);
    }
    Target target{FirstRule(parent.nodes_end), parent.nodes_end, nodes_.size(), false};
    if (target.rule < 0) {
      target.rule = parent.inherited_rule;
    }
    if (target.rule >= 0 &&
        (*rules_)[static_cast<size_t>(target.rule)].action == JsonRule::Action::kDelete) {
      target.skip = true;
      return target;
    }
    if (!parent.empty) {
      out_->push_back(',');
    }
    parent.empty = false;
    return target;
  }

  bool Scalar(Leaf leaf, std::string_view text) {
    if (skip_depth_ > 0) {
      return true;
    }
    const Target target = Enter();
    if (target.skip) {
      return true;
    }
    if (target.rule < 0) {
      if (leaf == Leaf::kString) {
        AppendJsonString(text, out_);
      } else {
        out_->append(text);
      }
      return true;
    }
    JsonRule& rule = (*rules_)[static_cast<size_t>(target.rule)];
    if (rule.action == JsonRule::Action::kSet) {
      out_->append(rule.set_json);
      return true;
    }
    std::optional<std::string_view> input;
    if (leaf != Leaf::kNull) {
      input = text;
    }
    Status status = rule.transformer->Apply(input, &masked_);
    if (!status.ok()) {
      return Fail(status.WithContext(rule.path));
    }
    if (masked_.is_null) {
      out_->append("null");
    } else if ((leaf == Leaf::kNumber && IsJsonNumber(masked_.text)) ||
               (leaf == Leaf::kBool && (masked_.text == "true" || masked_.text == "false"))) {
      out_->append(masked_.text);
    } else {
      AppendJsonString(masked_.text, out_);
    }
    return true;
  }

  bool StartContainer(bool is_array) {
    if (frames_.size() + static_cast<size_t>(skip_depth_) >= max_depth_) {
      return Fail("nested deeper than " + std::to_string(max_depth_) + " levels");
    }
    if (skip_depth_ > 0) {
      ++skip_depth_;
      return true;
    }
    const Target target = Enter();
    if (target.skip) {
      skip_depth_ = 1;
      return true;
    }
    int inherited = frames_.empty() ? -1 : frames_.back().inherited_rule;
    if (target.rule >= 0) {
      JsonRule& rule = (*rules_)[static_cast<size_t>(target.rule)];
      if (rule.action == JsonRule::Action::kSet) {
        out_->append(rule.set_json);
        skip_depth_ = 1;
        return true;
      }
      inherited = target.rule;
    }
    frames_.push_back(Frame{is_array, true, 0, target.nodes_begin, target.nodes_end, inherited});
    out_->push_back(is_array ? '[' : '{');
    return true;
  }

  bool EndContainer() {
    if (skip_depth_ > 0) {
      --skip_depth_;
      return true;
    }
    out_->push_back(frames_.back().is_array ? ']' : '}');
    nodes_.resize(frames_.back().nodes_begin);
    frames_.pop_back();
    return true;
  }

  bool Fail(std::string message) { return Fail(Status::InvalidArgument(std::move(message))); }
  bool Fail(Status status) {
    if (error_.ok()) {
      error_ = std::move(status);
    }
    return false;
  }

  std::vector<JsonRule>* rules_;
  const JsonPathTrie* trie_;
  size_t max_depth_;
  std::string* out_;
  std::vector<Frame> frames_;
  std::vector<int> nodes_;
  Target pending_;
  int skip_depth_ = 0;
  MaskedValue masked_;
  Status error_;
};

class JsonTransformer final : public Transformer {
 public:
  JsonTransformer(TransformerContext& context, std::vector<JsonRule> rules, JsonPathTrie trie)
      : Transformer(context.spec.name, std::move(context.invalid)),
        rules_(std::move(rules)),
        trie_(std::move(trie)),
        max_depth_(static_cast<size_t>(context.params.GetInt("max_depth"))) {}
  JsonTransformer(const JsonTransformer& other)
      : Transformer(other), trie_(other.trie_), max_depth_(other.max_depth_) {
    for (const JsonRule& rule : other.rules_) {
      JsonRule copy;
      copy.action = rule.action;
      copy.path = rule.path;
      copy.set_json = rule.set_json;
      if (rule.transformer != nullptr) {
        copy.transformer = rule.transformer->Clone();
      }
      rules_.push_back(std::move(copy));
    }
  }
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<JsonTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view in, MaskedValue* out) override {
    if (in.empty()) {
      return Status::Ok();
    }
    out->text.reserve(in.size());
    MaskingWriter writer(&rules_, &trie_, max_depth_, &out->text);
    bool ok = false;
    try {
      ok = Json::sax_parse(in, &writer);
    } catch (const std::exception&) {
      return Invalid("not valid JSON");
    }
    if (!writer.error().ok()) {
      return writer.error();
    }
    if (!ok) {
      return Invalid("not valid JSON");
    }
    return Status::Ok();
  }

 private:
  std::vector<JsonRule> rules_;
  JsonPathTrie trie_;
  size_t max_depth_;
};

Result<std::unique_ptr<Transformer>> CreateJson(TransformerContext& context) {
  std::vector<JsonRule> rules;
  JsonPathTrie trie;
  PGVEIL_RETURN_IF_ERROR(ParseJsonRules(context.params.GetString("paths"), context, &rules, &trie));
  return MakeTransformer<JsonTransformer>(context, std::move(rules), std::move(trie));
}

// The least private of the path rules: what a reader of the masked
// document can learn from the leaf that is masked the weakest.
Result<PrivacyClass> JsonPrivacy(const ParamValues& params) {
  PGVEIL_ASSIGN_OR_RETURN(std::vector<JsonRuleText> rules,
                          ReadJsonRules(params.GetString("paths")));
  PrivacyClass privacy = PrivacyClass::kIrreversible;
  for (const JsonRuleText& rule : rules) {
    if (rule.transform == "delete" || rule.transform == "set") {
      continue;
    }
    Result<PrivacyClass> nested = DescribePrivacy(rule.transform, rule.params);
    if (!nested.ok()) {
      return nested.status().WithContext("path " + rule.path);
    }
    privacy = LeastPrivate(privacy, *nested);
  }
  return privacy;
}

constexpr ParamSpec kParams[] = {
    JsonParam("paths",
              "JSON object: path -> transformer name, \"delete\", or {\"transform\": ..., params}",
              true),
    IntParam("max_depth", "1000", 1, 100000,
             "deepest nesting accepted; deeper documents are invalid input"),
    kOnInvalidParam,
};

constexpr std::string_view kTypes[] = {"json", "jsonb", "text", "varchar", "bpchar"};

constexpr TransformerDefinition kDefinitions[] = {
    {.spec = {.name = "json",
              .summary = "rules per JSONPath inside a JSON/JSONB document; stays valid JSON",
              .params = kParams,
              .accepted_types = kTypes,
              .uniqueness = Uniqueness::kNotGuaranteed,
              .length_rule = LengthRule::kUnbounded,
              .privacy = PrivacyClass::kLinkable},
     .create = CreateJson,
     .privacy = JsonPrivacy},
};

}  // namespace

std::span<const TransformerDefinition> JsonDefinitions() { return kDefinitions; }

}  // namespace pgveil::masking
