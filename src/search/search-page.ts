// Everything the search page shows, computed from its URL (kept out of the .astro file so that
// it can be tested without a browser).
import { foldTerm } from './fts/spelling.ts';
import { type SearchPageState, type SearchParamError, hasFilters, parseSearchState, toStorySearchQuery } from './search-params.ts';
import { type CompanySuggestion, type SearchIndex, type StorySearchResult, DEFAULT_PER_PAGE } from './search-index.ts';

export interface SearchPageData {
  state: SearchPageState;
  errors: SearchParamError[];
  /** Null when the engine could not answer (the page then says so, with status 503). */
  result: StorySearchResult | null;
  unavailable: boolean;
  /** The company the `company` parameter resolved to. */
  company: CompanySuggestion | null;
  companyNotFound: boolean;
  /** Companies whose name matches the words (first page only). */
  companies: CompanySuggestion[];
  filtered: boolean;
  perPage: number;
  /**
   * Set when the words as typed matched nothing and the results shown are those of the
   * suggested spelling (`result.suggestion`) instead.
   */
  correctedFrom: string | null;
}

/** The company meant by a slug or a name as typed: exact slug, then exact name, then best prefix match. */
export async function resolveCompany(index: SearchIndex, value: string): Promise<CompanySuggestion | null> {
  if (!value) return null;
  const candidates = await index.suggestCompanies(value, 8);
  const folded = foldTerm(value).trim();
  return candidates.find((c) => c.slug === value) ?? candidates.find((c) => foldTerm(c.name) === folded) ?? candidates[0] ?? null;
}

export async function loadSearchPage(index: SearchIndex, params: URLSearchParams, perPage = DEFAULT_PER_PAGE): Promise<SearchPageData> {
  const { state, errors } = parseSearchState(params);
  const data: SearchPageData = {
    state,
    errors,
    result: null,
    unavailable: false,
    company: null,
    companyNotFound: false,
    companies: [],
    filtered: hasFilters(state),
    perPage,
    correctedFrom: null,
  };
  try {
    data.company = await resolveCompany(index, state.company);
    data.companyNotFound = state.company !== '' && data.company === null;
    const [result, companies] = await Promise.all([
      index.searchStories(toStorySearchQuery(state, data.company?.slug, perPage)),
      state.q && state.page === 1 && !data.company ? index.suggestCompanies(state.q, 5) : Promise.resolve([]),
    ]);
    data.result = result;
    data.companies = companies;
    // Nothing for a misspelt query: show what the corrected spelling finds, and say so.
    if (result.total === 0 && result.suggestion) {
      const corrected = await index.searchStories(toStorySearchQuery({ ...state, q: result.suggestion }, data.company?.slug, perPage));
      if (corrected.total > 0) {
        data.result = { ...corrected, suggestion: result.suggestion };
        data.correctedFrom = state.q;
      }
    }
  } catch (error) {
    console.warn(`search page: ${(error as Error).name}: ${(error as Error).message}`);
    data.unavailable = true;
  }
  return data;
}
