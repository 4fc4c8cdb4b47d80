// Reading a draft out of a compose box the way the user sees it. Rich editors (LinkedIn's
// msg-form, Quill, Draft.js) keep one <p> per line; `innerText` would do this in a browser
// but forces a layout and does not exist in jsdom, so the walk is done here by hand.

/** The draft as the user sees it: paragraphs and line breaks become "\n". */
export function readDraft(editor) {
  if (editor.tagName === "TEXTAREA" || editor.tagName === "INPUT") return editor.value;
  const out = [];
  const BLOCK = /^(P|DIV|LI|BLOCKQUOTE|H[1-6]|PRE)$/;
  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out.push(child.data);
      else if (child.nodeType === 1) {
        if (child.tagName === "BR") {
          out.push("\n");
          continue;
        }
        const block = BLOCK.test(child.tagName);
        if (block && out.length && !out[out.length - 1].endsWith("\n")) out.push("\n");
        walk(child);
        if (block && out.length && !out[out.length - 1].endsWith("\n")) out.push("\n");
      }
    }
  };
  walk(editor);
  // A paragraph holding only <br> is an empty line in the editor; one trailing newline
  // is the editor's own, not the user's.
  return out.join("").replace(/\u00a0/g, " ").replace(/\n$/, "");
}

