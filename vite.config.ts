import { defineConfig, type Plugin } from "vite";
import { gazetteerLabels } from "./web/build/labels.ts";

/** labels.json, the basemap's place names, derived from data/gazetteer at build time (web/build/labels.ts). */
function basemapLabels(): Plugin {
  const json = () => JSON.stringify(gazetteerLabels(new URL("./data/gazetteer/", import.meta.url).pathname));
  return {
    name: "marsad-basemap-labels",
    generateBundle() {
      this.emitFile({ type: "asset", fileName: "labels.json", source: json() });
    },
    configureServer(server) {
      server.middlewares.use("/labels.json", (_req, res) => {
        res.setHeader("content-type", "application/json");
        res.end(json());
      });
    },
  };
}

// The web app (web/): built to web/dist, served by `marsad serve`.
export default defineConfig({
  root: "web",
  base: "./",
  plugins: [basemapLabels()],
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
