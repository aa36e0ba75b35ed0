// The warm-up (warm_up.h) must take a count down the paths a real text
// takes, for every encoding, and leave the encoding's own results alone.
#include <gtest/gtest.h>

#include <string>

#include "tokenizer/normalizer.h"
#include "tokenizer/pretokenizer.h"
#include "tokenizer/warm_up.h"
#include "tokenizer_vocab_files.h"

namespace llmcalc::tokenizer {
namespace {

TEST(WarmUp, TheTextReachesEveryPathAndCountingItChangesNoResult) {
  for (const EncodingSpec& spec : encoding_specs()) {
    SCOPED_TRACE(spec.name);
    LLMCALC_LOAD_OR_SKIP(enc, spec.name);
    const std::string text = warm_up_text(*enc);
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    EXPECT_GT(text.size(), 16u * 1024);
    // A piece longer than the short-piece merge's 32 bytes (bpe.cpp).
    std::size_t longest = 0;
    for (std::size_t pos = 0; pos < text.size();) {
      std::size_t end = next_piece(spec.pattern, s, text.size(), pos);
      longest = std::max(longest, end - pos);
      pos = end;
    }
    EXPECT_GT(longest, 32u);
    // Work for both normalizers.
    EXPECT_FALSE(is_normalized(NormalForm::kNfc, s, text.size()));
    EXPECT_FALSE(is_normalized(NormalForm::kNfkc, s, text.size()));

    SpecialPolicy as_text;
    as_text.others_as_text = true;
    const std::string sample = "Hello, world! caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC 12345";
    const std::size_t before = enc->count(sample, as_text);
    warm_up(*enc);
    EXPECT_EQ(enc->count(sample, as_text), before);
    EXPECT_EQ(enc->count(text, as_text), Encoding(spec, enc->vocab()).count(text, as_text));
  }
}

}  // namespace
}  // namespace llmcalc::tokenizer
