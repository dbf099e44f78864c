// Fuzz target: quotes, their speakers and the words naming them, with the entities and people they
// hang on (ExtractEntities over text cleaned as a .txt file is). See docs/RELIABILITY.md.
#include "extract/entities.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corroborate;
  std::optional<Article> article = fuzz::CleanedText(fuzz::Bytes(data, size));
  if (!article) return 0;
  const EntityMentions found = ExtractEntities(*article);
  uint32_t last = 0;
  for (const QuoteMention& q : found.quotes) {
    FUZZ_CHECK(q.start >= last && q.start <= q.end && q.end <= article->text.size());
    FUZZ_CHECK(q.speaker >= -1 && q.speaker < static_cast<int32_t>(found.entities.size()));
    FUZZ_CHECK(utf8::IsValid(q.speaker_name) && utf8::IsValid(q.speaker_role) && utf8::IsValid(q.speaker_org));
    // The words naming the speaker lie in the text, and only a known speaker has them.
    FUZZ_CHECK(q.mention_start <= q.mention_end && q.mention_end <= article->text.size());
    FUZZ_CHECK(q.mention_start == q.mention_end || q.speaker_kind != SpeakerKind::kUnknown);
    last = q.end;
  }
  return 0;
}
