// The roll on a phone: a tap on a name marks the student absent (without permission until the
// teacher chooses otherwise), a second tap present again. Saving keeps the roll on the phone
// (localStorage) until the school has it: sent again when the connection returns, with the same
// key, so that the school writes it once however often it arrives.
(function () {
  'use strict';
  var form = document.getElementById('roll-form');
  if (!form) { return; }
  var QUEUE = 'truongso.roll.queue';
  var status = document.getElementById('roll-status');
  var retryTimer = null;
  var delay = 5000;

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }
  function load() {
    try { return JSON.parse(localStorage.getItem(QUEUE) || '[]'); } catch (e) { return []; }
  }
  function store(q) {
    try { localStorage.setItem(QUEUE, JSON.stringify(q)); } catch (e) { /* private mode: sent at once only */ }
  }
  function say(text, cls) {
    if (!status) { return; }
    status.textContent = text;
    status.className = 'small ' + (cls || '');
  }
  function field(name) { return form.querySelector('[name="' + name + '"]'); }

  function paint(line) {
    var kind = line.querySelector('.roll-kind').value;
    line.classList.remove('roll-marked', 'roll-P', 'roll-K', 'roll-M');
    if (kind) { line.classList.add('roll-marked', 'roll-' + kind); }
    var absent = form.querySelectorAll('.roll-line.roll-P, .roll-line.roll-K').length;
    var count = document.getElementById('roll-count');
    if (count) { count.textContent = count.textContent.replace(/\d+$/, String(absent)); }
  }

  form.addEventListener('click', function (e) {
    var name = e.target.closest('.roll-name');
    if (!name) { return; }
    var line = name.closest('.roll-line');
    var kind = line.querySelector('.roll-kind');
    kind.value = kind.value ? '' : 'K';
    paint(line);
    if (kind.value) { kind.focus(); }
  });
  form.addEventListener('change', function (e) {
    if (e.target.classList.contains('roll-kind')) { paint(e.target.closest('.roll-line')); }
  });

  function payload() {
    var marks = {};
    form.querySelectorAll('.roll-line').forEach(function (line) {
      var kind = line.querySelector('.roll-kind').value;
      if (kind) {
        marks[line.dataset.student] = { kind: kind, reason: line.querySelector('.roll-reason').value };
      }
    });
    var note = field('note');
    return {
      key: field('key').value,
      day: field('day').value,
      session: field('session').value,
      version: parseInt(field('version').value, 10) || 0,
      note: note ? note.value : null,
      marks: marks
    };
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var q = load();
    var roll = form.dataset.roll;
    // A second change while the first waits on the phone follows it: its version is the one the
    // first gets back.
    var chained = q.some(function (x) { return x.roll === roll; });
    q.push({ roll: roll, url: form.action, chained: chained, body: payload() });
    store(q);
    field('key').value = uuid();
    flush();
  });

  function headers() {
    var h = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) { h[header.content] = token.content; }
    return h;
  }

  var sending = false;
  var versions = {};
  function flush() {
    if (sending) { return; }
    var q = load();
    if (!q.length) { return; }
    var item = q[0];
    if (item.chained && versions[item.roll] !== undefined) {
      item.body.version = versions[item.roll];
    } else if (item.chained && item.roll === form.dataset.roll) {
      // reloaded since: the page's version already holds what arrived before
      item.body.version = parseInt(field('version').value, 10) || 0;
    }
    sending = true;
    say(form.dataset.msgSaving, 'text-muted');
    fetch(item.url, { method: 'POST', headers: headers(), body: JSON.stringify(item.body), credentials: 'same-origin' })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (a) { return { ok: r.ok, status: r.status, a: a }; });
      })
      .then(function (res) {
        sending = false;
        var rest = load().filter(function (x) { return x.body.key !== item.body.key; });
        if (res.status >= 500 || res.status === 401 || res.status === 403 && !res.a.state) {
          // not an answer about the roll (a server error, a lost session): keep it and try again
          return later();
        }
        store(rest);
        delay = 5000;
        if (res.ok) {
          versions[item.roll] = res.a.version;
          if (item.roll === form.dataset.roll) { field('version').value = res.a.version; }
          say(res.a.again ? form.dataset.msgAgain : form.dataset.msgSaved, 'text-success');
        } else {
          say(res.a.message || res.status, 'text-danger');
        }
        flush();
      })
      .catch(function () {
        sending = false;
        later();
      });
  }
  function later() {
    say(form.dataset.msgQueued, 'text-warning-emphasis');
    clearTimeout(retryTimer);
    retryTimer = setTimeout(flush, delay);
    delay = Math.min(delay * 2, 120000);
  }
  window.addEventListener('online', function () { delay = 5000; flush(); });

  // A roll still waiting on this phone for this page: show it as it was typed, then send it.
  load().forEach(function (x) {
    if (x.roll !== form.dataset.roll) { return; }
    form.querySelectorAll('.roll-line').forEach(function (line) {
      var m = x.body.marks[line.dataset.student];
      line.querySelector('.roll-kind').value = m ? m.kind : '';
      line.querySelector('.roll-reason').value = m ? (m.reason || '') : '';
      paint(line);
    });
  });
  flush();
})();
