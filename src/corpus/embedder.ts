import type { EmbeddingConfig } from "../config/index.js";
import { LocalEmbedder, OpenAIEmbedder, type Embedder } from "../retrieval/index.js";

/** The embedder the configuration names; `local` needs nothing from outside this process. */
export function createEmbedder(config: EmbeddingConfig): Embedder {
  if (config.provider === "openai") {
    return new OpenAIEmbedder({
      baseURL: config.baseUrl ?? "",
      apiKey: config.apiKey ?? "",
      model: config.model ?? "",
      dimension: config.dimensions ?? 0,
    });
  }
  return new LocalEmbedder(config.dimensions ? { dimension: config.dimensions } : {});
}
