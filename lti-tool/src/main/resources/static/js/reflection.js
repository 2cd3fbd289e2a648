// Reflections and Saved. A form with mistakes comes back as 422 Unprocessable Content, with the student's input
// and a message at each field. htmx leaves error responses unswapped by default, so a boosted form would show
// nothing at all: swap these pages in like any other, then move focus to what needs fixing.
(function () {
  'use strict';
  if (window.leerlogUnprocessableSwaps) { return; } // boosted pages load this script again on each visit
  window.leerlogUnprocessableSwaps = true;
  document.addEventListener('htmx:beforeSwap', function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener('htmx:afterSettle', function (event) {
    if (!event.detail.xhr || event.detail.xhr.status !== 422) { return; }
    var target = document.querySelector('[data-error-summary]') || document.querySelector('[aria-invalid="true"]');
    if (target) { target.focus(); }
  });
})();
