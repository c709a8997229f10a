// Keeps what a person types into a long form in this browser until the server has it, so a
// signed-out session or a closed tab loses nothing. Forms opt in with data-keep-draft="<key>";
// data-draft-saved on the form tells the script that the stored copy is now on the server, and
// data-draft-version is the server's version the typing started from: a copy made against an older
// version is not restored, so nobody's newer save is overwritten from a stale browser.
(function () {
    const prefix = "finpilot.draft.";

    function fields(form) {
        return Array.from(form.querySelectorAll("input[name], textarea[name], select[name]"))
            .filter(f => f.type !== "hidden" && f.type !== "file" && f.type !== "submit");
    }

    function read(form) {
        const values = {};
        for (const f of fields(form)) {
            values[f.name] = (f.type === "checkbox" || f.type === "radio") ? f.checked : f.value;
        }
        return values;
    }

    function restore(form, values) {
        let changed = false;
        for (const f of fields(form)) {
            if (!(f.name in values)) continue;
            if (f.type === "checkbox" || f.type === "radio") {
                if (f.checked !== values[f.name]) { f.checked = values[f.name]; changed = true; }
            } else if (f.value !== values[f.name]) {
                f.value = values[f.name]; changed = true;
            }
        }
        return changed;
    }

    function wire(form) {
        if (form.dataset.draftWired) return;
        form.dataset.draftWired = "1";
        const key = prefix + form.dataset.keepDraft;
        if (form.hasAttribute("data-draft-saved")) {
            localStorage.removeItem(key);
        } else {
            const stored = JSON.parse(localStorage.getItem(key) || "null");
            if (stored && stored.version === form.dataset.draftVersion && restore(form, stored.values)) {
                const notice = form.querySelector("[data-draft-restored]");
                if (notice) notice.hidden = false;
            }
        }
        const save = () => localStorage.setItem(key, JSON.stringify({ version: form.dataset.draftVersion, values: read(form) }));
        form.addEventListener("input", save);
        form.addEventListener("change", save);
    }

    function init() {
        document.querySelectorAll("form[data-keep-draft]").forEach(wire);
    }

    document.addEventListener("DOMContentLoaded", init);
    if (window.Blazor && Blazor.addEventListener) {
        Blazor.addEventListener("enhancedload", init);
    } else {
        document.addEventListener("DOMContentLoaded", () => window.Blazor?.addEventListener?.("enhancedload", init));
    }
    init();
})();
