// The real companion for the extension's tests: `askfirst serve` from the project's
// virtualenv on a free loopback port, with its own data folder and HOME in a temporary
// folder and the keyring turned off, so no test touches the user's keyring or data.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const ASKFIRST = join(ROOT, ".venv", "bin", "askfirst");

/** A TCP port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Poll `check` until it returns something truthy, or fail with `what` after `timeoutMs`. */
export async function waitFor(check, what, { timeoutMs = 15_000, everyMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export class Companion {
  constructor(folder = mkdtempSync(join(tmpdir(), "askfirst-companion-"))) {
    this.folder = folder;
    this.dataDir = join(folder, "data");
    this.logFile = join(folder, "serve.log");
    this.port = null;
    this.proc = null;
    this.env = {
      ...process.env,
      HOME: folder,
      XDG_DATA_HOME: join(folder, "xdg"),
      PYTHON_KEYRING_BACKEND: "keyring.backends.fail.Keyring",
      PYTHONUNBUFFERED: "1",
    };
  }

  get base() {
    return `http://127.0.0.1:${this.port}/api/v1`;
  }

  async start(port) {
    if (!existsSync(ASKFIRST)) throw new Error(`${ASKFIRST} is missing: set up the project's .venv first`);
    this.port = port || this.port || (await freePort());
    const { openSync } = await import("node:fs");
    const log = openSync(this.logFile, "a");
    this.proc = spawn(ASKFIRST, ["serve", "--port", String(this.port), "--data-dir", this.dataDir], {
      env: this.env,
      stdio: ["ignore", log, log],
    });
    const proc = this.proc;
    await waitFor(async () => {
      if (proc.exitCode !== null) throw new Error(`askfirst serve exited: ${this.log()}`);
      const [status, body] = await this.call("GET", "/health");
      return status === 200 && body.status === "ok";
    }, "askfirst serve to answer /health");
    return this;
  }

  log() {
    return existsSync(this.logFile) ? readFileSync(this.logFile, "utf8").slice(-2000) : "";
  }

  async stop() {
    const proc = this.proc;
    this.proc = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((resolve) => proc.once("exit", resolve));
    proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }

  async dispose() {
    await this.stop();
    rmSync(this.folder, { recursive: true, force: true });
  }

  pairCode() {
    const run = spawnSync(ASKFIRST, ["pair", "--json", "--data-dir", this.dataDir], { env: this.env, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`askfirst pair failed: ${run.stderr || run.stdout}`);
    return JSON.parse(run.stdout).code;
  }

  /** One API call with no Origin (as the CLI would): `[status, body]`. */
  async call(method, path, { body, token, headers = {} } = {}) {
    const response = await fetch(this.base + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return [response.status, text ? JSON.parse(text) : null];
  }
}
