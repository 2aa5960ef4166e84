/**
 * A small school with a family and a teacher who can sign in, and the web
 * diary over it, driven in-process with Fastify's inject (no port).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { addGuardian } from '../../src/services/guardians.ts';
import { addLesson } from '../../src/services/lessons.ts';
import { enterGrades } from '../../src/services/grades.ts';
import { markAbsences } from '../../src/services/absences.ts';
import { addNote } from '../../src/services/parent-notes.ts';
import { buildWebApp, type WebOptions } from '../../src/web/app.ts';
import { DEFAULT_NOW, smallSchool, type SmallSchool } from '../services/fixtures.ts';

export interface WebWorld {
  school: SmallSchool;
  app: FastifyInstance;
  /** Set to move the server's clock. */
  clock: { now: Date };
  ids: { S001: number; S002: number; S003: number; S004: number; ilze: number };
  /** The temporary passwords from the queued SMS. */
  passwords: Record<string, string>;
  close: () => Promise<void>;
}

const at = (iso: string) => new Date(iso);

export async function webWorld(options: Partial<WebOptions> = {}): Promise<WebWorld> {
  const school = await smallSchool();
  const ilze = await school.as('admin', (c) => addGuardian(c, { students: ['S001', 'S002'], firstName: 'Ilze', lastName: 'Bērziņa', relation: 'mother', phone: '+37129000011' }));
  await school.as('admin', (c) => addGuardian(c, { students: ['S004'], firstName: 'Rita', lastName: 'Ozola', relation: 'mother', phone: '+37129000012' }));
  // October: the month of the extract.
  await school.as('T01', (c) => addLesson(c, { class: '7.a', subject: 'mat', date: '2026-10-05', number: 1, topic: 'Naturālie skaitļi' }), at('2026-10-05T10:00:00Z'));
  await school.as('T01', (c) => enterGrades(c, { class: '7.a', subject: 'mat', date: '2026-10-05', number: 1, students: ['S001=7', 'S002=9'] }), at('2026-10-05T10:05:00Z'));
  // The week of 23 November.
  await school.as('T01', (c) => addLesson(c, { class: '7.a', subject: 'mat', date: '2026-11-23', number: 1, topic: 'Daļskaitļi', homework: '12. uzdevums' }), at('2026-11-23T10:00:00Z'));
  await school.as('T01', (c) => enterGrades(c, { class: '7.a', subject: 'mat', date: '2026-11-23', number: 1, students: ['S001=8', 'S002=6'] }), at('2026-11-23T10:05:00Z'));
  await school.as('T01', (c) => addLesson(c, { class: '7.a', subject: 'mat', date: '2026-11-24', number: 2, topic: 'Decimāldaļskaitļi' }), at('2026-11-24T10:00:00Z'));
  await school.as('T01', (c) => markAbsences(c, { class: '7.a', subject: 'mat', date: '2026-11-24', number: 2, students: ['S001'], code: 'n' }), at('2026-11-24T10:05:00Z'));
  await school.as('T01', (c) => addNote(c, { class: '7.a', text: 'Piektdien ekskursija uz <Siguldu> & atpakaļ', from: '2026-11-23' }), at('2026-11-23T12:00:00Z'));
  const rows = await school.db
    .selectFrom('sms_outbox as m')
    .innerJoin('account as a', 'a.id', 'm.account_id')
    .select(['a.username', 'm.body', 'm.secret_from', 'm.secret_length'])
    .where('m.state', '=', 'queued')
    .execute();
  const passwords = Object.fromEntries(rows.map((r) => [r.username, r.body.slice(r.secret_from!, r.secret_from! + r.secret_length!)]));
  const students = await school.db.selectFrom('student').select(['id', 'code']).execute();
  const id = (code: string) => students.find((s) => s.code === code)!.id;
  const clock = { now: DEFAULT_NOW };
  const schoolRow = (await school.ctx(null)).school;
  const app = await buildWebApp({ db: school.db, school: schoolRow, clock: () => clock.now, lockout: { maxFailedAttempts: 3, lockMinutes: 15 }, ...options });
  await app.ready();
  return {
    school,
    app,
    clock,
    ids: { S001: id('S001'), S002: id('S002'), S003: id('S003'), S004: id('S004'), ilze: ilze.id },
    passwords,
    close: async () => {
      await app.close();
      await school.cleanup();
    },
  };
}

/** A browser's cookies, kept across injected requests. */
export class Client {
  cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  private header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now() - 86_400_000 * 365 * 10)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.header() } }));
  }

  /** The CSRF token of the last page the client got at `from`. */
  async token(from: string): Promise<string> {
    const page = await this.get(from);
    const match = /name="_csrf" value="([^"]+)"/.exec(page.body);
    if (!match) throw new Error(`no CSRF token on ${from} (${page.statusCode})`);
    return match[1]!;
  }

  async post(url: string, fields: Record<string, string>, from = url, withToken = true): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams(withToken ? { _csrf: await this.token(from), ...fields } : fields).toString();
    return this.keep(await this.app.inject({ method: 'POST', url, payload: body, headers: { cookie: this.header(), 'content-type': 'application/x-www-form-urlencoded' } }));
  }

  async signIn(username: string, password: string): Promise<LightMyRequestResponse> {
    return this.post('/', { username, password }, '/');
  }
}
