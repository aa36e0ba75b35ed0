// Pre-tokenization: splitting text into the pieces BPE runs on, exactly as
// tiktoken's regexes split it, written as hand scanners (no regex engine:
// std::regex has no \p{..}, and a backtracking engine is slow on long runs).
//
// The three pattern families (tiktoken_ext/openai_public.py):
//   kR50k   r50k_base, p50k_base, p50k_edit:
//           's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
//   kCl100k cl100k_base:
//           (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}|
//           ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
//   kO200k  o200k_base, o200k_harmony:
//           [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|..)?|
//           [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|..)?|
//           \p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+
// Hugging Face families (issue #4; data/vocab/build_hf_vocab.mjs checks
// that each tokenizer.json's Split regex is exactly one of these):
//   kCl100k  also Llama 3's regex, character for character
//   kQwen2   Qwen 2.5 / 3: cl100k_base's with \p{N} for \p{N}{1,3}
//   kTekken  Mistral's tekken (Nemo): o200k_base's without the contraction
//            suffixes and with \p{N} for \p{N}{1,3}
//   kR50k    also the legacy Claude tokenizer's
//   kDeepSeekV3  three Split regexes in sequence (pretokenizer.cpp)
//   kMetaspace   Gemma 3: no split at all (its Split on ' ' runs after the
//                normalizer turned every ' ' into '▁'), one piece per section
// Each scanner returns what the regex's leftmost-first, backtracking match
// returns; pretokenizer.cpp explains each alternative's backtracking.
#pragma once

#include <cstddef>
#include <cstdint>

namespace llmcalc::tokenizer {

enum class Pattern { kR50k, kCl100k, kO200k, kQwen2, kTekken, kDeepSeekV3, kMetaspace };

// End (exclusive byte offset) of the piece that starts at `pos` < `n`.
// Always > pos: every character belongs to some piece.
std::size_t next_piece(Pattern pattern, const std::uint8_t* s, std::size_t n, std::size_t pos);

}  // namespace llmcalc::tokenizer
