// Between the platform's requests: platform storage (LTI Client Side postMessages, lti.put_data /
// lti.get_data) and the cookie check. Every reply is accepted only from the platform's origin.
(function () {
  'use strict';
  var page = document.getElementById('lti-bridge');
  if (!page) { return; }
  var data = page.dataset;
  var TIMEOUT_MS = 3000;

  function storageFrame() {
    try {
      if (data.target === '_parent') { return window.parent; }
      return window.parent.frames[data.target] || null;
    } catch (e) {
      return null;
    }
  }

  function send(message, onReply, onFail) {
    var frame = storageFrame();
    if (!frame || frame === window) { onFail('no platform storage frame'); return; }
    var id = 'leerlog-' + Math.random().toString(36).slice(2) + Date.now().toString(36);
    var done = false;
    function listener(event) {
      // Replies from any other origin are ignored, whatever they say.
      if (event.origin !== data.origin || !event.data || event.data.message_id !== id) { return; }
      if (event.data.subject !== message.subject + '.response') { return; }
      done = true;
      window.removeEventListener('message', listener);
      if (event.data.error) { onFail(event.data.error.code || 'platform storage error'); } else { onReply(event.data); }
    }
    window.addEventListener('message', listener);
    message.message_id = id;
    frame.postMessage(message, data.origin);
    window.setTimeout(function () {
      if (!done) { window.removeEventListener('message', listener); onFail('no reply from platform storage'); }
    }, TIMEOUT_MS);
  }

  function go(url) { window.location.replace(url); }

  function showBlocked() {
    var progress = document.getElementById('lti-progress');
    var blocked = document.getElementById('lti-blocked');
    if (progress) { progress.hidden = true; }
    if (blocked) { blocked.hidden = false; }
  }

  if (data.mode === 'store') {
    // The binding cookie was set too: if storage fails, the launch can still be bound by the cookie.
    send({ subject: 'lti.put_data', key: data.key, value: data.value },
      function () { go(data.next); },
      function () { go(data.next); });
  } else if (data.mode === 'fetch') {
    var form = document.getElementById('lti-relaunch');
    send({ subject: 'lti.get_data', key: data.key },
      function (reply) { form.elements.lti_storage_binding.value = reply.value || ''; form.submit(); },
      function () { form.submit(); });
  } else if (data.mode === 'cookies') {
    if (document.cookie.indexOf('lti_cookie_probe=') >= 0) { go(data.next); } else { showBlocked(); }
  }
})();
