// Enter sends, Shift+Enter starts a new line; the newest message is scrolled into view.
export function enterSends(inputId, buttonId) {
    const input = document.getElementById(inputId);
    if (!input || input.dataset.enterSends) return;
    input.dataset.enterSends = "1";
    input.addEventListener("keydown", e => {
        if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            document.getElementById(buttonId)?.click();
        }
    });
}

export function scrollToEnd(id) {
    const list = document.getElementById(id);
    if (list) list.scrollTop = list.scrollHeight;
}
