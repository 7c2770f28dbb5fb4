// Remembers the user's dark-mode choice in this browser.
const key = "ispportal.darkMode";

export function load() {
  const value = localStorage.getItem(key);
  return value === null ? null : value === "true";
}

export function save(isDark) {
  localStorage.setItem(key, isDark ? "true" : "false");
}
