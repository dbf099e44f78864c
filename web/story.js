// The story view (#/story/ID): headline, the events table, quotes with attribution warnings, the
// timeline and the story's articles.
import {api} from './api.js';
import {el} from './dom.js';
import {formatDate} from './format.js';
import {articleHref, storiesHref} from './links.js';
import {eventsTable} from './events_table.js';
import {quotesSection} from './quotes.js';
import {storyContext} from './story_context.js';
import {timeline} from './timeline.js';

function articlesList(ctx) {
  return el('ul', {class: 'article-list'}, (ctx.story.articles ?? []).map((id) => {
    const article = ctx.articles.get(id) ?? {id};
    return el('li', {},
      el('a', {href: articleHref(id)}, article.title || id),
      el('span', {class: 'meta'}, [ctx.sourceName(id), article.author, formatDate(article.published)]
        .filter(Boolean).join(' · ')),
      article.duplicate_of ? el('span', {class: 'badge'}, 'reprint') : null);
  }));
}

function section(title, id, ...content) {
  return el('section', {class: 'panel', id}, el('h2', {}, title), content);
}

export async function storyView(id) {
  const ctx = storyContext(await api.story(id));
  // Quotes live with their articles; an article that cannot be read leaves its quotes out.
  const articles = await Promise.all((ctx.story.articles ?? []).map((articleId) =>
    api.article(articleId).catch(() => null)));
  const conflicts = (ctx.story.conflicts ?? []).length;
  const issues = (ctx.story.attribution_issues ?? []).length;
  return {
    title: ctx.story.headline || 'Story',
    node: el('div', {class: 'story', 'data-story': ctx.story.id},
      el('nav', {class: 'crumbs'}, el('a', {href: storiesHref()}, '← All stories')),
      el('h1', {}, ctx.story.headline || ctx.story.id),
      el('p', {class: 'summary'},
        `${(ctx.story.articles ?? []).length} articles from ${ctx.outletTotal} outlets · `,
        `${(ctx.story.events ?? []).length} events · `,
        el('span', {class: conflicts ? 'count-conflict' : ''}, `${conflicts} conflict${conflicts === 1 ? '' : 's'}`),
        ' · ',
        el('span', {class: issues ? 'count-warning' : ''}, `${issues} attribution warning${issues === 1 ? '' : 's'}`)),
      section('Events', 'events', eventsTable(ctx)),
      el('div', {class: 'columns'},
        section('Quotes and attribution', 'quotes', quotesSection(ctx, articles)),
        el('div', {},
          section('Timeline', 'timeline-panel', timeline(ctx)),
          section('Articles', 'articles', articlesList(ctx))))),
  };
}
