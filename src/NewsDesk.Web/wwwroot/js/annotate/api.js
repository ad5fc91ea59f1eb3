// The same JSON API people script against. Every request carries the antiforgery token the page rendered.

const token = document.querySelector('meta[name="request-verification-token"]')?.content ?? '';

export class ApiError extends Error {
  constructor(message, status, problem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

export async function call(method, url, body) {
  const headers = { Accept: 'application/json', RequestVerificationToken: token };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(problemMessage(data, response.status), response.status, data);
  return data;
}

/** The human part of an RFC 7807 problem: field errors, else detail, else title. */
function problemMessage(problem, status) {
  if (problem?.errors) return Object.values(problem.errors).flat().join(' ');
  return problem?.detail ?? problem?.title ?? `The server answered ${status}.`;
}

export const searchRecords = (type, query, limit = 8) => call('GET', `/api/${type}s?limit=${limit}&q=${encodeURIComponent(query)}`);
