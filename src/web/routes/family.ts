// A student's pages, for their guardians and themselves: the week, grades,
// absences, notes, the monthly extract with "Iepazinos", and the absence
// note form. Every page opens the student through the reading table
// (services/diary.ts): another family's child is "not found".
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { noteProblemLatvian } from '../../domain/absence-note.ts';
import { ABSENCE_CODES } from '../../domain/absence.ts';
import { addDays, isIsoDate, localDateOf } from '../../domain/dates.ts';
import { acknowledgeExtractOnline, diaryChildren, studentAbsences, studentExtract, studentGrades, studentNotes, studentWeek, type DiaryExtract } from '../../services/diary.ts';
import { AbsenceNoteRefused, notesOfStudent, sendAbsenceNote } from '../../services/absence-notes.ts';
import { ABSENCE_LABELS, average, lvDate, lvDay, lvMonth, lvTimestamp, REASON_LABELS, STATUS_LABELS, TERM_LABELS } from '../labels.ts';
import { sendPage } from '../page.ts';
import { contextOf, requireSignedIn, writeAs, type Web } from '../app.ts';

type Params = { id: string };
type Form = Record<string, string | undefined>;

function studentId(request: FastifyRequest): number {
  const text = (request.params as Params).id;
  if (!/^\d{1,9}$/.test(text)) throw new AppError('not_found', 'No such student.');
  return Number(text);
}

