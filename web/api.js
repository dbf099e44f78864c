// The JSON API that `corroborate serve` answers (README "Web page"); one function per endpoint.
// Errors arrive as {"error": {"status", "message"}} and are thrown as ApiError.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function getJson(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  const response = await fetch(url, {headers: {Accept: 'application/json'}});
  let body = null;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(response.status, `${response.status} ${response.statusText}: the answer is not JSON`);
  }
  if (!response.ok) throw new ApiError(response.status, body?.error?.message ?? response.statusText);
  return body;
}

// Ids may hold any character ("examples/01.txt", "a?b"): one path segment, percent-encoded.
const segment = (id) => encodeURIComponent(id);

export const api = {
  stories: (params) => getJson('/api/stories', params),
  story: (id) => getJson(`/api/stories/${segment(id)}`),
  storyWhy: (id) => getJson(`/api/stories/${segment(id)}/why`),
  storylines: (params) => getJson('/api/storylines', params),
  storyline: (id) => getJson(`/api/storylines/${segment(id)}`),
  article: (id) => getJson(`/api/articles/${segment(id)}`),
  events: (params) => getJson('/api/events', params),
  search: (params) => getJson('/api/search', params),
  corrections: (storyId) => getJson(`/api/stories/${segment(storyId)}/corrections`),
  versions: (articleId) => getJson(`/api/versions/${segment(articleId)}`),
};
