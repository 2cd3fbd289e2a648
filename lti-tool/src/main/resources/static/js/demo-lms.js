// The demo course page: the hint in the empty frame goes once a launch starts.
(function () {
  'use strict';
  var hint = document.querySelector('.frame-hint');
  document.getElementById('launch-form').addEventListener('submit', function () {
    if (hint) { hint.hidden = true; }
  });
})();
