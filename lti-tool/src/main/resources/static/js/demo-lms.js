// The demo LMS's side of platform storage (LTI Client Side postMessages): it keeps the tool's values per
// origin and answers lti.capabilities, lti.put_data and lti.get_data from the tool's origin only.
(function () {
  'use strict';
  var toolOrigin = document.body.dataset.toolOrigin;
  var store = {};
  var hint = document.querySelector('.frame-hint');
  document.getElementById('launch-form').addEventListener('submit', function () {
    if (hint) { hint.hidden = true; }
  });
  window.addEventListener('message', function (event) {
    if (event.origin !== toolOrigin || !event.data || typeof event.data.subject !== 'string') { return; }
    var message = event.data;
    var reply = { subject: message.subject + '.response', message_id: message.message_id };
    var key = event.origin + ' ' + message.key;
    if (message.subject === 'lti.capabilities') {
      reply.supported_messages = [{ subject: 'lti.put_data' }, { subject: 'lti.get_data' }];
    } else if (message.subject === 'lti.put_data') {
      store[key] = message.value;
      reply.key = message.key;
      reply.value = message.value;
    } else if (message.subject === 'lti.get_data') {
      reply.key = message.key;
      reply.value = Object.prototype.hasOwnProperty.call(store, key) ? store[key] : null;
    } else {
      reply.error = { code: 'unsupported_subject', message: 'Not supported: ' + message.subject };
    }
    event.source.postMessage(reply, event.origin);
  });
})();
