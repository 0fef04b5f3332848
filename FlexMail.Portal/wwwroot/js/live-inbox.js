// The Live Inbox: arrow keys on a reply row move between rows instead of scrolling the page, and the page asks whether
// the person has scrolled away from the top of the stream (then new rows wait behind a button instead of pushing the list).
export function attach() {
    const keys = ["ArrowUp", "ArrowDown", "Home", "End"];
    const onKeyDown = event => {
        if (keys.includes(event.key) && event.target instanceof Element && event.target.closest("tr[data-row]")) {
            event.preventDefault();
        }
    };
    document.addEventListener("keydown", onKeyDown);
    return {
        dispose: () => document.removeEventListener("keydown", onKeyDown),
        isScrolledAway: () => window.scrollY > 160,
    };
}
