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
})();