function query(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function form(request: FastifyRequest, name: string): string {
  const value = (request.body as Form | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

export function familyRoutes(web: Web): void {
  const { app, db } = web;

  /** Signed in, then the page's data (which checks the student), then the page. */
  const page = (tab: string, build: (request: FastifyRequest, reply: FastifyReply, id: number) => Promise<FastifyReply>) => async (request: FastifyRequest, reply: FastifyReply) => {
    if (!requireSignedIn(request, reply)) return reply;
    return build(request, reply, studentId(request));
  };

  const nav = async (request: FastifyRequest, id: number, tab: string) => ({
    children: await diaryChildren(contextOf(request, db)),
    current: { studentId: id, tab, guardian: request.signedIn!.actor.kind === 'guardian' },
  });

  app.get('/skolens/:id/nedela', page('nedela', async (request, reply, id) => {
    const day = query(request, 'diena');
    const week = await studentWeek(contextOf(request, db), id, day && isIsoDate(day) ? day : undefined);
    const view = {
      range: `${lvDate(week.monday)} – ${lvDate(addDays(week.monday, 6))}`,
      previous: `?diena=${addDays(week.monday, -7)}`,
      next: `?diena=${addDays(week.monday, 7)}`,
      days: week.days.map((d) => ({ label: lvDay(d.date), lessons: d.lessons.map((l) => ({ ...l, absence_label: l.absence ? ABSENCE_LABELS[l.absence] : null })), remarks: d.remarks })),
      notes: week.notes,
    };
    return sendPage(request, reply, 'week', view, { title: `Dienasgrāmata — ${week.student.name}`, heading: `${week.student.name} · dienasgrāmata`, ...(await nav(request, id, 'nedela')) });
  }));

  app.get('/skolens/:id/sekmes', page('sekmes', async (request, reply, id) => {
    const data = await studentGrades(contextOf(request, db), id);
    const subjects = data.subjects.map((s) => ({ ...s, grades: s.grades.map((g) => ({ ...g, date: lvDate(g.date) })), average: average(s.average), terms: s.terms.map((t) => ({ label: TERM_LABELS[t.work] ?? t.work, value: t.value })) }));
    return sendPage(request, reply, 'grades', { subjects }, { title: `Sekmes — ${data.student.name}`, heading: `${data.student.name} · sekmes`, ...(await nav(request, id, 'sekmes')) });
  }));

  app.get('/skolens/:id/kavejumi', page('kavejumi', async (request, reply, id) => {
    const ctx = contextOf(request, db);
    const data = await studentAbsences(ctx, id);
    const guardian = request.signedIn!.actor.kind === 'guardian';
    const notes = guardian ? await notesOfStudent(ctx, id) : [];
    const view = {
      totals: ABSENCE_CODES.map((code) => ({ code, count: data.totals[code], label: ABSENCE_LABELS[code] })),
      rows: data.rows.map((r) => ({ ...r, date: lvDate(r.date), label: ABSENCE_LABELS[r.code] })),
      can_send: guardian,
      note_href: `/skolens/${id}/zime`,
      notes: notes.map((n) => ({ days: n.from === n.to ? lvDate(n.from) : `${lvDate(n.from)} – ${lvDate(n.to)}`, reason: REASON_LABELS[n.reason], text: n.text, status: n.status, status_label: STATUS_LABELS[n.status] })),
    };
    return sendPage(request, reply, 'absences', view, { title: `Kavējumi — ${data.student.name}`, heading: `${data.student.name} · kavējumi`, flash: query(request, 'nosutits') ? 'Zīme nosūtīta klases audzinātājam.' : undefined, ...(await nav(request, id, 'kavejumi')) });
  }));

  app.get('/skolens/:id/piezimes', page('piezimes', async (request, reply, id) => {
    const data = await studentNotes(contextOf(request, db), id);
    const view = { notes: data.notes.map((n) => ({ ...n, from: lvDate(n.from), until: n.until ? lvDate(n.until) : null })), remarks: data.remarks.map((r) => ({ ...r, date: lvDate(r.date) })) };
    return sendPage(request, reply, 'notes', view, { title: `Piezīmes — ${data.student.name}`, heading: `${data.student.name} · piezīmes`, ...(await nav(request, id, 'piezimes')) });
  }));

  const extractPage = async (request: FastifyRequest, reply: FastifyReply, id: number, data: DiaryExtract, flash?: string) => {
    const guardian = request.signedIn!.actor.kind === 'guardian';
    const view = {
      month: data.month,
      month_label: lvMonth(data.month),
      months: data.months.map((m) => ({ value: m, label: lvMonth(m), selected: m === data.month })),
      student: data.student.name,
      class: data.student.class,
      subjects: data.subjects.map((s) => ({ ...s, average: average(s.average) })),
      absences: ABSENCE_CODES.map((code) => ({ code, count: data.absences[code] })),
      notes: data.notes,
      online: data.online ? { guardian: data.online.guardian, at: lvTimestamp(data.online.at) } : null,
      paper: data.paper ? { returned_on: lvDate(data.paper.returned_on) } : null,
      can_ack: guardian && !data.online,
      ack_action: `/skolens/${id}/izraksts`,
    };
    return sendPage(request, reply, 'extract', view, { title: `Sekmju izraksts — ${data.student.name}`, heading: `${data.student.name} · sekmju izraksts`, flash, ...(await nav(request, id, 'izraksts')) });
  };

  app.get('/skolens/:id/izraksts', page('izraksts', async (request, reply, id) => {
    if (request.signedIn!.actor.kind === 'student') throw new AppError('not_found', 'No extract page for a student.');
    return extractPage(request, reply, id, await studentExtract(contextOf(request, db), id, query(request, 'menesis')));
  }));

  app.post('/skolens/:id/izraksts', { preHandler: app.csrfProtection }, page('izraksts', async (request, reply, id) => {
    const data = await writeAs(request, db, (ctx) => acknowledgeExtractOnline(ctx, id, form(request, 'menesis')));
    return extractPage(request, reply, id, data, 'Paldies: jūsu iepazīšanās ar izrakstu ir reģistrēta.');
  }));

  const noteForm = async (request: FastifyRequest, reply: FastifyReply, id: number, values: Record<string, unknown>, error?: string) => {
    const child = (await diaryChildren(contextOf(request, db))).find((c) => c.id === id);
    if (!child || request.signedIn!.actor.kind !== 'guardian') throw new AppError('not_found', 'No such student.');
    return sendPage(request, reply, 'note-form', { action: `/skolens/${id}/zime`, ...values }, { title: `Zīme par kavējumu — ${child.name}`, heading: `${child.name} · zīme par kavējumu`, error, status: error ? 400 : 200, ...(await nav(request, id, 'kavejumi')) });
  };

  app.get('/skolens/:id/zime', page('kavejumi', async (request, reply, id) => noteForm(request, reply, id, { from: localDateOf(request.now), illness: true })));

  app.post('/skolens/:id/zime', { preHandler: app.csrfProtection }, page('kavejumi', async (request, reply, id) => {
    const input = { studentId: id, from: form(request, 'no'), to: form(request, 'lidz') || undefined, reason: form(request, 'iemesls'), text: form(request, 'teksts') };
    try {
      await writeAs(request, db, (ctx) => sendAbsenceNote(ctx, input));
    } catch (error) {
      if (error instanceof AbsenceNoteRefused) {
        return noteForm(request, reply, id, { from: input.from, to: input.to, text: input.text, illness: input.reason === 'illness', other: input.reason === 'other' }, `Zīmi nevar iesniegt: ${noteProblemLatvian(error.problem)}`);
      }
      throw error;
    }
    return reply.redirect(`/skolens/${id}/kavejumi?nosutits=1`, 303);
  }));
}
