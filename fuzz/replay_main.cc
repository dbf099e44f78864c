// Replays saved inputs through one fuzz target without libFuzzer: the ordinary g++ build (and the
// ASan build) links each fuzz/*_fuzz.cc with this file, and ctest runs it over
// tests/fuzz/regressions/TARGET, so every crash once found stays fixed even without clang.
//
//   html_clean_replay tests/fuzz/regressions/html_clean examples/
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::error_code ec;
    if (fs::is_directory(argv[i], ec)) {
      for (const auto& entry : fs::recursive_directory_iterator(argv[i])) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else if (fs::exists(argv[i], ec)) {
      files.push_back(argv[i]);
    } else {  // a target without saved regressions has no folder (git keeps no empty ones)
      std::fprintf(stderr, "replay: %s: not there, nothing to replay from it\n", argv[i]);
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::fprintf(stderr, "replay: %s (%zu bytes)\n", file.c_str(), bytes.size());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("replayed %zu input(s) without a failure\n", files.size());
  return 0;
}
