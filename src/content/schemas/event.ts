// A calendar event (content/evenemang/): the kalendarium page, /kalendarium.ics and the event's own page are made from
// it. Its file's name is its key, the event's id in subscribers' calendars: it must never change once published.
import { z } from "zod";
import { eventTimeField, httpsUrlField, keyField, text } from "../fields.ts";
import { sharedFields } from "./shared.ts";

/** The place an online event gives: the kalendarium and calendars show it as written. */
export const ONLINE_PLACE = "Digitalt";

export function isOnline(place: string): boolean {
  return place.trim().toLocaleLowerCase("sv") === ONLINE_PLACE.toLocaleLowerCase("sv");
}

export const eventSchema = z
  .strictObject({
    title: sharedFields.title,
    start: eventTimeField("Börjar", "När evenemanget börjar: en dag (ÅÅÅÅ-MM-DD) för heldagar, annars dag och tid (ÅÅÅÅ-MM-DDTHH:MM). Svensk tid."),
    end: eventTimeField("Slutar", "När det slutar: sista dagen (ÅÅÅÅ-MM-DD), eller dag och tid (ÅÅÅÅ-MM-DDTHH:MM), på samma sätt som start."),
    place: text("Plats", `Var det hålls, t.ex. Karlskrona, eller ${ONLINE_PLACE} för ett evenemang på nätet.`),
    organisation: keyField("Organisation", "Vem som arrangerar: en nyckel ur content/data/organisationer.yml, t.ex. nns.", "organisation"),
    registration: httpsUrlField("Anmälan (länk)", "Adress till anmälan, om det finns en (https://…).").optional(),
    draft: sharedFields.draft,
    publicContacts: sharedFields.publicContacts,
  })
  .superRefine((data, ctx) => {
    if (data.start.allDay !== data.end.allDay) {
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: data.start.allDay
          ? "en dag (ÅÅÅÅ-MM-DD) som start, eller så får start också en tid"
          : "dag och tid (ÅÅÅÅ-MM-DDTHH:MM) som start, eller så skrivs start som en dag",
      });
    } else if (data.end.at < data.start.at) {
      ctx.addIssue({ code: "custom", path: ["end"], message: data.start.allDay ? "samma dag som start eller senare" : "samma tid som start eller senare" });
    }
  });
