// The search page's repeated markup as strings (decision 0044): some forty facet checkboxes and
// twenty results per page, which Astro would otherwise render node by node on every request.
// Byte for byte the markup the page's elements gave; every value goes through escapeHtml and the
// highlights through highlightHtml (nothing but <mark> survives as markup), so the results are
// safe for `set:html` (tests/integration/set-html-guard.test.ts lists these functions).
import { escapeHtml } from '../content/markdown.ts';
import { formatDate, runtimeKey, stateBadgeText, t, type Locale } from '../i18n/index.ts';
import { highlightHtml } from './search-params.ts';
import type { StoryHit } from './search-index.ts';

/** One fieldset's checkboxes: `<label class="facet"><input …> Label <span class="count">n</span></label>` each. */
export function facetLabelsHtml(name: string, options: readonly { value: string; label: string; count: string }[], selected: readonly string[]): string {
  let out = '';
  for (const o of options) {
    out += `<label class="facet"><input type="checkbox" name="${escapeHtml(name)}" value="${escapeHtml(o.value)}"${selected.includes(o.value) ? ' checked' : ''}> ${escapeHtml(o.label)} <span class="count">${escapeHtml(o.count)}</span></label>`;
  }
  return out;
}

/** The marks of stories that do not count in the score yet (rule 8), as on a story card. */
function scoreHoldHtml(lang: Locale, hold: 'unverified' | 'review' | undefined): string {
  if (hold === 'review') return `<span class="badge state-overdue" data-under-review>${escapeHtml(t(lang, 'fakes.underReviewList'))}</span>`;
  if (hold === 'unverified') return `<span class="badge state-closed_no_verdict" data-not-counted>${escapeHtml(t(lang, 'fakes.unverifiedList'))}</span>`;
  return '';
}

/** The result list's items, for `<ol class="story-list search-hits">`; `holds`: the stories not counted in the score yet, by id. */
export function searchHitsHtml(lang: Locale, hits: readonly StoryHit[], now: number, holds: ReadonlyMap<number, 'unverified' | 'review'> = new Map()): string {
  let out = '';
  for (const hit of hits) {
    out +=
      `<li class="story-item"><div class="story-meta"><span class="badge state-${escapeHtml(hit.state)}">${escapeHtml(stateBadgeText(lang, hit.state, hit.replyDueAt, now))}</span>` +
      scoreHoldHtml(lang, holds.get(hit.id)) +
      `<a href="/${lang}/companies/${escapeHtml(hit.companySlug)}">${escapeHtml(hit.companyName)}</a><span>${escapeHtml(t(lang, runtimeKey(`category.${hit.category}`)))}</span>` +
      `<time datetime="${new Date(hit.publishedAt).toISOString()}">${escapeHtml(formatDate(lang, hit.publishedAt))}</time>` +
      (hit.language !== lang ? `<span lang="${escapeHtml(hit.language)}">${hit.language === 'it' ? 'Italiano' : 'English'}</span>` : '') +
      `</div><h3 lang="${escapeHtml(hit.language)}"><a href="/${lang}/stories/${hit.id}">${highlightHtml(hit.titleHtml)}</a></h3>` +
      `<p lang="${escapeHtml(hit.language)}">${highlightHtml(hit.snippetHtml)}</p>` +
      (hit.channels.length > 0
        ? `<div class="story-meta">${escapeHtml(t(lang, 'search.channels', { list: hit.channels.map((c) => t(lang, runtimeKey(`channel.${c}`))).join(', ') }))}</div>`
        : '') +
      `</li>`;
  }
  return out;
}
