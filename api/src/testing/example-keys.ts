/** The entity a `{key}` in a route stands for, by the path segment before it, in the example plan. */
export const EXAMPLE_KEYS: Record<string, string> = {
  actors: 'bhl',
  'decision-areas': 'a-1-1',
  competences: 'c-sol',
  stages: 'etapp-1',
  'development-actions': 'k-ibic',
  consequences: 'kons-1',
  consultations: 'dial-1',
  comments: 'kom-1',
};
