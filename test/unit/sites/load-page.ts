// Parses a fixture page into a happy-dom document that believes it lives at `url`, so relative links
// resolve as on the site. No script runs and nothing is fetched.
import { Window } from 'happy-dom';

export function loadPage(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
