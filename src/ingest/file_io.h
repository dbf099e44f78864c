// Reading whole files and gzip streams under a size limit. Tested in input_reader_test.cc.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace corroborate {

// Reads a file (or standard input for "-") whole; refuses files larger than `max_bytes`.
Result<std::string> ReadWholeFile(const std::string& path, size_t max_bytes);

// True when `data` starts with the gzip magic bytes.
bool LooksGzipped(std::string_view data);

// Inflates every gzip member of `data`; refuses output beyond `max_bytes` (a gzip bomb) and
// reports truncated or corrupt streams.
Result<std::string> Gunzip(std::string_view data, size_t max_bytes);

}  // namespace corroborate
