/** Version of the JSON plan format (the product's export/import format). */
export const PLAN_FORMAT_VERSION = 1;
