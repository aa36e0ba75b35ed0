#include "read_input.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "util/input_error.h"

namespace llmcalc::cli {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f != stdin) std::fclose(f);
  }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

File open(const std::string& path) {
  if (path == "-") return File(stdin);
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw InputError("file", "cannot open " + path + ": " + std::strerror(errno));
  return File(f);
}

}  // namespace

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

void read_chunks(const std::string& path, std::size_t chunk_bytes,
                 const std::function<bool(std::string_view)>& sink) {
  File f = open(path);
  std::vector<char> buf(chunk_bytes);
  for (;;) {
    std::size_t n = std::fread(buf.data(), 1, buf.size(), f.get());
    if (n > 0 && !sink(std::string_view(buf.data(), n))) return;
    if (n < buf.size()) break;
  }
  // fread reports a directory or an I/O fault only through ferror.
  if (std::ferror(f.get())) {
    throw InputError("file", "cannot read " + display_name(path) + ": " + std::strerror(errno));
  }
}

std::string read_all(const std::string& path) {
  std::string data;
  read_chunks(path, 1 << 20, [&](std::string_view chunk) {
    data.append(chunk);
    return true;
  });
  return data;
}

}  // namespace llmcalc::cli
