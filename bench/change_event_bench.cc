// What one slot reader can do on one core, per row change: decode the
// pgoutput UPDATE message, mask its new row and old key through the
// relation's transformers, and encode it into a change event: each change
// a one-row transaction of its own, 1000 of them to an event, as the
// publisher sends a run of such transactions. A customers-like row: 12
// columns, 6 of them masked (names, email, phone, birth date, a hashed
// note), the key kept. replicator/DESIGN.md ("Change events") compares the
// rate with the WAL a primary writes. BM_Decode is what each applier
// spends reading those events back.
//
//   ./change_event_bench --benchmark_repetitions=3
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "masking/key_ring.h"
#include "masking/registry.h"
#include "replicator/change_event.h"
#include "replicator/pgoutput.h"
#include "replicator/stream_relation.h"

namespace pgveil::replicator {
namespace {

constexpr int kChangesPerEvent = 1000;

struct BenchColumn {
  const char* name;
  const char* type;
  const char* transformer;  // nullptr: keep
};

constexpr BenchColumn kColumns[] = {
    {"customer_id", "bigint", nullptr},          {"first_name", "text", "fake_first_name"},
    {"last_name", "text", "fake_last_name"},          {"email", "text", "email"},
    {"phone", "text", "phone"},                  {"date_of_birth", "date", "date_shift"},
    {"status", "text", nullptr},                 {"created_at", "timestamptz", nullptr},
    {"loyalty_tier", "text", nullptr},           {"notes", "text", "hash"},
    {"marketing_opt_in", "boolean", nullptr},    {"country", "text", nullptr}};

void Append32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>(v >> shift));
}

void AppendTuple(std::string& out, const std::vector<std::string>& values) {
  out.push_back(static_cast<char>(values.size() >> 8));
  out.push_back(static_cast<char>(values.size() & 0xff));
  for (const std::string& value : values) {
    out.push_back('t');
    Append32(out, static_cast<uint32_t>(value.size()));
    out += value;
  }
}

// pgoutput 'U' messages with the old key ('K'), distinct rows.
std::vector<std::string> UpdateMessages(size_t count) {
  std::mt19937_64 rng(7);
  const char* first[] = {"Maria", "Jean", "Ólafur", "Aiko", "Lars", "Ngozi", "Wei", "Ana"};
  const char* last[] = {"García", "Dupont", "Jónsson", "Sato", "Berg", "Okafor", "Zhang", "Silva"};
  std::vector<std::string> messages;
  for (size_t i = 0; i < count; ++i) {
    const std::string id = std::to_string(100000 + i);
    std::vector<std::string> row = {
        id,
        first[rng() % 8],
        last[rng() % 8],
        "user" + std::to_string(rng() % 100000) + "@example.org",
        "+49 30 " + std::to_string(1000000 + rng() % 8999999),
        "19" + std::to_string(50 + rng() % 50) + "-0" + std::to_string(1 + rng() % 9) + "-1" +
            std::to_string(rng() % 10),
        "active",
        "2024-03-01 12:00:00+00",
        "gold",
        "called on " + std::to_string(rng() % 28 + 1) + " March about the late delivery",
        "t",
        "DE"};
    std::vector<std::string> key(row.size());
    key[0] = id;
    std::string message = "U";
    Append32(message, 16384);
    message.push_back('K');
    AppendTuple(message, key);
    message.push_back('N');
    AppendTuple(message, row);
    messages.push_back(std::move(message));
  }
  return messages;
}

StreamRelation CustomersRelation(const masking::KeyRing& keys) {
  StreamRelation relation;
  relation.oid = 16384;
  relation.schema = "public";
  relation.name = "customers";
  for (const BenchColumn& column : kColumns) {
    StreamColumn out;
    out.name = column.name;
    out.type = column.type;
    out.key = out.name == "customer_id";
    out.rule = column.transformer ? column.transformer : "keep";
    if (column.transformer != nullptr) {
      out.transformer = masking::CreateTransformer(column.transformer, {},
                                                   std::string("public.customers.") + column.name,
                                                   keys)
                            .value();
    }
    relation.columns.push_back(std::move(out));
  }
  return relation;
}

