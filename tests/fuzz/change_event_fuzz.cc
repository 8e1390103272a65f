// A change event read from the broker, which anyone who can publish to the
// stream's subjects can write: any bytes. A malformed event is
// InvalidArgument naming a field, never a crash and never a value; one that
// reads is written back to the same text as its own encoding reads to.
#include <string>

#include "core/status.h"
#include "replicator/change_event.h"
#include "tests/fuzz/fuzz_targets.h"

namespace pgveil::fuzz {

void FuzzChangeEvent(std::string_view data) {
  namespace events = replicator::events;
  Result<events::Event> event = events::Decode(data);
  if (!event.ok()) {
    PGVEIL_CHECK(event.status().code() == StatusCode::kInvalidArgument);
    PGVEIL_CHECK(event.status().message().starts_with("a change event"));
    PGVEIL_CHECK(event.status().message().size() < 200);
    return;
  }
  const std::string encoded = events::Encode(*event);
  Result<events::Event> again = events::Decode(encoded);
  PGVEIL_CHECK(again.ok());
  PGVEIL_CHECK(again->index() == event->index());
  PGVEIL_CHECK(events::Encode(*again) == encoded);
  PGVEIL_CHECK(events::MessageId(*again, encoded) == events::MessageId(*event, encoded));
}

}  // namespace pgveil::fuzz
