// The learning log's pages (nl.leerlog.tool.learninglog).
(function () {
  'use strict';
  // Boosted navigation runs this again with every page it swaps in: listen once.
  if (window.leerlogLearningLog) { return; }
  window.leerlogLearningLog = true;

  // A filter left empty stays out of the address, so a shared or bookmarked list reads as what it shows.
  document.addEventListener('htmx:configRequest', function (event) {
    var form = event.detail.elt;
    if (event.detail.verb !== 'get' || !form.classList || !form.classList.contains('log-filters')) { return; }
    var data = event.detail.formData;
    var empty = [];
    data.forEach(function (value, name) { if (value === '') { empty.push(name); } });
    empty.forEach(function (name) { data.delete(name); });
  });

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  // Inside an LMS frame without cookies only requests with the page-bound session header are signed in, so an
  // evidence download is fetched with that header and handed to the browser as a file.
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[data-evidence-download]') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    var headers = {};
    var session = meta('lti-session');
    if (session) { headers['X-Lti-Session'] = session; }
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
