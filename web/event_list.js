// The events across all stories (#/events?type=&entity=&page=): one row per event with its roles
// as the story view words them, how many sources state it, and a link to its story.
import {api} from './api.js';
import {el} from './dom.js';
import {EVENT_TYPES, formatRole, formatStatus, words} from './format.js';
import {eventsHref, storyHref} from './links.js';

const PER_PAGE = 20;

function filtersForm(filters) {
  const form = el('form', {class: 'filters', id: 'event-filters'},
    el('label', {}, 'Event type', el('select', {name: 'type'},
      el('option', {value: ''}, 'any'),
      EVENT_TYPES.map((type) => el('option', {value: type, selected: type === filters.type}, words(type))))),
    el('label', {}, 'Entity', el('input', {type: 'text', name: 'entity', value: filters.entity,
      placeholder: 'a company or person'})),
    el('button', {type: 'submit'}, 'Filter'),
    el('a', {href: eventsHref(), class: 'reset'}, 'Clear'));
  form.addEventListener('submit', (submitted) => {
    submitted.preventDefault();
    const data = new FormData(form);
    window.location.hash = eventsHref({type: data.get('type'), entity: data.get('entity')});
  });
  return form;
}

function rolesText(roles) {
  return Object.entries(roles ?? {})
    .filter(([, role]) => role !== null && role !== false)
    .map(([name, role]) => `${words(name)}: ${formatRole(role)}`).join(' · ');
}

export async function eventListView(query) {
  const filters = {type: query.get('type') ?? '', entity: query.get('entity') ?? ''};
  const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  const answer = await api.events({...filters, page, per_page: PER_PAGE});
  const events = answer.events ?? [];
  const pages = Math.max(1, Math.ceil((answer.total ?? events.length) / PER_PAGE));
  return {
    title: 'Events',
    node: el('div', {class: 'event-list-view'},
      el('h1', {}, 'Events'),
      filtersForm(filters),
      events.length === 0 ? el('p', {class: 'empty'}, 'No events match.') :
        el('div', {class: 'panel table-scroll'}, el('table', {class: 'event-list', id: 'event-list'},
          el('thead', {}, el('tr', {}, ['Event', 'Status', 'Roles', 'Sources', 'Story']
            .map((heading) => el('th', {scope: 'col'}, heading)))),
          el('tbody', {}, events.map((event) => el('tr', {'data-type': event.type},
            el('td', {class: 'event-type'}, words(event.type)),
            el('td', {}, formatStatus(event.status)),
            el('td', {}, rolesText(event.roles)),
            el('td', {}, String((event.sources ?? []).length)),
            el('td', {}, el('a', {href: storyHref(event.story)}, 'story'))))))),
      el('nav', {class: 'pager'},
        page > 1 ? el('a', {href: eventsHref({...filters, page: page - 1}), rel: 'prev'}, '← Previous') : null,
        el('span', {}, `Page ${page} of ${pages}`),
        page < pages ? el('a', {href: eventsHref({...filters, page: page + 1}), rel: 'next'}, 'Next →') : null)),
  };
}
