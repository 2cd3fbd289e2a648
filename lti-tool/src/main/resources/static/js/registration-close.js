// LTI Dynamic Registration 1.0, end of the flow: tell the platform that opened this page to close it.
// On the page of a completed registration this happens at once; the button does it again on request.
(function () {
  'use strict';
  function closeRegistration() {
    var message = {subject: 'org.imsglobal.lti.close'};
    if (window.parent && window.parent !== window) {
      window.parent.postMessage(message, '*');
    }
    if (window.opener) {
      window.opener.postMessage(message, '*');
    }
  }
  var button = document.getElementById('registration-close');
  if (button) {
    button.addEventListener('click', closeRegistration);
  }
  if (document.querySelector('[data-close-on-load]')) {
    closeRegistration();
  }
})();
