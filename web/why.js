// Explanations of the clusterer's decisions as the page shows them: the terms two sides share
// (each chip a term, its kind and its share of the similarity), a similarity, and the closest
// alternative that was not taken. Used by the story view (why each article is in it) and the
// storyline view (why each story is in it). Tested by tests/web/storylines.test.js.
import {el} from './dom.js';
import {storyHref, storylineHref} from './links.js';

const percent = (share) => `${Math.round(Number(share ?? 0) * 100)}%`;
const number = (x) => Number(x ?? 0).toFixed(2);

// [{term, kind, share}] as chips, largest share first (as the API sends them).
export function sharedTerms(shared) {
  const terms = shared ?? [];
  if (terms.length === 0) return el('span', {class: 'empty'}, 'no terms in common');
  return el('span', {class: 'shared-terms'}, terms.map((t) =>
    el('span', {class: `term term-${t.kind}`, title: `${t.kind}, ${percent(t.share)} of the similarity`,
      'data-term': t.term}, t.term)));
}

// Why an article is in its story (`storyId`): its `why` from GET /api/stories/{id}/why. The reason
// was given for the story it went to then, which may have merged into this one since.
export function articleReason(why, storyId) {
  if (!why || Object.keys(why).length === 0) return el('span', {class: 'empty'}, 'no record of why');
  const since = why.story && storyId && why.story !== storyId && !why.moved_from
    ? el('span', {class: 'merged-since'}, ` (in ${why.story} then, since merged into this story)`) : null;
  const closest = why.closest
    ? el('span', {class: 'closest'}, 'closest other story ', el('a', {href: storyHref(why.closest.story)}, why.closest.story),
      ` at ${number(why.closest.similarity)}`)
    : null;
  if (why.moved_from) {
    return el('span', {class: 'reason reason-moved'},
      el('span', {class: 'badge'}, 'moved'), ` from ${why.moved_from}: fits this story at ${number(why.similarity)}, sharing `,
      sharedTerms(why.shared));
  }
  if (why.duplicate_of) return el('span', {class: 'reason reason-reprint'}, el('span', {class: 'badge'}, 'reprint'), ` of ${why.duplicate_of}`);
  if (why.opened) {
    return el('span', {class: 'reason reason-opened'}, el('span', {class: 'badge'}, 'opened the story'), since,
      closest ? [' · nothing earlier was close enough; ', closest] : null);
  }
  return el('span', {class: 'reason reason-joined'},
    `joined at similarity ${number(why.similarity)}, sharing `, sharedTerms(why.shared), since, closest ? [' · ', closest] : null);
}

// Why a story is in its storyline: its `link` from the API.
export function storyLink(link) {
  if (!link || !link.storyline) return el('span', {class: 'empty'}, 'not linked yet');
  const closest = link.closest
    ? el('span', {class: 'closest'}, 'closest other storyline ',
      el('a', {href: storylineHref(link.closest.storyline)}, link.closest.storyline), ` at ${number(link.closest.similarity)}`)
    : null;
  if (!link.joined) {
    return el('span', {class: 'reason reason-opened'}, el('span', {class: 'badge'}, 'began the storyline'),
      closest ? [' · ', closest] : null);
  }
  return el('span', {class: 'reason reason-joined'},
    `linked at ${number(link.similarity)} (time apart counted), sharing `, sharedTerms(link.shared),
    closest ? [' · ', closest] : null);
}
