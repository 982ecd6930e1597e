/** Zones and the shapes every stage shares: the gazetteer, zones read by their form, names learnt from titles. */
export { Gazetteer, defaultGazetteerPath, type Zone, type ZoneEntry, type ZoneGroup, type ZoneMention, type MentionOptions } from "./gazetteer.js";
export { ZoneRecogniser, recogniseZones, type ZoneForm } from "./recognise.js";
export { loadZoneForms, type ZoneForms } from "./zone-forms.js";
export { zoneEntries } from "./learn.js";
export type * from "./types.js";
export { PlaceIndex, homeByShortName, shortNames, type PlaceMention } from "./places.js";
