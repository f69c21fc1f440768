// Phone numbers as libphonenumber reads them, for the privacy guard and the data files' phone fields. Its full
// metadata is the largest import of the loading modules, and most content folders have no number in them: the
// library is required on the first number read, not when a command starts (bench/RESULTS.md, issue 11).
import { createRequire } from "node:module";
import type { PhoneNumber } from "libphonenumber-js/max";

type PhoneLibrary = typeof import("libphonenumber-js/max");

const requireHere = createRequire(import.meta.url);

/**
 * A number that can be dialled, as written: Swedish ("010-123 45 67") unless it has a country code ("+46 10 123 45 67").
 * Undefined for anything else.
 */
export function validPhoneNumber(text: string): PhoneNumber | undefined {
  // Node keeps a required module: after the first call this is a lookup.
  const { parsePhoneNumberFromString } = requireHere("libphonenumber-js/max") as PhoneLibrary;
  const phone = parsePhoneNumberFromString(text, "SE");
  return phone?.isValid() ? phone : undefined;
}
