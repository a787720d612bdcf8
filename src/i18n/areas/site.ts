// Strings of the public read pages: home, companies, company page, story page.
export const site = {
  it: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
