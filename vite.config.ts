import { defineConfig } from "vite";

// The web app (web/): built to web/dist, served by `marsad serve`.
export default defineConfig({
  root: "web",
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
