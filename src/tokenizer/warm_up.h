// Counting a made-up text once, on a scratch copy of an encoding, so that a
// caller's first real count runs compiled code instead of baseline code.
//
// Why: V8 runs a new wasm module's functions with its baseline compiler and
// replaces them with optimized code only after they have run for a while,
// compiling in the background (there is no on-stack replacement). Measured
// under Node 20 on 17 corpus files of 100 KB: the first pass over all of
// them took 71 ms for legacy Claude, against 48 ms once the counting code
// had been warmed this way. A page calls this while it is idle after
// loading a vocabulary (js/tokenizer.js), so that the first text a user
// pastes is counted at full speed.
//
// The scratch copy shares the vocabulary but not the piece cache, so the
// encoding's own later counts are exactly as if this had not run.
#pragma once

#include <string>

#include "tokenizer/encoding.h"

namespace llmcalc::tokenizer {

// The text: tokens from across the vocabulary side by side (new pieces to
// merge, in every script the vocabulary has), a run of letters longer than
// the short-piece merge takes, digits, whitespace, and characters that NFC
// and NFKC change.
std::string warm_up_text(const Encoding& enc);

// Counts warm_up_text(enc) on a scratch Encoding over the same vocabulary.
void warm_up(const Encoding& enc);

}  // namespace llmcalc::tokenizer
