// The template school of the PostgreSQL test run (scripts/test-pg.mjs): the
// schema migrated by this version, with no school in it yet, which `init`
// (and the tests' freshSchool) then fill.
import { openDatabase } from '../src/db/connection.ts';

const db = await openDatabase(process.argv[2]!, { create: true });
await db.destroy();