// What the publisher does with one pgoutput UPDATE: decoded, its new row and
// old key masked, appended to `rows` as one-row transaction number `i`.
Status AddMasked(StreamRelation& relation, const std::string& message, size_t i,
                 masking::MaskedValue& scratch, events::Rows& rows) {
  PGVEIL_ASSIGN_OR_RETURN(pgoutput::Event event, pgoutput::Decode(message));
  const auto& update = std::get<pgoutput::Update>(event);
  events::RowChange change;
  change.op = events::RowChange::Op::kUpdate;
  change.old_kind = update.old_kind;
  PGVEIL_RETURN_IF_ERROR(MaskTuple(relation, update.old_row, &change.old_row, scratch));
  PGVEIL_RETURN_IF_ERROR(MaskTuple(relation, update.row, &change.row, scratch));
  const pgoutput::Lsn lsn = 0x1000000 + i * 0x100;
  const int64_t committed = 800000000000000 + static_cast<int64_t>(i);
  rows.transactions.push_back({lsn, 0, {}, events::Commit{lsn, lsn + 0x40, committed, 1}});
  rows.transactions.back().changes.push_back(std::move(change));
  return Status::Ok();
}

events::Rows CustomersRows(const StreamRelation& relation) {
  events::Rows rows;
  rows.table = {"public", "customers", 'd', {}};
  for (const StreamColumn& column : relation.columns) {
    rows.table.columns.push_back({column.name, column.type, 0, column.key});
  }
  return rows;
}

masking::KeyRing BenchKeys() {
  return masking::KeyRing::FromSecret("benchmark key: 5f2c9a0d7e1b4c83a6f0e9d2b7c41a58").value();
}

void BM_DecodeMaskEncode(benchmark::State& state) {
  const masking::KeyRing keys = BenchKeys();
  StreamRelation relation = CustomersRelation(keys);
  const std::vector<std::string> messages = UpdateMessages(4096);
  events::Rows rows = CustomersRows(relation);
  masking::MaskedValue scratch;
  size_t i = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    Status added = AddMasked(relation, messages[i], i, scratch, rows);
    if (!added.ok()) {
      state.SkipWithError(added.message().c_str());
      break;
    }
    if (rows.transactions.size() == kChangesPerEvent) {
      const std::string json = events::Encode(rows);
      bytes += static_cast<int64_t>(json.size());
      benchmark::DoNotOptimize(json.data());
      rows.transactions.clear();
    }
    i = (i + 1) % messages.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_DecodeMaskEncode);

// An event of 1000 one-row transactions as BM_DecodeMaskEncode makes them.
std::string EncodedEvent() {
  const masking::KeyRing keys = BenchKeys();
  StreamRelation relation = CustomersRelation(keys);
  const std::vector<std::string> messages = UpdateMessages(kChangesPerEvent);
  events::Rows rows = CustomersRows(relation);
  masking::MaskedValue scratch;
  for (size_t i = 0; i < messages.size(); ++i) {
    if (!AddMasked(relation, messages[i], i, scratch, rows).ok()) return "";
  }
  return events::Encode(rows);
}

void BM_Decode(benchmark::State& state) {
  const std::string json = EncodedEvent();
  for (auto _ : state) {
    Result<events::Event> event = events::Decode(json);
    if (!event.ok()) {
      state.SkipWithError(event.status().message().c_str());
      break;
    }
    benchmark::DoNotOptimize(event->index());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * kChangesPerEvent);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * json.size()));
}
BENCHMARK(BM_Decode);

}  // namespace
}  // namespace pgveil::replicator

BENCHMARK_MAIN();
