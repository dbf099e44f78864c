// WARC input (`*.warc`, `*.warc.gz`, gzip per record as Common Crawl writes it): each `response`
// record whose HTTP payload is an HTML page becomes a RawDocument. Streams record by record, so a
// multi-GB crawl needs one record in memory. Tested in warc_reader_test.cc and tests/robust.
//
//   BufferedReader in(std::move(source));   // OpenInput inflates .warc.gz member by member
//   ReadWarc(in, "news.warc.gz", limits, on_document, on_problem);
#pragma once

#include <string>

#include "ingest/buffered_reader.h"
#include "ingest/input_reader.h"

namespace corroborate {

// Per page: id and url = WARC-Target-URI (id PATH#N without one, N counting records from 1);
// published stays empty (WARC-Date is when the page was crawled, not published); the body is
// converted to UTF-8 from the HTTP charset or the page's <meta>. Records of other types and
// non-HTML payloads are skipped silently; a malformed or truncated record is reported with its
// record number, and reading resumes at the next "WARC/" header line when one can be found.
void ReadWarc(BufferedReader& in, const std::string& path, const ReadLimits& limits,
              const DocumentCallback& on_document, const ProblemCallback& on_problem);

}  // namespace corroborate
