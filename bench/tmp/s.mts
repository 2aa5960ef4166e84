import { smallSchool } from '../../test/services/fixtures.ts';
try { const s = await smallSchool(); console.log('ok', s.dbPath); await s.cleanup(); } catch (e) { console.error('ERR', e); }
