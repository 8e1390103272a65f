// masking/date_transformers.cc
//
// date_shift: moves a date or timestamp by a keyed number of days in
// [-days, -1] or [1, days] (never zero, so no value leaks unchanged). The
// offset is an HMAC of the date part alone, so all timestamps of one day
// move together and keep their order within the day; the time of day and
// the zone are kept. A shift that would leave years 1..9999 (or the
// input's range) goes the other way.
//
// date_generalize: keeps the year (to: year) or year and month (to:
// month), the rest set to its first value: "2024-03-15 13:45:00.5+01" ->
// "2024-01-01 00:00:00+01". Lossy; not keyed.
//
// Both read PostgreSQL's DateStyle ISO output (pg_date.h). "infinity" and
// "-infinity" pass through unchanged, as does the empty string (a text
// column). Bad input: anything else that is not an ISO date or timestamp,
// BC dates, impossible dates (2023-02-30) -> on_invalid.

#include "masking/keyed_hash.h"
#include "masking/pg_date.h"
#include "masking/transformer_definition.h"

namespace pgveil::masking {
namespace {

constexpr std::string_view kDateTypes[] = {"date", "timestamp", "timestamptz",
                                           "text", "varchar",   "bpchar"};

void AppendShiftedValue(const IsoDateTime& value, int64_t year, int month, int day,
                        std::string* out) {
  AppendIsoDate(year, month, day, out);
  if (value.has_time) {
    out->push_back(value.separator);
    AppendIsoTime(value, out);
  }
}

// What both transformers share: empty and infinite dates pass through, and
// anything else must be an ISO date or timestamp before MaskDate sees it.
class DateTransformer : public Transformer {
 public:
  using Transformer::Transformer;

 protected:
  Status MaskValue(std::string_view in, MaskedValue* out) final {
    if (in.empty() || IsInfinityDate(in)) {
      out->text.assign(in);
      return Status::Ok();
    }
    std::optional<IsoDateTime> value = ParseIsoDateTime(in);
    if (!value.has_value()) {
      return Invalid("not an ISO date or timestamp");
    }
    MaskDate(in, *value, &out->text);
    return Status::Ok();
  }
  // `in` parsed as `value`; appends the masked date to `out`.
  virtual void MaskDate(std::string_view in, const IsoDateTime& value, std::string* out) = 0;
};

class DateShiftTransformer final : public DateTransformer {
 public:
  DateShiftTransformer(TransformerContext& context, KeyedHash hasher)
      : DateTransformer(context.spec.name, std::move(context.invalid)),
        hasher_(std::move(hasher)),
        days_(context.params.GetInt("days")) {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<DateShiftTransformer>(*this);
  }

 protected:
  void MaskDate(std::string_view in, const IsoDateTime& value, std::string* out) override {
    const std::string_view date = in.substr(0, in.find_first_of(" T"));
    const KeyedHash::Digest digest = hasher_.Mac(date);
    const int64_t magnitude =
        1 + static_cast<int64_t>(DigestPrefix64(digest) % static_cast<uint64_t>(days_));
    const int64_t offset = (digest[8] & 1) != 0 ? -magnitude : magnitude;

    const int64_t max_year = value.year > 9999 ? kMaxTimestampYear : 9999;
    const int64_t days = DaysFromCivil(value.year, value.month, value.day);
    int64_t year;
    int month;
    int day;
    CivilFromDays(days + offset, &year, &month, &day);
    if (year < 1 || year > max_year) {
      CivilFromDays(days - offset, &year, &month, &day);
    }
    AppendShiftedValue(value, year, month, day, out);
  }

 private:
  KeyedHash hasher_;
  int64_t days_;
};

class DateGeneralizeTransformer final : public DateTransformer {
 public:
  explicit DateGeneralizeTransformer(TransformerContext& context)
      : DateTransformer(context.spec.name, std::move(context.invalid)),
        keep_month_(context.params.GetString("to") == "month") {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<DateGeneralizeTransformer>(*this);
  }

 protected:
  void MaskDate(std::string_view, const IsoDateTime& value, std::string* out) override {
    IsoDateTime general = value;
    general.hour = general.minute = general.second = 0;
    general.fraction = {};
    AppendShiftedValue(general, value.year, keep_month_ ? value.month : 1, 1, out);
  }

 private:
  bool keep_month_;
};

Result<std::unique_ptr<Transformer>> CreateDateShift(TransformerContext& context) {
  PGVEIL_ASSIGN_OR_RETURN(SecretBytes key, context.DeriveKey(32));
  PGVEIL_ASSIGN_OR_RETURN(KeyedHash hasher, KeyedHash::Create(key.span()));
  return MakeTransformer<DateShiftTransformer>(context, std::move(hasher));
}

constexpr ParamSpec kShiftParams[] = {
    IntParam("days", "30", 1, 36500, "largest shift in days, either way (the shift is never zero)"),
    kOnInvalidParam,
};

constexpr ParamSpec kGeneralizeParams[] = {
    EnumParam("to", "year", "year|month", "year (YYYY-01-01) or month (YYYY-MM-01)"),
    kOnInvalidParam,
};

constexpr TransformerDefinition kDefinitions[] = {
    {.spec = {.name = "date_shift",
              .summary = "moves a date or timestamp by a keyed, non-zero number of days",
              .params = kShiftParams,
              .accepted_types = kDateTypes,
              .uniqueness = Uniqueness::kNotGuaranteed,
              .length_rule = LengthRule::kSameAsInput,
              .privacy = PrivacyClass::kReversible},
     .create = CreateDateShift},
    {.spec = {.name = "date_generalize",
              .summary = "keeps only the year, or year and month, of a date or timestamp",
              .params = kGeneralizeParams,
              .accepted_types = kDateTypes,
              .keyed = false,
              .uniqueness = Uniqueness::kLossy,
              .length_rule = LengthRule::kSameAsInput,
              .privacy = PrivacyClass::kIrreversible},
     .create = [](TransformerContext& c) { return MakeTransformer<DateGeneralizeTransformer>(c); }},
};

}  // namespace

std::span<const TransformerDefinition> DateDefinitions() { return kDefinitions; }

}  // namespace pgveil::masking
