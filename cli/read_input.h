// Reading a FILE argument ("-" is stdin) for commands that take one. A
// read failure is an InputError naming the file, so `guarded` maps it to
// exit 1 with the reason.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace llmcalc::cli {

// The name to show in messages: "<stdin>" for "-".
std::string display_name(const std::string& path);

// The whole file.
std::string read_all(const std::string& path);

// The file in chunks of about `chunk_bytes`; stops early when `sink`
// returns false.
void read_chunks(const std::string& path, std::size_t chunk_bytes,
                 const std::function<bool(std::string_view)>& sink);

}  // namespace llmcalc::cli
