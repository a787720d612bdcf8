// The shape of the message tables (kept apart from index.ts so that the tables can import it
// without an import cycle).

/**
 * A plural message: one template per plural category of `Intl.PluralRules` ('one' and 'other'
 * are required, the others optional), chosen by the numeric parameter named in `by` ('n' when
 * absent): { one: '{n} story', other: '{n} stories' }.
 */
export type Plural = { by?: string; zero?: string; one: string; two?: string; few?: string; many?: string; other: string };
/** A template with {name} placeholders, or a plural. */
export type Message = string | Plural;
export type Messages = Record<string, Message>;

/**
 * A feature area's strings, both languages side by side. The English table must have exactly the
 * Italian keys: a key missing on either side fails the type check.
 */
export function defineArea<K extends string>(area: { it: Record<K, Message>; en: Record<NoInfer<K>, Message> }): { it: Record<K, Message>; en: Record<K, Message> } {
  return area;
}
