export * from "./schemas.js";
export { Toolbox, UnknownZoneError } from "./toolbox.js";
