// The events across all stories (#/events?type=&entity=&origin=&page=): one row per event with its
// roles as the story view words them and how many sources state each value, how many outlets and
// independent origins state the event, and a link to its story. Tested by tests/web/.
import {api} from './api.js';
import {el} from './dom.js';
import {EVENT_TYPES, formatRole, formatStatus, outletName, words} from './format.js';
import {eventsHref, storyHref} from './links.js';

const PER_PAGE = 20;

function filtersForm(filters) {
  const form = el('form', {class: 'filters', id: 'event-filters'},
    el('label', {}, 'Event type', el('select', {name: 'type'},
      el('option', {value: ''}, 'any'),
      EVENT_TYPES.map((type) => el('option', {value: type, selected: type === filters.type}, words(type))))),
    el('label', {}, 'Entity', el('input', {type: 'text', name: 'entity', value: filters.entity,
      placeholder: 'a company or person'})),
    el('label', {}, 'Origin', el('input', {type: 'text', name: 'origin', value: filters.origin,
      placeholder: 'an outlet, or whom it cites'})),
    el('button', {type: 'submit'}, 'Filter'),
    el('a', {href: eventsHref(), class: 'reset'}, 'Clear'));
  form.addEventListener('submit', (submitted) => {
    submitted.preventDefault();
    const data = new FormData(form);
    window.location.hash = eventsHref({type: data.get('type'), entity: data.get('entity'), origin: data.get('origin')});
  });
  return form;
}

// Each role as the story view words it, with how many articles state that value and a mark when
// one independent source alone does.
function rolesCell(roles) {
  const entries = Object.entries(roles ?? {}).filter(([, role]) => role !== null && role !== false);
  return entries.map(([name, role], index) => {
    const sources = role && typeof role === 'object' && Array.isArray(role.sources) ? role.sources.length : null;
    return el('span', {class: 'event-role', 'data-role': name}, index ? ' · ' : '',
      `${words(name)}: ${formatRole(role, true, name)}`,
      sources === null ? '' : ` (${sources} source${sources === 1 ? '' : 's'})`,
      role?.single_source ? el('span', {class: 'badge badge-warn'}, 'single source') : null);
  });
}

// "4 outlets, 3 independent (A, B, C)"; an origin the engine names by an article id (an article
// without an outlet) is shown by the id's last part, as the page names such sources.
function originsCell(event) {
  const origins = (event.origins ?? []).map((origin) => outletName({id: origin}));
  const outlets = event.outlets ?? (event.sources ?? []).length;
  const independent = event.independent_sources ?? origins.length;
  return [`${outlets} outlet${outlets === 1 ? '' : 's'}, ${independent} independent`,
    origins.length ? ` (${origins.join(', ')})` : ''];
}

export async function eventListView(query) {
  const filters = {type: query.get('type') ?? '', entity: query.get('entity') ?? '', origin: query.get('origin') ?? ''};
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
          el('thead', {}, el('tr', {}, ['Event', 'Status', 'Roles', 'Stated by', 'Story']
            .map((heading) => el('th', {scope: 'col'}, heading)))),
          el('tbody', {}, events.map((event) => el('tr', {'data-type': event.type},
            el('td', {class: 'event-type'}, words(event.type)),
            el('td', {}, formatStatus(event.status)),
            el('td', {class: 'event-roles'}, rolesCell(event.roles)),
            el('td', {class: 'event-origins-cell'}, originsCell(event)),
            el('td', {}, el('a', {href: storyHref(event.story)}, 'story'))))))),
      el('nav', {class: 'pager'},
        page > 1 ? el('a', {href: eventsHref({...filters, page: page - 1}), rel: 'prev'}, '← Previous') : null,
        el('span', {}, `Page ${page} of ${pages}`),
        page < pages ? el('a', {href: eventsHref({...filters, page: page + 1}), rel: 'next'}, 'Next →') : null)),
  };
}
