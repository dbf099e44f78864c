// The page's own addresses (hash routes, see app.js), built in one place so every view links alike.

const segment = (id) => encodeURIComponent(id);

function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export const storiesHref = (params = {}) => withQuery('#/stories', params);
export const storyHref = (id) => `#/story/${segment(id)}`;
export const storylinesHref = (params = {}) => withQuery('#/storylines', params);
export const storylineHref = (id) => `#/storyline/${segment(id)}`;
export const eventsHref = (params = {}) => withQuery('#/events', params);
export const searchHref = (params = {}) => withQuery('#/search', params);

// An article, with a code point span to highlight when one is given.
export function articleHref(id, span = null) {
  return withQuery(`#/article/${segment(id)}`, span ? {start: span.start, end: span.end} : {});
}
