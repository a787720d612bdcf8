// Astro Actions, used for the JSON islands (previews, autocomplete). Plain HTML forms post to
// their own page (decision 0003). Each area exports its actions from src/actions/<area>.ts and
// they are spread here.
export const server = {};
