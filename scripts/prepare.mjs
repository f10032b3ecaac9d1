// `npm install` from git (and `npm pack`) runs this: build when the compiled program or the web app is
// missing, so that an install from a tarball or a git URL runs. A checkout that is already built is
// left alone (`npm run build` rebuilds on purpose).
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
if (!existsSync(`${root}dist/cli/main.js`) || !existsSync(`${root}web/dist/index.html`)) {
  execSync("npm run build", { cwd: root, stdio: "inherit" });
}
