// The story's quotes grouped by speaker, with the attribution warnings (attribution_issues) shown
// beside the people they concern; warnings about people nobody quotes come first, on their own.
import {el} from './dom.js';
import {articleHref} from './links.js';
import {sourceChips} from './sources.js';

const ISSUE_TITLES = {
  name_variant: 'Name differs between outlets',
  affiliation_variant: 'Role or organisation differs between outlets',
  uncorroborated_speaker: 'Only one outlet names this speaker',
};

function issueBox(ctx, issue) {
  return el('div', {class: 'warning', 'data-kind': issue.kind ?? ''},
    el('strong', {}, ISSUE_TITLES[issue.kind] ?? String(issue.kind ?? 'Attribution warning')),
    issue.detail ? el('p', {}, issue.detail) : null,
    sourceChips(ctx, null, issue.sources));
}

function attribution(quote) {
  return [quote.speaker_role, quote.speaker_org].filter(Boolean).join(', ');
}

function quoteItem(ctx, quote) {
  return el('li', {class: 'quote'},
    el('blockquote', {}, quote.text),
    el('div', {class: 'quote-meta'},
      attribution(quote) ? el('span', {class: 'speaker-role'}, attribution(quote)) : null,
      el('a', {class: 'source', href: articleHref(quote.article, quote), 'data-article': quote.article},
        ctx.sourceName(quote.article))));
}

// articles: the story's article answers (GET /api/articles/ID), each {id, quotes, …} or null.
export function quotesSection(ctx, articles) {
  const speakers = new Map();  // name ('' for unattributed) → quotes with their article id
  for (const article of articles) {
    for (const quote of article?.quotes ?? []) {
      const name = quote.speaker ?? '';
      if (!speakers.has(name)) speakers.set(name, []);
      speakers.get(name).push({...quote, article: article.id});
    }
  }
  const issues = ctx.story.attribution_issues ?? [];
  const issuesOf = (name) => issues.filter((issue) => (issue.people ?? []).includes(name));
  const unquotedIssues = issues.filter((issue) => !(issue.people ?? []).some((name) => speakers.has(name)));

  const cards = [];
  for (const issue of unquotedIssues) {
    cards.push(el('article', {class: 'speaker', 'data-speaker': (issue.people ?? []).join(', ')},
      el('h3', {}, (issue.people ?? []).join(' / ') || 'Unnamed'), issueBox(ctx, issue)));
  }
  const names = [...speakers.keys()].sort((a, b) => (a === '') - (b === '') || a.localeCompare(b));
  for (const name of names) {
    const own = issuesOf(name);
    cards.push(el('article', {class: own.length ? 'speaker has-warning' : 'speaker', 'data-speaker': name},
      el('h3', {}, name || 'Unattributed quotes'),
      own.map((issue) => issueBox(ctx, issue)),
      el('ul', {class: 'quotes'}, speakers.get(name).map((quote) => quoteItem(ctx, quote)))));
  }
  if (cards.length === 0) return el('p', {class: 'empty'}, 'No quotes in this story.');
  return el('div', {class: 'speakers'}, cards);
}
