// How the extension's own pages (popup, options, try) reach the background worker.
const api = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;

export { api };

/** Send one message to the background worker; a failure becomes an `{ok: false}` reply. */
export async function ask(type, payload = {}) {
  try {
    const reply = await api.runtime.sendMessage({ type, ...payload });
    return reply || { ok: false, error: { message: "No answer from the extension's background worker." } };
  } catch (err) {
    return { ok: false, error: { message: String(err) } };
  }
}

/** What is wrong and how to fix it, from a diagnosis (see lib/diagnosis.js), as one line. */
export function describeDiagnosis(diagnosis) {
  return [diagnosis.message, diagnosis.fix].filter(Boolean).join(" ");
}

/** A short sentence for a failed reply. */
export function explain(reply) {
  if (reply.diagnosis) return describeDiagnosis(reply.diagnosis);
  if (reply.offline && reply.state && reply.message) return describeDiagnosis(reply);
  if (reply.offline && reply.reason === "unpaired") return "Not connected yet: get a code with `askfirst pair` and enter it in the options.";
  if (reply.offline) return "The companion is not running. Start it with: askfirst serve";
  return (reply.error && reply.error.message) || "Something went wrong.";
}
