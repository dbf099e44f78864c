// Corrections: what changed between versions of an article (GET /api/stories/ID/corrections and
// GET /api/versions/ID), in words: a headline rewritten, a value changed, an event or quote
// removed, reworded or added. Used by story.js and article.js; tested by tests/web/live.test.js.
import {el} from './dom.js';
import {words} from './format.js';
import {articleHref} from './links.js';

const quoted = (text) => `“${text}”`;

// One change as a line of text parts (the server's values are shown as they are: a number with
// its currency and qualifier, a date, a name).
function describe(change) {
  switch (change.kind) {
    case 'headline':
      return ['Headline rewritten: ', el('del', {}, change.before ?? ''), ' → ', el('ins', {}, change.after ?? '')];
    case 'value':
      return [`${words(change.event)} ${words(change.role)}`,
        (change.parties ?? []).length ? ` (${change.parties.join(', ')})` : '', ': ',
        el('del', {}, change.before?.text || change.before?.value || 'none'), ' → ',
        el('ins', {}, change.after?.text || change.after?.value || 'none')];
    case 'event_added':
    case 'event_removed':
      return [`${words(change.event)} ${change.kind === 'event_added' ? 'now stated' : 'no longer stated'}`,
        (change.parties ?? []).length ? ` (${change.parties.join(', ')})` : '',
        change.value ? `: ${change.value.text || change.value.value}` : ''];
    case 'quote_reworded':
      return [`Quote of ${change.speaker || 'an unnamed speaker'} reworded: `, el('del', {}, quoted(change.before)),
        ' → ', el('ins', {}, quoted(change.after))];
    case 'quote_removed':
      return [`Quote of ${change.speaker || 'an unnamed speaker'} removed: `, el('del', {}, quoted(change.before))];
    case 'quote_added':
      return [`Quote of ${change.speaker || 'an unnamed speaker'} added: `, el('ins', {}, quoted(change.after))];
    case 'text':
      return [`Text: ${change.paragraphs_removed} paragraph(s) removed, ${change.paragraphs_added} added`];
    default:
      return [words(String(change.kind ?? 'change'))];
  }
}

function changeList(changes) {
  return el('ul', {class: 'changes'}, (changes ?? []).map((change) =>
    el('li', {class: `change change-${change.kind}`, 'data-kind': change.kind}, describe(change))));
}

// The story's corrections, newest version last, each under its article.
export function correctionsList(ctx, corrections) {
  return el('ol', {class: 'corrections', id: 'corrections-list'}, corrections.map((c) =>
    el('li', {class: 'correction', 'data-article': c.article, 'data-version': String(c.version)},
      el('a', {href: articleHref(c.article)}, ctx.sourceName(c.article)), ` — version ${c.version}`,
      changeList(c.changes))));
}

// An article's versions (only when it has more than one).
export function versionsPanel(answer) {
  const versions = answer?.versions ?? [];
  if (versions.length < 2) return null;
  return el('section', {class: 'panel', id: 'versions'}, el('h2', {}, `Versions (${versions.length})`),
    el('ol', {class: 'versions'}, versions.map((v) => el('li', {'data-version': String(v.version)},
      el('strong', {}, `Version ${v.version}`), v.title ? `: ${v.title}` : '',
      v.version > 1 ? changeList(v.changes) : el('p', {class: 'meta'}, 'first stored')))));
}
