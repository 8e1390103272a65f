// Detection throughput: values per second through the whole per-value path
// (UTF-8 check, NFKC, one Hyperscan pass, RE2 confirmation, validators,
// dictionary lookups, profile update) on one core. The corpus is every field
// of the generated shop database — realistic PII in many scripts, decoys,
// free text and JSON documents — scanned as one text column.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "datagen/generator.h"
#include "scanner/column_scanner.h"

namespace pgveil {
namespace {

// Collects the fields of every COPY line as plain values (\N skipped,
// backslash escapes undone).
class FieldCollector : public datagen::Sink {
 public:
  std::vector<std::string> values;
  Status Sql(std::string_view) override { return Status::Ok(); }
  Status BeginCopy(std::string_view, std::string_view, const std::vector<std::string>&) override {
    return Status::Ok();
  }
  Status EndCopy() override { return Status::Ok(); }
  Status CopyData(std::string_view rows) override {
    std::string field;
    for (size_t i = 0; i < rows.size(); ++i) {
      char c = rows[i];
      if (c == '\t' || c == '\n') {
        if (field != "\\N") values.push_back(field);
        field.clear();
      } else if (c == '\\' && i + 1 < rows.size()) {
        char next = rows[++i];
        field += next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next;
      } else {
        field += c;
      }
    }
    return Status::Ok();
  }
};

const std::vector<std::string>& Corpus() {
  static const std::vector<std::string> corpus = [] {
    FieldCollector collector;
    datagen::GeneratorOptions options;
    options.seed = 11;
    options.scale = 1.0;
    (void)datagen::GenerateShop(options, collector);
    return collector.values;
  }();
  return corpus;
}

void BM_DetectShopCorpus(benchmark::State& state) {
  // Every value through the whole path: the corpus is one column, and
  // stopping once its verdicts settle would measure the statistics instead.
  auto scanner = scanner::ColumnScanner::Create({.stop_when_settled = false});
  if (!scanner.ok()) {
    state.SkipWithError(scanner.status().message().c_str());
    return;
  }
  auto context = (*scanner)->NewContext();
  ColumnSample sample;
  sample.values = Corpus();
  TableInfo table;
  table.schema = "public";
  table.name = "mixed";
  ColumnInfo column;
  column.name = "c1";
  column.data_type = "text";
  column.type_name = "text";
  column.type_category = 'S';
  for (auto _ : state) {
    auto scan = (*scanner)->Scan(table, column, sample, static_cast<int64_t>(sample.values.size()),
                                 *context);
    benchmark::DoNotOptimize(scan);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(sample.values.size()));
  state.counters["values"] = static_cast<double>(sample.values.size());
}
BENCHMARK(BM_DetectShopCorpus)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace pgveil

BENCHMARK_MAIN();
