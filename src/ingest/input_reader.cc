// Input dispatch by file name and folder walking (see input_reader.h). Tested in input_reader_test.cc.
#include "ingest/input_reader.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <system_error>

#include "ingest/buffered_reader.h"
#include "ingest/byte_source.h"
#include "ingest/charset.h"
#include "ingest/feed_reader.h"
#include "ingest/jsonl_reader.h"
#include "ingest/warc_reader.h"

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
  Result<std::unique_ptr<ByteSource>> source = OpenInput(path, limits_.max_gzip_expansion);
  if (!source.ok()) {
    on_problem({path, 0, "cannot open: " + source.status().message()});
    return;
  }
  if (kind == FileKind::kFeed) {
    // Feeds are streamed too: one item at a time, whatever the file's size.
    return ReadFeedStream(**source, path, "", limits_, FeedCallbacks{on_document, on_problem, {}});
  }
  BufferedReader in(source.take());
  // Streamed kinds hold one line or one record at a time.
  if (kind == FileKind::kJsonLines) return ReadJsonLines(in, path, limits_, on_document, on_problem);
  if (kind == FileKind::kWarc) return ReadWarc(in, path, limits_, on_document, on_problem);

  Result<std::string> bytes = in.ReadAll(limits_.max_document_bytes);
  if (!bytes.ok()) {
    std::string reason = bytes.status().message();
    if (bytes.status().code() == StatusCode::kLimitExceeded && reason.starts_with("larger")) {
      reason = "document " + reason;
    }
    on_problem({path, 0, reason});
    return;
  }
  RawDocument doc;
  doc.id = path;
  doc.source = path;
  doc.kind = kind == FileKind::kHtml ? ContentKind::kHtml : ContentKind::kText;
  doc.body = kind == FileKind::kHtml ? DecodeHtml(*bytes, "") : DecodeText(*bytes);
  // The undecoded bytes are done with: not held while the document is processed (on one thread
  // on_document does all the work before returning, and a 16 MB page would cost twice its size).
  std::string().swap(*bytes);
  on_document(std::move(doc));
}

}  // namespace corroborate
