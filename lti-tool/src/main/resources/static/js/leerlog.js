// Sends the page-bound session token and the CSRF token with every htmx request, so the tool keeps
// working in browsers that keep no cookie inside the LMS frame.
(function () {
  'use strict';
  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }
  var session = meta('lti-session');
  var csrf = meta('csrf-token');
  document.addEventListener('htmx:configRequest', function (event) {
    if (session) { event.detail.headers['X-Lti-Session'] = session; }
    if (csrf) { event.detail.headers['X-CSRF-TOKEN'] = csrf; }
  });
  // A boosted page keeps the token of the page it replaced: the meta tag of the new page may be absent.
  document.addEventListener('htmx:afterSwap', function () {
    session = meta('lti-session') || session;
    csrf = meta('csrf-token') || csrf;
  });
})();

// A form with mistakes comes back as 400 or 422 with the input kept and a message at each field (htmx swaps these
// pages in, see the htmx-config meta): keyboard and screen-reader users start at the list of what to fix.
(function () {
  'use strict';
  document.addEventListener('htmx:afterSettle', function (event) {
    if (!event.detail.xhr || [400, 422].indexOf(event.detail.xhr.status) < 0) { return; }
    var target = document.querySelector('[data-error-summary], #error-summary') || document.querySelector('[aria-invalid="true"]');
    if (target) { target.focus(); }
  });
})();

// Inside an LMS frame without cookies only requests with the page-bound session header are signed in, so a private
// download (evidence, an invitation) is fetched with that header and handed to the browser as a file. Such links
// carry data-download and hx-boost="false", and name the file in their download attribute.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[data-download]') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    var headers = {};
    var element = document.querySelector('meta[name="lti-session"]');
    if (element) { headers['X-Lti-Session'] = element.getAttribute('content'); }
    fetch(link.href, { headers: headers, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error('download refused: ' + response.status); }
        return response.blob();
      })
      .then(function (blob) {
        var url = URL.createObjectURL(blob);
        var save = document.createElement('a');
        save.href = url;
        save.download = link.getAttribute('download') || '';
        document.body.appendChild(save);
        save.click();
        save.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      })
      .catch(function () { window.location.href = link.href; });
  });
})();
