// A café channel stays live: the server's event stream brings each change as the messages it touched ("from change F
// to change T, these messages"), rendered for this reader. A page that shows change F takes them as they are; a page
// that is behind, or hears only "the channel is at change N", asks for what changed after the last change it shows.
// The stream is read with fetch, not EventSource, so that it carries the page-bound session header and works in an
// LMS frame without cookies. After a dropped connection (a restart, a network gap) it connects again, and the
// catch-up brings whatever it missed.
(function () {
  'use strict';
  var list = document.getElementById('cafe-messages');
  if (!list || !window.fetch || !window.TextDecoder) { return; }
  var session = document.querySelector('meta[name="lti-session"]');
  var headers = session ? { 'X-Lti-Session': session.getAttribute('content') } : {};
  var live = document.querySelector('[data-cafe-live]');
  var after = Number(list.getAttribute('data-after')) || 0;
  var wanted = after;
  var fetching = false;
  var retry = 1000;
  var stopped = false;

  function status(offline) {
    if (!live || live.classList.contains('offline') === offline) { return; }
    live.classList.toggle('offline', offline);
    live.textContent = live.getAttribute(offline ? 'data-offline' : 'data-online');
  }

  function catchUp() {
    if (fetching || wanted <= after) { return; }
    fetching = true;
    fetch(list.getAttribute('data-changes') + '?after=' + after, { headers: headers, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error('catch-up refused: ' + response.status); }
        var last = Number(response.headers.get('X-Cafe-Change')) || after;
        return response.text().then(function (html) { show(html); after = Math.max(after, last); });
      })
      .catch(function () { /* the next signal or reconnect asks again */ })
      .then(function () { fetching = false; if (wanted > after) { catchUp(); } });
  }

  // A message is replaced only by a rendering of the same or a later change, whichever arrives first.
  function show(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    var empty = document.getElementById('cafe-no-messages');
    Array.prototype.forEach.call(template.content.querySelectorAll('li.cafe-message'), function (item) {
      var old = document.getElementById(item.id);
      if (old && Number(old.getAttribute('data-change')) > Number(item.getAttribute('data-change'))) { return; }
      if (empty) { empty.remove(); empty = null; }
      if (old) { old.replaceWith(item); } else { list.appendChild(item); }
      if (window.htmx) { window.htmx.process(item); }
    });
  }

  function connect() {
    if (stopped) { return; }
    var request = { headers: Object.assign({ 'Accept': 'text/event-stream', 'Last-Event-ID': String(after) }, headers),
                    credentials: 'same-origin', cache: 'no-store' };
    fetch(list.getAttribute('data-stream'), request)
      .then(function (response) {
        if (response.status === 404 || response.status === 401 || response.status === 403) { stopped = true; }
        if (!response.ok || !response.body) { throw new Error('stream refused: ' + response.status); }
        status(false);
        retry = 1000;
        var reader = response.body.getReader();
        var decoder = new TextDecoder();
        var buffer = '';
        function read() {
          return reader.read().then(function (chunk) {
            if (chunk.done) { return; }
            buffer += decoder.decode(chunk.value, { stream: true });
            var end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              event(buffer.slice(0, end));
              buffer = buffer.slice(end + 2);
            }
            return read();
          });
        }
        return read();
      })
      .catch(function () { status(true); })
      .then(function () {
        if (stopped) { return; }
        setTimeout(connect, retry);
        retry = Math.min(retry * 2, 15000);
      });
  }

  function event(text) {
    var name = 'message';
    var data = [];
    text.split('\n').forEach(function (line) {
      if (line.indexOf('event:') === 0) { name = line.slice(6).trim(); }
      if (line.indexOf('data:') === 0) { data.push(line.slice(5).replace(/^ /, '')); }
    });
    if (data.length === 0) { return; }
    if (name === 'messages') {
      var changes = /^(\d+) (\d+) ([\s\S]*)$/.exec(data.join('\n'));
      if (!changes) { return; }
      var from = Number(changes[1]);
      var to = Number(changes[2]);
      show(changes[3]);
      if (from <= after) { after = Math.max(after, to); }
      wanted = Math.max(wanted, to);
    } else {
      wanted = Math.max(wanted, Number(data[0]));
    }
    catchUp();
  }

  // After sending, the form empties; the message itself arrives through the stream like everyone else's.
  document.addEventListener('htmx:afterRequest', function (e) {
    var form = e.detail.elt;
    if (form && form.id === 'cafe-post' && e.detail.xhr && e.detail.xhr.status === 204) {
      form.reset();
      var body = form.querySelector('textarea');
      if (body) { body.focus(); }
    }
  });

  connect();
})();
