// Percent-decoding and query strings of request targets. Tested in request_test.cc.
//
//   auto params = ParseQuery("entity=Acme%20Corp&page=2");   // {{"entity","Acme Corp"},{"page","2"}}
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corroborate::http {

// Decodes %XX escapes (and '+' as a space when `plus_is_space`); nullopt for a malformed escape.
std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space);

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// The name=value pairs of a query string, decoded; a malformed pair is skipped.
QueryParams ParseQuery(std::string_view query);

// The first value of `name`, or "" when absent.
std::string_view QueryValue(const QueryParams& params, std::string_view name);

}  // namespace corroborate::http
