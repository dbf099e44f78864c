// What every part of the story view asks about a story: its articles, how many independent outlets
// a list of sources makes, and where in which article a fact stands.
import {outletKey, outletName} from './format.js';

export function storyContext(report) {
  const story = report.stories?.[0];
  if (!story) throw new Error('the story report holds no story');
  const articles = new Map((report.articles ?? []).map((article) => [article.id, article]));

  // A reprint counts as the outlet it reprints, as the engine counts outlets.
  const outletOf = (id) => {
    const article = articles.get(id);
    if (!article) return id;
    const original = article.duplicate_of ? articles.get(article.duplicate_of) : null;
    return outletKey(original ?? article);
  };
  const outletCount = (ids) => new Set((ids ?? []).map(outletOf)).size;

  return {
    story,
    articles,
    outletTotal: outletCount(story.articles),
    outletCount,
    sourceName: (id) => outletName(articles.get(id) ?? {id}),
    // The first evidence span of an event in one article, if the event has one there.
    evidenceIn: (event, articleId) => (event.evidence ?? []).find((span) => span.article === articleId) ?? null,
  };
}
