// Features as a blob (see features_codec.h): a version byte, then fixed-width little-endian fields
// and length-prefixed lists, in the order of cluster::ArticleFeatures. Tested in store_test.cc.
#include "store/features_codec.h"

#include <cstring>
#include <type_traits>

namespace corroborate::store {
namespace {

constexpr uint8_t kFormat = 1;

template <typename T>
void Put(std::string& out, const T& v) {
  static_assert(std::is_trivially_copyable_v<T>);
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

void PutString(std::string& out, std::string_view s) {
  Put(out, static_cast<uint32_t>(s.size()));
  out.append(s);
}

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool Get(T& v) {
    if (in_.size() < sizeof v) return false;
    std::memcpy(&v, in_.data(), sizeof v);
    in_.remove_prefix(sizeof v);
    return true;
  }
  bool GetString(std::string& s) {
    uint32_t n = 0;
    if (!Get(n) || in_.size() < n) return false;
    s.assign(in_.substr(0, n));
    in_.remove_prefix(n);
    return true;
  }
  template <typename T>
  bool GetVector(std::vector<T>& v) {
    uint32_t n = 0;
    if (!Get(n) || in_.size() / sizeof(T) < n) return false;
    v.resize(n);
    if (n > 0) std::memcpy(v.data(), in_.data(), n * sizeof(T));  // an empty vector's data() may be null: UB for memcpy
    in_.remove_prefix(n * sizeof(T));
    return true;
  }
  bool AtEnd() const { return in_.empty(); }

 private:
  std::string_view in_;
};

}  // namespace

std::string EncodeFeatures(const cluster::ArticleFeatures& f) {
  std::string out;
  out.reserve(32 + f.id.size() + f.headline.size() + f.terms.size() * sizeof(cluster::Term) +
              f.days.size() * 4 + sizeof f.signature);
  Put(out, kFormat);
  PutString(out, f.id);
  PutString(out, f.headline);
  Put(out, f.published_day);
  Put(out, static_cast<uint32_t>(f.terms.size()));
  out.append(reinterpret_cast<const char*>(f.terms.data()), f.terms.size() * sizeof(cluster::Term));
  Put(out, static_cast<uint32_t>(f.days.size()));
  out.append(reinterpret_cast<const char*>(f.days.data()), f.days.size() * sizeof(int32_t));
  Put(out, static_cast<uint8_t>(f.has_signature));
  if (f.has_signature) Put(out, f.signature);
  return out;
}

Result<cluster::ArticleFeatures> DecodeFeatures(std::string_view blob) {
  cluster::ArticleFeatures f;
  Reader r(blob);
  uint8_t format = 0, has_signature = 0;
  bool ok = r.Get(format) && format == kFormat && r.GetString(f.id) && r.GetString(f.headline) &&
            r.Get(f.published_day) && r.GetVector(f.terms) && r.GetVector(f.days) && r.Get(has_signature);
  if (ok && has_signature) ok = r.Get(f.signature);
  if (!ok || !r.AtEnd()) return InvalidInput("stored article features are truncated or of another format");
  f.has_signature = has_signature != 0;
  return f;
}

}  // namespace corroborate::store
