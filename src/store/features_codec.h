// The cluster stage's per-article features as a compact blob, stored with each article so that the
// clusterer's state can be rebuilt from the store by replaying them, without cleaning or extracting
// any article again. Tested in store_test.cc.
//
//   std::string blob = EncodeFeatures(ExtractFeatures(article, mentions));
//   Result<cluster::ArticleFeatures> f = DecodeFeatures(blob);
#pragma once

#include <string>
#include <string_view>

#include "cluster/features.h"
#include "core/status.h"

namespace corroborate::store {

std::string EncodeFeatures(const cluster::ArticleFeatures& f);
// Fails (kInvalidInput) on a blob of another format version or a truncated one.
Result<cluster::ArticleFeatures> DecodeFeatures(std::string_view blob);

}  // namespace corroborate::store
