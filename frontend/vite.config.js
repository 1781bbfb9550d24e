import { defineConfig } from "vite";

// Built once into the Python package; the server serves index.html at / and assets/ beside it.
export default defineConfig({
  base: "./",
  build: {
    outDir: "../src/marsad/serve/static",
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
