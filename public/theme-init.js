// Apply a stored theme before first paint; without one, CSS follows the system. A classic,
// render-blocking script (not a module) so it runs before the page is drawn; the page's
// Content-Security-Policy allows no inline script.
try {
  var theme = localStorage.getItem('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (e) {
  /* storage unavailable: follow the system */
}
