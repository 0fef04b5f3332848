// Ctrl+S / Cmd+S saves the current page instead of opening the browser's "Save page" dialog.
export function register(dotNetReference) {
    const onKeyDown = event => {
        if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
            event.preventDefault();
            dotNetReference.invokeMethodAsync("SaveFromShortcut");
        }
    };
    document.addEventListener("keydown", onKeyDown);
    return { dispose: () => document.removeEventListener("keydown", onKeyDown) };
}
