// Streaming JSON writer (see json_writer.h). Tested in json_writer_test.cc.
#include "core/json_writer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

#include "core/utf8.h"

namespace corroborate {

namespace {

// Bytes copied as they are: printable ASCII other than the quote and the backslash. A table,
// since every byte of the output is tested.
constexpr std::array<bool, 256> kPlainJsonByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x7F; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();
inline bool IsPlainJsonByte(unsigned char c) { return kPlainJsonByte[c]; }

}  // namespace

void AppendJsonString(std::string& out, std::string_view value) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  size_t i = 0;
  while (i < value.size()) {
    // Most of a string is plain ASCII: copy each run in one append, not byte by byte.
    size_t run = i;
    while (run < value.size() && IsPlainJsonByte(static_cast<unsigned char>(value[run]))) ++run;
    if (run > i) {
      out.append(value.data() + i, run - i);
      i = run;
      if (i == value.size()) break;
    }
    const unsigned char c = static_cast<unsigned char>(value[i]);
    if (c >= 0x80) {
      size_t len;
      const char32_t cp = utf8::Decode(value, i, len);
      if (cp == utf8::kReplacement && len == 1) {
        utf8::Append(out, utf8::kReplacement);
      } else if (cp == 0x2028 || cp == 0x2029) {
        // Valid JSON, but escaped so the output is also safe inside JavaScript.
        out += cp == 0x2028 ? "\\u2028" : "\\u2029";
      } else {
        out.append(value.substr(i, len));
      }
      i += len;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:  // the other control characters and DEL
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
    ++i;
  }
  out.push_back('"');
}

void JsonWriter::RawValue(std::string_view json) {
  BeforeValue();
  out_.append(json);
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_element_.empty()) {
    if (has_element_.back()) out_.push_back(',');
    has_element_.back() = 1;
  }
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_.push_back('{');
  has_element_.push_back(0);
}

void JsonWriter::EndObject() {
  out_.push_back('}');
  has_element_.pop_back();
}

void JsonWriter::BeginArray() {
  BeforeValue();
  out_.push_back('[');
  has_element_.push_back(0);
}

void JsonWriter::EndArray() {
  out_.push_back(']');
  has_element_.pop_back();
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  // Keys are nearly always plain names: one append for the quoted key and its colon.
  if (key.size() <= 32 && std::all_of(key.begin(), key.end(), [](char c) { return IsPlainJsonByte(c); })) {
    char buf[35];
    buf[0] = '"';
    std::memcpy(buf + 1, key.data(), key.size());
    buf[key.size() + 1] = '"';
    buf[key.size() + 2] = ':';
    out_.append(buf, key.size() + 3);
  } else {
    AppendJsonString(out_, key);
    out_.push_back(':');
  }
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(out_, value);
}

void JsonWriter::StringOrNull(std::string_view value) {
  if (value.empty()) {
    Null();
  } else {
    String(value);
  }
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  out_.append(buf, r.ptr);
}

void JsonWriter::Double(double value) {
  BeforeValue();
  if (!std::isfinite(value)) {
    out_ += "null";  // JSON has no NaN or infinity
    return;
  }
  char buf[32];
  // Whole amounts print as integers: the shortest double form of 5e10 is "5e+10", which
  // readers handle but people do not expect for "$40 billion".
  if (value == std::floor(value) && std::fabs(value) < 9.0e15) {
    auto r = std::to_chars(buf, buf + sizeof buf, static_cast<int64_t>(value));
    out_.append(buf, r.ptr);
    return;
  }
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  out_.append(buf, r.ptr);
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
}

void JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
}

void JsonWriter::Clear() {
  out_.clear();
  has_element_.clear();
  after_key_ = false;
}

}  // namespace corroborate
