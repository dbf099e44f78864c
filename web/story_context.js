// What every part of the story view asks about a story: its articles, how many independent outlets
// a list of sources makes, what its origins are called, and where in which article a fact stands.
import {outletKey, outletName} from './format.js';

export function storyContext(report) {
  const story = report.stories?.[0];
  if (!story) throw new Error('the story report holds no story');
  const articles = new Map((report.articles ?? []).map((article) => [article.id, article]));

  // Outlets are counted as the engine counts an event's `outlets`: each publisher once, a reprint
  // under its own. What a reprint or a shared citation adds no independent origin to is the
  // report's `independent_sources`, which the page shows beside the count.
  const outletOf = (id) => {
    const article = articles.get(id);
    return article ? outletKey(article) : id;
  };
  const outletCount = (ids) => new Set((ids ?? []).map(outletOf)).size;

  return {
    story,
    articles,
    outletTotal: outletCount(story.articles),
    outletCount,
    sourceName: (id) => outletName(articles.get(id) ?? {id}),
    // An event's origin as a reader knows it: the engine names an article without an outlet by its
    // id, which the page shows as it shows that article's source.
    originName: (origin) => (articles.has(origin) ? outletName(articles.get(origin)) : String(origin)),
    // The first evidence span of an event in one article, if the event has one there.
    evidenceIn: (event, articleId) => (event.evidence ?? []).find((span) => span.article === articleId) ?? null,
  };
}
