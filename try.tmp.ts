import { readPlanFile } from './worker/cli/read-plan-file';
for (const f of process.argv.slice(2)) { try { const r = await readPlanFile(f); console.log(f, JSON.stringify(r.text)); } catch (e) { console.log(f, String(e)); } }
