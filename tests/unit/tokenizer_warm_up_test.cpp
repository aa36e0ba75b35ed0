// The warm-up (warm_up.h) must take a count down the paths a real text
// takes, for every encoding, and run to its end. (It cannot change a
// result: it counts on a scratch Encoding, and counts do not depend on the
// piece cache, which the differential tests check.)
#include <gtest/gtest.h>

#include <string>

#include "tokenizer/normalizer.h"
#include "tokenizer/pretokenizer.h"
#include "tokenizer/warm_up.h"
#include "tokenizer_vocab_files.h"

namespace llmcalc::tokenizer {
namespace {

TEST(WarmUp, TheTextReachesEveryPathForEveryEncoding) {
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
    // The tokens may spell a special token: that is text here, not an error.
    EXPECT_NO_THROW(warm_up(*enc));
  }
}

}  // namespace
}  // namespace llmcalc::tokenizer
