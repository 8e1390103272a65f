// scanner/format_validators.h
//
// Validators for formats without check digits: email addresses, IP
// addresses and phone numbers (libphonenumber decides whether a number is
// possible and valid for its region). Check-digit validators live in
// scanner/validators.h; detectors name either kind in detectors.yaml.
//
// Thread-safety: all functions are safe to call concurrently.
#pragma once

#include <string_view>

namespace pgveil::scanner {

bool ValidEmail(std::string_view candidate);
bool ValidIpv4(std::string_view candidate);
bool ValidIpv6(std::string_view candidate);

// A phone number in international form (+ or 00 prefix) valid for the region
// its country code names, or in national form valid in one of the regions
// pgveil knows (US, GB, DE, FR, ES, IT, NL, PL, SE, BR, IN, ...). Bare digit
// runs without a prefix, separator or parenthesis are rejected: without a
// column name that says "phone", they are order numbers as often as phones.
bool ValidPhone(std::string_view candidate);

// "52.520008, 13.404954": latitude within ±90, longitude within ±180.
bool ValidLatLon(std::string_view candidate);

// "email", "ipv4", "ipv6", "phone" or "latlon"; nullptr for other names.
using FormatValidatorFn = bool (*)(std::string_view candidate);
FormatValidatorFn FindFormatValidator(std::string_view name);

}  // namespace pgveil::scanner
