// Progressive enhancement only: every page works without this file.
// Loaded as a module, so it runs only in browsers govuk-frontend supports. The
// classes it adds are the ones govuk-frontend's docs set from an inline script,
// which the CSP (script-src 'self') forbids.
import { initAll } from "../vendor/govuk-frontend/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
