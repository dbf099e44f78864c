// Input dispatch by file name and folder walking (see input_reader.h). Tested in input_reader_test.cc.
#include "ingest/input_reader.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "core/utf8.h"
#include "ingest/file_io.h"

namespace corroborate {

namespace fs = std::filesystem;

std::string InputProblem::Format() const {
  std::string s = "corroborate: " + path;
  if (line > 0) s += ":" + std::to_string(line);
  return s + ": " + reason;
}

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  std::string lower(s.substr(s.size() - suffix.size()));
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower == suffix;
}

enum class FileKind { kUnknown, kText, kHtml, kJsonLines, kFeed, kWarc };

FileKind KindOf(const std::string& path) {
  if (path == "-") return FileKind::kJsonLines;
  std::string_view p = path;
  if (EndsWith(p, ".gz")) p.remove_suffix(3);
  if (EndsWith(p, ".txt")) return FileKind::kText;
  if (EndsWith(p, ".html") || EndsWith(p, ".htm")) return FileKind::kHtml;
  if (EndsWith(p, ".jsonl")) return FileKind::kJsonLines;
  if (EndsWith(p, ".rss") || EndsWith(p, ".atom") || EndsWith(p, ".xml")) return FileKind::kFeed;
  if (EndsWith(p, ".warc")) return FileKind::kWarc;
  return FileKind::kUnknown;
}

}  // namespace

void InputReader::Read(const std::vector<std::string>& inputs, const DocumentCallback& on_document,
                       const ProblemCallback& on_problem) const {
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec)) {
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && KindOf(it->path().string()) != FileKind::kUnknown) {
          files.push_back(it->path().string());
        }
      }
      if (ec) on_problem({input, 0, "cannot walk folder: " + ec.message()});
      std::sort(files.begin(), files.end());
      for (const std::string& f : files) ReadFile(f, on_document, on_problem);
    } else {
      ReadFile(input, on_document, on_problem);
    }
  }
}

void InputReader::ReadFile(const std::string& path, const DocumentCallback& on_document,
                           const ProblemCallback& on_problem) const {
  const FileKind kind = KindOf(path);
  if (kind == FileKind::kUnknown) {
    on_problem({path, 0, "unknown input kind (expected .txt, .html, .htm, .jsonl, .rss, .atom, .xml, .warc, optionally .gz)"});
    return;
  }
  auto data = ReadWholeFile(path, std::max(limits_.max_document_bytes, limits_.max_gzip_expansion));
  if (!data.ok()) {
    on_problem({path, 0, data.status().message()});
    return;
  }
  std::string bytes = data.take();
  if (LooksGzipped(bytes)) {
    auto inflated = Gunzip(bytes, limits_.max_gzip_expansion);
    if (!inflated.ok()) {
      on_problem({path, 0, inflated.status().message()});
      return;
    }
    bytes = inflated.take();
  }
  if (kind == FileKind::kText || kind == FileKind::kHtml) {
    if (bytes.size() > limits_.max_document_bytes) {
      on_problem({path, 0, "document larger than " + std::to_string(limits_.max_document_bytes >> 20) + " MB"});
      return;
    }
    RawDocument doc;
    doc.id = path;
    doc.source = path;
    doc.kind = kind == FileKind::kHtml ? ContentKind::kHtml : ContentKind::kText;
    doc.body = utf8::Repair(bytes);
    on_document(std::move(doc));
    return;
  }
  on_problem({path, 0, "this input kind is not supported yet"});
}

}  // namespace corroborate
