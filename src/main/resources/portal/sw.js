// The portal's service worker: pages come from the network while there is one; a page opened
// without a connection is the copy saved when it was last loaded (the page says how old). Only
// the portal's own pages are kept, and signing out forgets them all.
'use strict';
const CACHE = 'truongso-portal-v1';

self.addEventListener('install', (e) => { self.skipWaiting(); });
self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((k) => k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()));
});

self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (url.origin !== location.origin) { return; }
  if (req.method === 'POST' && url.pathname === '/logout') {
    e.waitUntil(caches.delete(CACHE));
    return;
  }
  const keep = req.method === 'GET' && (url.pathname.startsWith('/portal') || url.pathname.startsWith('/assets/'));
  if (!keep) { return; }
  e.respondWith(fetch(req).then((res) => {
    // a page that answers with the sign-in form is no copy of the family's page
    if (res.ok && !res.redirected) {
      const copy = res.clone();
      caches.open(CACHE).then((c) => c.put(req, copy));
    }
    return res;
  }).catch(() => caches.match(req).then((hit) => hit || Response.error())));
});

// A message from the school: its title and opening words; a tap opens the inbox (or the message).
self.addEventListener('push', (e) => {
  let data = {};
  try { data = e.data ? e.data.json() : {}; } catch (err) { data = { body: e.data ? e.data.text() : '' }; }
  const title = data.title || 'TruongSo';
  e.waitUntil(self.registration.showNotification(title, {
    body: data.body || '', tag: data.tag || undefined, data: { url: data.url || '/portal/messages' },
    requireInteraction: !!data.urgent
  }));
});

self.addEventListener('notificationclick', (e) => {
  e.notification.close();
  const url = new URL((e.notification.data && e.notification.data.url) || '/portal/messages', location.origin);
  const target = url.origin === location.origin ? url.href : location.origin + '/portal/messages';
  e.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((list) => {
    for (const c of list) { if (c.url === target && 'focus' in c) { return c.focus(); } }
    return self.clients.openWindow(target);
  }));
});
