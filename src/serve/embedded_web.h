// The files of web/ (the page: index.html, app.js, app.css), built into the binary by
// cmake/embed_data.cmake so that `corroborate serve` runs from anywhere. Tested in web_files_test.cc.
//
//   std::string_view page = EmbeddedWebFile("index.html");   // "" when there is no such file
#pragma once

#include <string_view>

namespace corroborate {

// `name` is the file's name in web/, e.g. "app.js".
std::string_view EmbeddedWebFile(std::string_view name);

}  // namespace corroborate
