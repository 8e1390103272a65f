// masking/fake_name_transformer.cc
//
// fake_first_name, fake_last_name, fake_name, fake_street, fake_city: a
// keyed pick from the dictionaries' word lists (given names, surnames,
// cities, street words), in the same script as the input: a Cyrillic name
// becomes another Cyrillic name, a Greek one a Greek one; scripts the lists
// do not cover fall back to Latin. The pick is an HMAC of the trimmed,
// ASCII-lowercased input, so "Maria" and "MARIA" get the same name, written
// in the input's case (all upper, all lower, or as listed).
//
//   fake_name    given + " " + surname; surname + given without a space for
//                Han, Hangul and kana input that has no space
//   fake_street  "<1-999> <surname> <street word>"
//
// max_length (characters) limits the pick to entries that fit (falling back
// to Latin entries when none in the input's script is short enough); CheckFits
// uses it, or the longest possible output, against varchar(n).
//
// Uniqueness: not guaranteed (lists are finite). Bad input: none; any
// bytes, invalid UTF-8 included, get a Latin pick. Whitespace-only and
// empty input is returned unchanged.

#include <algorithm>
#include <string>

#include "masking/keyed_hash.h"
#include "masking/text_util.h"
#include "masking/transformer_definition.h"
#include "masking/word_index.h"

namespace pgveil::masking {
namespace {

using dictionaries::WordListId;

enum class FakeKind { kFirstName, kLastName, kName, kStreet, kCity };

constexpr size_t kStreetNumberChars = 3;

// Entries of `entries` (shortest first) no longer than `max_chars`.
std::span<const WordEntry> Fitting(std::span<const WordEntry> entries, size_t max_chars) {
  auto end = std::partition_point(entries.begin(), entries.end(),
                                  [max_chars](const WordEntry& e) { return e.chars <= max_chars; });
  return entries.first(static_cast<size_t>(end - entries.begin()));
}

const WordEntry* Pick(std::span<const WordEntry> entries, uint64_t choice) {
  if (entries.empty()) {
    return nullptr;
  }
  return &entries[choice % entries.size()];
}

// Longest possible output of `kind`, in characters.
size_t LongestOutput(FakeKind kind) {
  const size_t given = WordIndex::For(WordListId::kGivenNames).max_chars();
  const size_t surname = WordIndex::For(WordListId::kSurnames).max_chars();
  switch (kind) {
    case FakeKind::kFirstName:
      return given;
    case FakeKind::kLastName:
      return surname;
    case FakeKind::kName:
      return given + 1 + surname;
    case FakeKind::kStreet:
      return kStreetNumberChars + 1 + surname + 1 +
             WordIndex::For(WordListId::kStreetWords).max_chars();
    case FakeKind::kCity:
      return WordIndex::For(WordListId::kCities).max_chars();
  }
  return 0;
}

class FakeNameTransformer final : public Transformer {
 public:
  FakeNameTransformer(TransformerContext& context, KeyedHash hasher, FakeKind kind)
      : Transformer(context.spec.name, std::move(context.invalid)),
        hasher_(std::move(hasher)),
        kind_(kind),
        max_chars_(context.params.WasGiven("max_length")
                       ? static_cast<size_t>(context.params.GetInt("max_length"))
                       : SIZE_MAX) {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<FakeNameTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view in, MaskedValue* out) override {
    const std::string_view trimmed = TrimAsciiSpace(in);
    if (trimmed.empty()) {
      out->text.assign(in);
      return Status::Ok();
    }
    folded_.assign(trimmed);
    for (char& c : folded_) {
      c = ToLowerAscii(c);
    }
    const KeyedHash::Digest digest = hasher_.Mac(folded_);
    const uint64_t first_choice = DigestPrefix64(digest, 0);
    const uint64_t second_choice = DigestPrefix64(digest, 8);
    const ScriptCode script = DetectScript(trimmed);
    const LetterCase letter_case = DetectCase(trimmed);

    picked_.clear();
    switch (kind_) {
      case FakeKind::kFirstName:
      case FakeKind::kLastName:
      case FakeKind::kCity: {
        const WordListId list = kind_ == FakeKind::kFirstName  ? WordListId::kGivenNames
                                : kind_ == FakeKind::kLastName ? WordListId::kSurnames
                                                               : WordListId::kCities;
        const WordIndex& index = WordIndex::For(list);
        std::span<const WordEntry> candidates = Fitting(index.EntriesFor(script), max_chars_);
        if (candidates.empty()) {
          candidates = Fitting(index.EntriesFor(LatinScript()), max_chars_);
        }
        const WordEntry* entry = Pick(candidates, first_choice);
        if (entry == nullptr) {
          return NothingFits();
        }
        picked_.append(entry->text);
        break;
      }
      case FakeKind::kName: {
        const auto surnames = WordIndex::For(WordListId::kSurnames).EntriesFor(script);
        const auto givens = WordIndex::For(WordListId::kGivenNames).EntriesFor(script);
        const bool no_space =
            JoinsNamesWithoutSpace(script) && trimmed.find(' ') == std::string_view::npos;
        const size_t separator = no_space ? 0 : 1;
        if (surnames.empty() || givens.empty()) {
          return NothingFits();
        }
        const size_t room = max_chars_ == SIZE_MAX ? SIZE_MAX : max_chars_;
        if (room < separator + surnames.front().chars + 1) {
          return NothingFits();
        }
        const WordEntry* given =
            Pick(Fitting(givens, room - separator - surnames.front().chars), first_choice);
        if (given == nullptr) {
          return NothingFits();
        }
        const WordEntry* surname =
            Pick(Fitting(surnames, room - separator - given->chars), second_choice);
        if (no_space) {
          picked_.append(surname->text).append(given->text);
        } else {
          picked_.append(given->text).append(" ").append(surname->text);
        }
        break;
      }
      case FakeKind::kStreet: {
        const std::string number = std::to_string(1 + DigestPrefix64(digest, 16) % 999);
        const auto surnames = WordIndex::For(WordListId::kSurnames).EntriesFor(script);
        const auto words = WordIndex::For(WordListId::kStreetWords).EntriesFor(script);
        if (surnames.empty() || words.empty()) {
          return NothingFits();
        }
        const size_t fixed = number.size() + 2;
        if (max_chars_ != SIZE_MAX &&
            max_chars_ < fixed + surnames.front().chars + words.front().chars) {
          return NothingFits();
        }
        const size_t room = max_chars_ == SIZE_MAX ? SIZE_MAX : max_chars_ - fixed;
        const WordEntry* name = Pick(Fitting(surnames, room - words.front().chars), first_choice);
        const WordEntry* word = Pick(Fitting(words, room - name->chars), second_choice);
        picked_.append(number).append(" ").append(name->text).append(" ").append(word->text);
        break;
      }
    }
    AppendCased(picked_, letter_case, &out->text);
    if (max_chars_ != SIZE_MAX && CountCodePoints(out->text) > max_chars_) {
      out->text = picked_;  // case mapping grew it (ß -> SS): keep the listed case
    }
    return Status::Ok();
  }

