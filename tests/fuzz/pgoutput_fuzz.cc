// The replication stream is decoded byte by byte. A malformed message is
// InvalidArgument naming the message kind and offset, never a crash, and an
// LSN printed by FormatLsn always parses back to itself.
#include <cstdint>
#include <cstring>
#include <string>

#include "core/status.h"
#include "replicator/pgoutput.h"
#include "tests/fuzz/fuzz_targets.h"

namespace pgveil::fuzz {

void FuzzPgoutput(std::string_view data) {
  namespace pgoutput = replicator::pgoutput;
  auto event = pgoutput::Decode(data);
  if (!event.ok()) {
    PGVEIL_CHECK(event.status().code() == StatusCode::kInvalidArgument);
    // The message names the kind and the offset; the bytes (row data) stay out.
    PGVEIL_CHECK(event.status().message().starts_with("pgoutput "));
    PGVEIL_CHECK(event.status().message().size() < 100);
  }
  if (data.size() >= 8) {
    uint64_t lsn = 0;
    std::memcpy(&lsn, data.data(), sizeof lsn);
    auto parsed = pgoutput::ParseLsn(pgoutput::FormatLsn(lsn));
    PGVEIL_CHECK(parsed.ok() && parsed.value() == lsn);
  }
  auto parsed = pgoutput::ParseLsn(data);
  if (parsed.ok()) {
    PGVEIL_CHECK(pgoutput::ParseLsn(pgoutput::FormatLsn(parsed.value())).value() == parsed.value());
  }
}

}  // namespace pgveil::fuzz
