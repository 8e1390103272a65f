// masking/postal_transformer.cc
//
// postal_generalize: HIPAA Safe Harbor generalisation of US ZIP codes
// (45 CFR 164.514(b)(2)(i)(B)): keep the first three digits, and write 000
// for the three-digit areas with 20,000 people or fewer. The list below is
// the one HHS publishes in its de-identification guidance (from Census 2000
// ZIP Code Tabulation Areas); HHS says to use newer Census data when it is
// published, so revisit it then.
//
// Output: the ZIP3 followed by zeros in the remaining digit positions
// ("94107" -> "94100", "94107-1234" -> "94100-0000"), or only the three
// digits with truncate: true. Surrounding spaces (char(n) padding) are kept.
// Not keyed; lossy by design.
//
// Bad input: anything but 5 digits, 9 digits or 5+4 digits with a hyphen
// -> on_invalid. The empty string stays empty.

#include <algorithm>
#include <array>

#include "masking/text_util.h"
#include "masking/transformer_definition.h"

namespace pgveil::masking {
namespace {

constexpr std::array<std::string_view, 17> kRestrictedZip3 = {
    "036", "059", "063", "102", "203", "556", "692", "790", "821",
    "823", "830", "831", "878", "879", "884", "890", "893"};

bool IsZipShape(std::string_view zip) {
  auto all_digits = [](std::string_view text) {
    return std::all_of(text.begin(), text.end(), IsAsciiDigit);
  };
  if (zip.size() == 5 || zip.size() == 9) {
    return all_digits(zip);
  }
  return zip.size() == 10 && zip[5] == '-' && all_digits(zip.substr(0, 5)) &&
         all_digits(zip.substr(6));
}

class PostalTransformer final : public Transformer {
 public:
  explicit PostalTransformer(TransformerContext& context)
      : Transformer(context.spec.name, std::move(context.invalid)),
        truncate_(context.params.GetBool("truncate")) {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<PostalTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view in, MaskedValue* out) override {
    if (in.empty()) {
      return Status::Ok();
    }
    const std::string_view zip = TrimAsciiSpace(in);
    if (!IsZipShape(zip)) {
      return Invalid("not a US ZIP code (5, 9 or 5+4 digits)");
    }
    const size_t leading = static_cast<size_t>(zip.data() - in.data());
    const std::string_view zip3 = zip.substr(0, 3);
    const bool restricted =
        std::find(kRestrictedZip3.begin(), kRestrictedZip3.end(), zip3) != kRestrictedZip3.end();

    out->text.assign(in.substr(0, leading));
    out->text.append(restricted ? std::string_view("000") : zip3);
    if (!truncate_) {
      for (char c : zip.substr(3)) {
        out->text.push_back(c == '-' ? '-' : '0');
      }
    }
    out->text.append(in.substr(leading + zip.size()));
    return Status::Ok();
  }

 private:
  bool truncate_;
};

constexpr ParamSpec kParams[] = {
    BoolParam("truncate", "false", "write only the three digits instead of padding with zeros"),
    kOnInvalidParam,
};

constexpr TransformerDefinition kDefinitions[] = {
    {.spec = {.name = "postal_generalize",
              .summary = "HIPAA: first three ZIP digits, 000 for the restricted areas",
              .params = kParams,
              .accepted_types = kTextTypes,
              .keyed = false,
              .uniqueness = Uniqueness::kLossy,
              .length_rule = LengthRule::kSameAsInput,
              .privacy = PrivacyClass::kIrreversible},
     .create = [](TransformerContext& c) { return MakeTransformer<PostalTransformer>(c); }},
};

}  // namespace

std::span<const TransformerDefinition> PostalDefinitions() { return kDefinitions; }

}  // namespace pgveil::masking
