#include "masking/registry.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "masking/test_support.h"

namespace pgveil::masking {
namespace {

using testing::TestKeys;

TEST_CASE("the registry lists every transformer of the issue once", "[masking][registry]") {
  std::set<std::string_view> names;
  for (const TransformerSpec* spec : AllTransformerSpecs()) {
    CHECK(names.insert(spec->name).second);
    CHECK(!spec->summary.empty());
    CHECK(!spec->accepted_types.empty());
    CHECK(spec->deterministic);
    for (const ParamSpec& param : spec->params) {
      CHECK(!param.doc.empty());
    }
  }
  for (std::string_view name : {"keep",
                                "null",
                                "constant",
                                "hash",
                                "email",
                                "phone",
                                "credit_card",
                                "iban",
                                "fpe_digits",
                                "fpe_alnum",
                                "fpe_int",
                                "fake_first_name",
                                "fake_last_name",
                                "fake_name",
                                "fake_street",
                                "fake_city",
                                "postal_generalize",
                                "date_shift",
                                "date_generalize",
                                "age_cap",
                                "numeric_noise",
                                "ip",
                                "uuid",
                                "json"}) {
    INFO(name);
    CHECK(names.count(name) == 1);
    CHECK(FindTransformerSpec(name) != nullptr);
  }
  CHECK(FindTransformerSpec("nope") == nullptr);
}

TEST_CASE("misspelt parameters and transformers get a suggestion", "[masking][registry]") {
  Result<std::unique_ptr<Transformer>> typo =
      CreateTransformer("email", {{"keep_domian", "true"}}, "d", TestKeys());
  REQUIRE(!typo.ok());
  CHECK(typo.status().code() == StatusCode::kInvalidArgument);
  CHECK(typo.status().message() ==
        "unknown parameter 'keep_domian' for transformer email; did you mean 'keep_domain'?");

  CHECK(CreateTransformer("phnoe", {}, "d", TestKeys()).status().message() ==
        "unknown transformer 'phnoe'; did you mean 'phone'?");
  CHECK(CreateTransformer("phone", {{"zzz", "1"}}, "d", TestKeys()).status().message() ==
        "unknown parameter 'zzz' for transformer phone; it takes: on_invalid");
  CHECK(CreateTransformer("keep", {{"x", "1"}}, "d", TestKeys()).status().message() ==
        "unknown parameter 'x' for transformer keep; it takes no parameters");
}

TEST_CASE("parameter values are validated by type, range and choice", "[masking][registry]") {
  auto message = [](std::string_view name, const ParamMap& params) {
    Result<std::unique_ptr<Transformer>> created = CreateTransformer(name, params, "d", TestKeys());
    return created.ok() ? std::string("ok") : created.status().message();
  };
  CHECK(message("email", {{"keep_domain", "yes"}}) ==
        "parameter 'keep_domain' for transformer email must be true or false");
  CHECK(message("hash", {{"length", "65"}}) ==
        "parameter 'length' for transformer hash must be between 1 and 64");
  CHECK(message("hash", {{"length", "ten"}}) ==
        "parameter 'length' for transformer hash must be a whole number");
  CHECK(message("hash", {{"encoding", "base64"}}) ==
        "parameter 'encoding' for transformer hash must be one of 'hex', 'base32'");
  CHECK(message("hash", {{"encoding", "base32"}, {"length", "52"}}) ==
        "transformer hash: base32 output holds at most 51 characters");
  CHECK(message("constant", {}) == "parameter 'value' is required for transformer constant");
  CHECK(message("fpe_int", {{"min", "5"}, {"max", "5"}}) ==
        "transformer fpe_int: min must be smaller than max");
  CHECK(message("email", {{"domain_suffix", "not a domain"}}) ==
        "transformer email: domain_suffix is not a valid domain name");
  CHECK(message("json", {{"paths", "{"}}) ==
        "parameter 'paths' for transformer json is not valid JSON");
  CHECK(CreateTransformer("hash", {}, "", TestKeys()).status().message().find("needs a domain") !=
        std::string::npos);
}

TEST_CASE("CheckFits: types the transformer accepts", "[masking][registry]") {
  CHECK(CheckFits("fpe_digits", {}, "text").ok());
  CHECK(CheckFits("fpe_digits", {}, "character varying(20)").ok());
  Status uuid = CheckFits("fpe_digits", {}, "uuid");
  CHECK(uuid.code() == StatusCode::kInvalidArgument);
  CHECK(uuid.message() ==
        "transformer fpe_digits on type uuid: the type is not accepted (it takes text, "
        "varchar, bpchar, citext, name)");
  CHECK(CheckFits("uuid", {}, "uuid").ok());
  CHECK(CheckFits("ip", {}, "inet").ok());
  CHECK(CheckFits("ip", {}, "cidr").ok());
  CHECK(!CheckFits("ip", {}, "int4").ok());
  CHECK(CheckFits("date_shift", {}, "timestamp with time zone").ok());
  CHECK(CheckFits("date_shift", {}, "date").ok());
  CHECK(!CheckFits("date_shift", {}, "int8").ok());
  CHECK(CheckFits("json", {{"paths", "{}"}}, "jsonb").ok());
  CHECK(CheckFits("keep", {}, "my_enum").ok());
  CHECK(CheckFits("null", {}, "text[]").ok());
  CHECK(!CheckFits("email", {}, "text[]").ok());
  CHECK(!CheckFits("emial", {}, "text").ok());
}

TEST_CASE("CheckFits: length limits of varchar(n) and char(n)", "[masking][registry]") {
  // Same-length transformers always fit.
  CHECK(CheckFits("phone", {}, "varchar(5)").ok());
  CHECK(CheckFits("fpe_digits", {}, "char(9)").ok());
  // Hash: 64 characters by default.
  Status hash = CheckFits("hash", {}, "varchar(32)");
  CHECK(hash.message() ==
        "transformer hash on type varchar: it may write 64 characters, and varchar(32) "
        "holds 32; set length: 32 or less");
  CHECK(CheckFits("hash", {{"length", "32"}}, "varchar(32)").ok());
  CHECK(CheckFits("hash", {}, "varchar", 64).ok());
  // A fake name into varchar(3) may not fit; max_length makes it fit.
  Status name = CheckFits("fake_name", {}, "varchar(3)");
  CHECK(name.code() == StatusCode::kInvalidArgument);
  CHECK(name.message().find("set max_length: 3") != std::string::npos);
  CHECK(CheckFits("fake_name", {{"max_length", "3"}}, "varchar(3)").ok());
  // Email with a mapped domain has a fixed bound (20 + 1 + 8 + 1 + 11).
  CHECK(CheckFits("email", {}, "varchar(41)").ok());
  CHECK(!CheckFits("email", {}, "varchar(40)").ok());
  CHECK(CheckFits("email", {{"max_length", "40"}}, "varchar(40)").ok());
  // JSON has no bound at all.
  CHECK(!CheckFits("json", {{"paths", "{}"}}, "varchar(1000)").ok());
  CHECK(CheckFits("json", {{"paths", "{}"}}, "text").ok());
  CHECK(CheckFits("constant", {{"value", "REDACTED"}}, "varchar(8)").ok());
  CHECK(!CheckFits("constant", {{"value", "REDACTED"}}, "varchar(7)").ok());
}

TEST_CASE("CheckFits: value ranges and constants of typed columns", "[masking][registry]") {
  CHECK(CheckFits("fpe_int", {}, "integer").ok());
  CHECK(CheckFits("fpe_int", {}, "bigint").ok());
  Status small = CheckFits("fpe_int", {}, "smallint");
  CHECK(small.message() ==
        "transformer fpe_int on type int2: the range min..max does not fit the column type "
        "(-32768..32767)");
  CHECK(CheckFits("fpe_int", {{"min", "1"}, {"max", "32767"}}, "int2").ok());
  CHECK(!CheckFits("numeric_noise", {}, "int4").ok());
  CHECK(CheckFits("numeric_noise", {{"min", "0"}, {"max", "1000000"}}, "int4").ok());
  CHECK(CheckFits("numeric_noise", {}, "numeric(10,2)").ok());
  CHECK(CheckFits("constant", {{"value", "0"}}, "int2").ok());
  CHECK(!CheckFits("constant", {{"value", "70000"}}, "int2").ok());
  CHECK(CheckFits("constant", {{"value", "-9223372036854775808"}}, "int8").ok());
  CHECK(!CheckFits("constant", {{"value", "n/a"}}, "date").ok());
  CHECK(CheckFits("constant", {{"value", "1970-01-01"}}, "date").ok());
  CHECK(CheckFits("constant", {{"value", "00000000-0000-0000-0000-000000000000"}}, "uuid").ok());
  CHECK(!CheckFits("constant", {{"value", "{"}}, "jsonb").ok());
  CHECK(CheckFits("constant", {{"value", "127.0.0.1"}}, "inet").ok());
  CHECK(!CheckFits("date_shift", {{"on_invalid", "hash"}}, "date").ok());
  CHECK(CheckFits("date_shift", {{"on_invalid", "hash"}}, "text").ok());
}

TEST_CASE("DescribeTransformer reports uniqueness for the given parameters",
          "[masking][registry]") {
  CHECK(DescribeTransformer("hash", {})->uniqueness == Uniqueness::kPreserving);
  CHECK(DescribeTransformer("hash", {{"length", "25"}})->uniqueness == Uniqueness::kPreserving);
  CHECK(DescribeTransformer("hash", {{"length", "24"}})->uniqueness == Uniqueness::kNotGuaranteed);
  CHECK(DescribeTransformer("hash", {{"encoding", "base32"}, {"length", "20"}})->uniqueness ==
        Uniqueness::kPreserving);
  CHECK(DescribeTransformer("email", {{"local_length", "12"}})->uniqueness ==
        Uniqueness::kNotGuaranteed);
  CHECK(DescribeTransformer("fpe_digits", {})->uniqueness == Uniqueness::kPreserving);
  CHECK(DescribeTransformer("null", {})->uniqueness == Uniqueness::kLossy);
  CHECK(DescribeTransformer("postal_generalize", {})->uniqueness == Uniqueness::kLossy);
  CHECK(DescribeTransformer("phone", {})->uniqueness == Uniqueness::kNotGuaranteed);
  CHECK(UniquenessName(Uniqueness::kNotGuaranteed) == "not guaranteed");
}

TEST_CASE("a primary key and its foreign key join through a shared domain", "[masking][registry]") {
  for (std::string_view name : {"fpe_digits", "fpe_int", "uuid", "hash", "email"}) {
    std::string value = name == "uuid"    ? "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"
                        : name == "email" ? "jane@example.com"
                                          : "12345678";
    const std::string pk = testing::MaskText(name, value, {}, "customer_id");
    const std::string fk = testing::MaskText(name, value, {}, "customer_id");
    const std::string unrelated = testing::MaskText(name, value, {}, "public.orders.customer_id");
    INFO(name);
    CHECK(pk == fk);
    CHECK(pk != unrelated);
  }
}

}  // namespace
}  // namespace pgveil::masking
