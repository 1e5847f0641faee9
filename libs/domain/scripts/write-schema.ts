// `npm run schema`: writes the JSON Schema of the plan format, generated from the zod model.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { planJsonSchema } from '../src/format/validate';

const target = path.join(__dirname, '../plan.schema.json');
fs.writeFileSync(target, `${JSON.stringify(planJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
