// The JSON forms of src/chunking/.
//
// chunk_api (arithmetic, run behind json_call):
//   in:  {"document_tokens", "size", "overlap"}  (numbers or typed text;
//        overlap may be omitted: 0), and optionally "context_window" with
//        "reserved_tokens" (default 0) for the retrieval budget
//   out: {"chunks", "document_tokens", "size", "overlap", "embedded_tokens",
//         "overlap_overhead"}, with a window also
//        "retrieval": {"context_window", "reserved_tokens", "budget_tokens",
//                      "chunks_fit", "unused_tokens"}
//
// text_chunks_json (text mode, for the CLI and the wasm module):
//   {"chunks": count, "tokens", "encoding", "size", "overlap",
//    "embedded_tokens", "overlap_overhead",
//    "ranges": [{"index", "start", "end", "byte_start", "byte_end",
//                "split_character"}],
//    "texts": [...] only when asked for}
// Token ranges are start/end; byte ranges are UTF-8 offsets into the text.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "chunking/chunking.h"

namespace llmcalc::chunking {

// Reads size and overlap (overlap optional, default 0) from a JSON object.
ChunkSettings chunk_settings_from_json(const nlohmann::json& input);

nlohmann::json to_json(const ChunkPlan& plan);

// JSON in, plan JSON out; throws InputError. Runs behind json_call().
nlohmann::json chunk_api(const nlohmann::json& input);

nlohmann::json text_chunks_json(const TextChunks& chunks, const std::string& encoding,
                                std::string_view text, bool with_texts);

}  // namespace llmcalc::chunking
