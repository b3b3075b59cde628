// The portal as an app on the phone: the service worker keeps the last loaded pages; without a
// connection the page says so and how old what it shows is.
(function () {
  'use strict';
  var sw = document.body.dataset.sw;
  if ('serviceWorker' in navigator && sw) {
    navigator.serviceWorker.register(sw, { scope: '/portal' }).catch(function () { /* an app without offline copies */ });
  }
  var banner = document.getElementById('offline');
  var main = document.getElementById('main');
  function show() {
    if (!banner) { return; }
    if (navigator.onLine) { banner.hidden = true; return; }
    var loaded = main && main.dataset.loaded ? new Date(main.dataset.loaded) : null;
    var age = loaded ? loaded.toLocaleString('vi-VN') : '';
    banner.textContent = banner.dataset.msg.replace('{0}', age);
    banner.hidden = false;
  }
  window.addEventListener('online', show);
  window.addEventListener('offline', show);
  show();
})();

// This phone's notifications: the settings page offers them where the browser can push (on iPhones
// only once the portal is on the home screen); the subscription goes to the server, which posts
// encrypted messages to the browser's push service.
(function () {
  'use strict';
  var box = document.getElementById('push');
  if (!box || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) { return; }
  var state = document.getElementById('push-state');
  var button = document.getElementById('push-enable');
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  function key(b64) {
    var pad = '='.repeat((4 - b64.length % 4) % 4);
    var raw = atob((b64 + pad).replace(/-/g, '+').replace(/_/g, '/'));
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
    return out;
  }
  function say(which) { state.textContent = state.dataset[which]; button.hidden = which !== 'off'; }
  function send(sub) {
    var headers = { 'Content-Type': 'application/json' };
    if (token && header) { headers[header.content] = token.content; }
    return fetch('/portal/push', { method: 'POST', headers: headers, body: JSON.stringify(sub), credentials: 'same-origin' });
  }
  box.hidden = false;
  navigator.serviceWorker.ready.then(function (reg) {
    return reg.pushManager.getSubscription().then(function (sub) {
      if (Notification.permission === 'denied') { say('denied'); return; }
      if (sub) { send(sub.toJSON()); say('on'); } else { say('off'); }
      button.addEventListener('click', function () {
        reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key(box.dataset.key) })
          .then(function (s) { return send(s.toJSON()).then(function () { say('on'); }); })
          .catch(function () { say(Notification.permission === 'denied' ? 'denied' : 'off'); });
      });
    });
  });
})();
