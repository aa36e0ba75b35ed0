#include "tokenizer/warm_up.h"

namespace llmcalc::tokenizer {
namespace {

// About 16 KB: enough that every hot function runs out of V8's tier-up
// budget, small enough to take a few milliseconds in baseline code.
constexpr std::size_t kTokenBytes = 16 * 1024;
// A prime stride visits ranks all over the vocabulary, not one region.
constexpr std::uint32_t kStride = 7919;

}  // namespace

std::string warm_up_text(const Encoding& enc) {
  const Vocab& vocab = *enc.vocab();
  std::string text;
  const Rank end = vocab.rank_end();
  for (std::uint32_t i = 0; text.size() < kTokenBytes && i < end; ++i) {
    text += vocab.bytes(static_cast<Rank>((std::uint64_t{i} * kStride) % end));
  }
  // A 48-letter piece, over the short-piece merge's 32 bytes (bpe.cpp).
  text += " qwertyuiopasdfghjklzxcvbnmmnbvcxzlkjhgfdsapoiuytrewq";
  text += " 1234567890 3.14159\n\n\t  ";
  // Decomposed é, fullwidth letters and comma, the ﬁ ligature, Hangul jamo.
  text +=
      " cafe\xCC\x81 \xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\x8C \xEF\xAC\x81 \xE1\x84\x80\xE1\x85\xA1\n";
  return text;
}

void warm_up(const Encoding& enc) {
  Encoding scratch(enc.spec(), enc.vocab());
  SpecialPolicy as_text;
  as_text.others_as_text = true;  // the tokens may spell a special token
  scratch.count(warm_up_text(enc), as_text);
}

}  // namespace llmcalc::tokenizer
