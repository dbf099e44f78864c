// A small streaming JSON writer for the command line's output; always emits valid UTF-8.
// Tested in json_writer_test.cc.
//
//   JsonWriter w;
//   w.BeginObject(); w.Key("id"); w.String("a.txt"); w.Key("published"); w.Null(); w.EndObject();
//   std::cout << w.str() << '\n';
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace corroborate {

class JsonWriter {
 public:
  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);
  // Invalid UTF-8 in `value` is written as U+FFFD, so the output is always valid.
  void String(std::string_view value);
  // Writes null for an empty value: the contract's "unknown" for optional strings.
  void StringOrNull(std::string_view value);
  void Int(int64_t value);
  // Shortest form that reads back as the same double; integers print without a fraction.
  void Double(double value);
  void Bool(bool value);
  void Null();
  // Writes `json`, already serialised valid JSON (a value read back from a store), as the next value.
  void RawValue(std::string_view json);

  const std::string& str() const { return out_; }
  void Clear();

 private:
  void BeforeValue();

  std::string out_;
  // One entry per open container: true once it holds an element (a comma is needed before the next).
  std::vector<uint8_t> has_element_;  // bytes, not vector<bool>: tested and set for every value
  bool after_key_ = false;
};

// Appends `value` as a quoted, escaped JSON string.
void AppendJsonString(std::string& out, std::string_view value);

}  // namespace corroborate