 private:
  static Status NothingFits() {
    return Status::InvalidArgument("no dictionary entry fits max_length");
  }

  KeyedHash hasher_;
  FakeKind kind_;
  size_t max_chars_;
  std::string folded_;
  std::string picked_;
};

template <FakeKind kind>
Result<std::unique_ptr<Transformer>> CreateFake(TransformerContext& context) {
  PGVEIL_ASSIGN_OR_RETURN(SecretBytes key, context.DeriveKey(32));
  PGVEIL_ASSIGN_OR_RETURN(KeyedHash hasher, KeyedHash::Create(key.span()));
  return MakeTransformer<FakeNameTransformer>(context, std::move(hasher), kind);
}

template <FakeKind kind>
OutputTraits FakeTraits(const ParamValues& params) {
  int64_t bound = static_cast<int64_t>(LongestOutput(kind));
  if (params.WasGiven("max_length")) {
    bound = std::min(bound, params.GetInt("max_length"));
  }
  return {Uniqueness::kNotGuaranteed, LengthRule::kAtMost, bound};
}

constexpr ParamSpec kParams[] = {
    IntParam("max_length", "", 1, 10000,
             "pick only entries that fit this many characters (the column's varchar(n))"),
};

#define PGVEIL_FAKE_DEFINITION(spec_name, kind, text)      \
  TransformerDefinition {                                  \
    .spec = {.name = (spec_name),                          \
             .summary = (text),                            \
             .params = kParams,                            \
             .accepted_types = kTextTypes,                 \
             .uniqueness = Uniqueness::kNotGuaranteed,     \
             .length_rule = LengthRule::kAtMost,           \
             .privacy = PrivacyClass::kLinkable},          \
    .create = CreateFake<kind>, .traits = FakeTraits<kind> \
  }

constexpr TransformerDefinition kDefinitions[] = {
    PGVEIL_FAKE_DEFINITION("fake_first_name", FakeKind::kFirstName,
                           "a keyed given name from the dictionary, in the input's script"),
    PGVEIL_FAKE_DEFINITION("fake_last_name", FakeKind::kLastName,
                           "a keyed surname from the dictionary, in the input's script"),
    PGVEIL_FAKE_DEFINITION("fake_name", FakeKind::kName,
                           "a keyed given name and surname, in the input's script"),
    PGVEIL_FAKE_DEFINITION("fake_street", FakeKind::kStreet,
                           "a keyed street address: number, name, street word"),
    PGVEIL_FAKE_DEFINITION("fake_city", FakeKind::kCity,
                           "a keyed city from the dictionary, in the input's script"),
};

#undef PGVEIL_FAKE_DEFINITION

}  // namespace

std::span<const TransformerDefinition> FakeNameDefinitions() { return kDefinitions; }

}  // namespace pgveil::masking
