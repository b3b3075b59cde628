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
