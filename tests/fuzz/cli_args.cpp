// Fuzz target: the whole command line, in-process. The input split on NUL
// bytes is argv[1..] of `llmcalc` (cli/main.cpp's main(), renamed to
// llmcalc_cli_main for this build by cli/CMakeLists.txt), so the command
// table, the option parser (cli/args.h) and each command's body all run.
// Checked: the exit code is 0, 1 or 2, and nothing crashes, hangs (the run's
// -timeout) or lets an exception escape.
//
// The CLI only reads files, but a fuzzed argv must not read outside a
// sandbox either: the target works in a fresh folder holding a few small
// input files, with stdin at /dev/null, and skips any argument with a '/'
// (no absolute paths, no way out through "..": a bare name can only be one
// of the files here).
#include <fcntl.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <streambuf>
#include <string>
#include <vector>

#include "fuzz_check.h"

int llmcalc_cli_main(int argc, char** argv);

namespace {

using llmcalc::fuzz::check;

// Swallows the commands' output: printing it would only slow the fuzzer.
class NullBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

void write_file(const char* name, const std::string& text) {
  std::ofstream(name, std::ios::binary) << text;
}

// A folder of its own below $TMPDIR (scripts/fuzz.sh points that at its
// scratch folder and removes it), with files the commands can be given.
void enter_sandbox() {
  const char* tmp = std::getenv("TMPDIR");
  std::string dir = std::string(tmp && *tmp ? tmp : "/tmp") + "/llmcalc-cli-fuzz.XXXXXX";
  check(mkdtemp(dir.data()) != nullptr, "cannot make a sandbox folder");
  check(chdir(dir.c_str()) == 0, "cannot enter the sandbox folder");
  write_file("a.txt", "Hello, world! 你好，世界 🦀 <|endoftext|>\n\xff\xfe broken\n");
  write_file("d.jsonl",
             "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, "
             "{\"role\": \"user\", \"content\": \"Hi\"}, "
             "{\"role\": \"assistant\", \"content\": \"Hello.\"}]}\n"
             "{\"messages\": [{\"role\": \"user\"}]}\n{oops\n");
  write_file("r.json",
             "{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], "
             "\"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"f\", "
             "\"parameters\": {\"type\": \"object\", \"properties\": {}}}}]}");
  int null_fd = open("/dev/null", O_RDONLY);
  check(null_fd >= 0 && dup2(null_fd, 0) == 0, "cannot point stdin at /dev/null");
  close(null_fd);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  enter_sandbox();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args = {"llmcalc"};
  std::string arg;
  for (std::size_t i = 0; i <= size; ++i) {
    if (i < size && data[i] != '\0') {
      arg += static_cast<char>(data[i]);
      continue;
    }
    // Outside the sandbox: not run, and not kept in the corpus.
    if (arg.find('/') != std::string::npos || arg.find("..") != std::string::npos) return -1;
    if (i < size || !arg.empty()) args.push_back(std::move(arg));
    arg.clear();
  }
  if (args.size() > 64) return -1;
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  NullBuffer null;
  std::streambuf* out = std::cout.rdbuf(&null);
  std::streambuf* err = std::cerr.rdbuf(&null);
  int code = llmcalc_cli_main(static_cast<int>(args.size()), argv.data());
  std::cout.rdbuf(out);
  std::cerr.rdbuf(err);
  std::cout.clear();
  std::cerr.clear();
  check(code == 0 || code == 1 || code == 2, "exit code other than 0, 1 or 2");
  return 0;
}
