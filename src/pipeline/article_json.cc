// JSON renderings for the command line (see article_json.h).
#include "pipeline/article_json.h"

namespace corroborate {

void WriteCleanJson(const Article& a, JsonWriter& w) {
  w.BeginObject();
  w.Key("id");
  w.String(a.id);
  w.Key("title");
  w.StringOrNull(a.title);
  w.Key("author");
  w.StringOrNull(a.author);
  w.Key("author_role");
  w.StringOrNull(a.author_role);
  w.Key("outlet");
  w.StringOrNull(a.outlet);
  w.Key("published");
  w.StringOrNull(a.published);
  w.Key("url");
  w.StringOrNull(a.url);
  w.Key("text");
  w.String(a.text);
  w.EndObject();
}

}  // namespace corroborate
