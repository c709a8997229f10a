// Starts Blazor from a file rather than an inline script, so the Content-Security-Policy needs no
// 'unsafe-inline'. Plain page loads, not enhanced navigation: every page is whole server HTML,
// scripts run on every load, tests see real navigations.
Blazor.start({ ssr: { disableDomPreservation: true } });
