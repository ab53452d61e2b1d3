import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

/**
 * Hash routes, so the hub serves one `index.html` and every path is a screen:
 * `/#/kiosk`, `/#/display`, `/#/counter/c3`, `/#/manager`, `/#/status/<ticketId>?k=…`,
 * `/#/book` (and `/#/book/<code>`, a booking's own page), and
 * `/#/hq` when the page is served by headquarters.
 */
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./views/HomeView.vue') },
  { path: '/kiosk', name: 'kiosk', component: () => import('./views/KioskView.vue') },
  { path: '/display', name: 'display', component: () => import('./views/DisplayView.vue') },
  { path: '/counter/:counterId', name: 'counter', component: () => import('./views/CounterView.vue'), props: true },
  { path: '/manager', name: 'manager', component: () => import('./views/ManagerView.vue') },
  { path: '/setup', name: 'setup', component: () => import('./views/SetupView.vue') },
  { path: '/hq', name: 'hq', component: () => import('./views/HqView.vue') },
  { path: '/book/:code?', name: 'book', component: () => import('./views/BookView.vue'), props: true },
  { path: '/status/:ticketId', name: 'status', component: () => import('./views/StatusView.vue'), props: true },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
