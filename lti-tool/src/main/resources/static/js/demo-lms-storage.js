// The demo LMS's platform storage (LTI Client Side postMessages), in its post_message_forwarding frame: it keeps
// the tool's values per origin and answers lti.capabilities, lti.put_data and lti.get_data from the tool only.
(function () {
  'use strict';
  var toolOrigin = document.body.dataset.toolOrigin;
  var store = {};
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
