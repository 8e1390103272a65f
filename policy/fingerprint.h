// policy/fingerprint.h
//
// The stable identity of a violation: sha256 (hex) of
// "rule|schema.table.column[#path]|category", where table-level violations
// leave out ".column" and violations without a category end in "|". No
// line number, message text or severity goes in, so a fingerprint survives
// reformatting the policy, moving a migration and rewording a message;
// baselines and code-scanning alerts key on it.
//
// Thread-safety: pure function.
#pragma once

#include <optional>
#include <string>

#include "core/category.h"
#include "core/schema.h"

namespace pgveil::policy {

// "schema.table", "schema.table.column" or "schema.table.column#$.a.b", with
// the names as the catalog spells them (no quoting).
std::string FingerprintTarget(const ColumnRef& column, const std::optional<std::string>& path);

// 64 lowercase hex digits.
std::string ViolationFingerprint(const std::string& rule, const ColumnRef& column,
                                 const std::optional<std::string>& path,
                                 const std::optional<Category>& category);

// sha256 of `text` as 64 lowercase hex digits.
std::string Sha256Hex(const std::string& text);

}  // namespace pgveil::policy
