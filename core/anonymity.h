// core/anonymity.h
//
// How identifiable the rows of one table of the masked copy are through its
// quasi-identifiers (core/quasi_identifier.h), as pg/anonymity_probe.h
// measures them with GROUP BY on the target:
//   - an equivalence class is the set of rows sharing one combination of
//     quasi-identifier values; k-anonymity is the size of the smallest, so
//     k = 1 means some row is the only one with its combination;
//   - l-diversity of a sensitive column is the fewest distinct values it
//     takes inside any class: l = 1 means everyone in some class shares the
//     value, so knowing the class is knowing the value.
// Counts and column names only, never a value.
//
// Thread-safety: plain values; copy freely.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pgveil {

struct SensitiveDiversity {
  std::string column;
  // Fewest distinct non-null values in one class, over the classes where
  // the column has any (a class with only NULLs discloses nothing); 0 when
  // the column is NULL everywhere.
  int64_t l = 0;
};

struct TableAnonymity {
  std::string schema;
  std::string table;
  std::vector<std::string> quasi_identifiers;  // the columns grouped by, in table order
  int bar = 5;                                 // the k a table needs (policy k_anonymity)
  int64_t rows = 0;                            // rows measured (of the sample, when sampled)
  int64_t classes = 0;                         // distinct combinations
  int64_t k = 0;                               // rows in the smallest class
  int64_t rows_below_bar = 0;                  // rows in classes smaller than `bar`
  // TABLESAMPLE BERNOULLI percent for a large table; nullopt when every row
  // was counted. A sample's classes are smaller than the table's, so its k
  // errs on the side of caution.
  std::optional<double> sample_percent;
  std::vector<SensitiveDiversity> sensitive;
  // Why the table could not be measured ("not in the masked copy", the
  // server's error); "" when it was.
  std::string not_measured;

  bool Measured() const { return not_measured.empty(); }
  // Rows in classes smaller than the bar, in percent of the rows measured.
  double PercentBelowBar() const {
    return rows == 0 ? 0.0
                     : 100.0 * static_cast<double>(rows_below_bar) / static_cast<double>(rows);
  }
  // Whether some row is in a class smaller than the bar.
  bool BelowBar() const { return Measured() && rows > 0 && k < bar; }
};

}  // namespace pgveil
