// The article view (#/article/ID?start=&end=): the article's cleaned text, always as text, with
// the evidence span (code points) highlighted in a <mark>, and its quotes linked back into it.
import {api} from './api.js';
import {el, externalLink} from './dom.js';
import {splitAtSpan} from './codepoints.js';
import {formatDate, outletName} from './format.js';
import {articleHref, storyHref} from './links.js';

function articleText(text, span) {
  const body = el('div', {class: 'article-text', id: 'article-text'});
  const parts = span ? splitAtSpan(text, span.start, span.end) : null;
  if (parts) body.append(parts.before, el('mark', {id: 'highlight'}, parts.inside), parts.after);
  else body.append(text);
  return body;
}

function spanFrom(query) {
  if (!query.has('start') || !query.has('end')) return null;
  return {start: Number(query.get('start')), end: Number(query.get('end'))};
}

export async function articleView(id, query) {
  const article = await api.article(id);
  const text = typeof article.text === 'string' ? article.text : '';
  const span = spanFrom(query);
  const body = articleText(text, span);
  const quotes = article.quotes ?? [];
  const meta = [outletName(article), article.author, article.published &&
    `${formatDate(article.published)}${article.published_inferred ? ' (inferred)' : ''}`].filter(Boolean);
  return {
    title: article.title || 'Article',
    node: el('div', {class: 'article-view', 'data-article': article.id ?? id},
      el('nav', {class: 'crumbs'}, article.story ? el('a', {href: storyHref(article.story)}, '← Story') : null),
      el('h1', {id: 'article-title'}, article.title || article.id || id),
      el('p', {class: 'meta'}, meta.join(' · '), article.url ? [' · ', externalLink(article.url)] : null),
      span && !body.querySelector('mark') ? el('p', {class: 'notice'}, 'The highlighted passage lies outside this text.') : null,
      el('div', {class: quotes.length ? 'article-columns' : 'article-columns single'},
        body,
        quotes.length === 0 ? null : el('aside', {class: 'panel'}, el('h2', {}, 'Quotes'),
          el('ul', {class: 'quotes'}, quotes.map((quote) => el('li', {class: 'quote'},
            el('a', {href: articleHref(article.id ?? id, quote)}, quote.speaker || 'unattributed'),
            [quote.speaker_role, quote.speaker_org].filter(Boolean).length
              ? ` (${[quote.speaker_role, quote.speaker_org].filter(Boolean).join(', ')})` : '',
            el('blockquote', {}, quote.text))))))),
    afterShow: () => document.getElementById('highlight')?.scrollIntoView({block: 'center'}),
  };
}
