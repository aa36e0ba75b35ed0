// Reads the body of a version 4 vocabulary file: a byte-level BPE
// vocabulary written as the merges that made its tokens, rANS-coded. The
// format, its model and its encoder are in data/vocab/merge_coder.mjs; this
// decoder must take every step as that encoder does.
#pragma once

#include <cstddef>
#include <cstdint>

#include "util/raw_vector.h"

namespace llmcalc::tokenizer {

// What the decoder rebuilds: the bytes of every rank, one after the other
// in `blob`, rank r at offsets[r] with lengths[r] bytes (0: a hole).
struct TokenTable {
  RawVector<std::uint8_t> blob;
  RawVector<std::uint32_t> offsets;
  RawVector<std::uint16_t> lengths;
};

// Decodes the tokens of `count` ranks from data[pos, size): the bytes of
// ranks 0-255, the holes and the coded merges, which must end the file.
// Bytes that are not a valid body throw InputError, as every vocabulary
// file error does (detail::bad_vocabulary_file in vocab.h).
void decode_merges(const std::uint8_t* data, std::size_t size, std::size_t pos, std::uint32_t count,
                   TokenTable& out);

}  // namespace llmcalc::tokenizer
