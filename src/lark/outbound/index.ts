// Open API requests from the thread that acknowledges Feishu's deliveries: as little work there as possible.
export { LeanHttp, type LeanHttpOptions } from "./lean-http.js";
export { OpenApiHttpError, toPlainRequest } from "./request.js";
