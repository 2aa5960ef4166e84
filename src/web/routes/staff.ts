// Employees' pages: the read-only journal grid of what they teach (deputies
// and admins: every class), and the class teacher's absence notes to decide.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { gridChoices, journalGrid } from '../../services/journal-grid.ts';
import { decideAbsenceNote, listAbsenceNotes } from '../../services/absence-notes.ts';
import { classesLedInYear } from '../../db/repositories/classes.ts';
import { resolveYear } from '../../services/lookup.ts';
import { average, lvDate, lvMonth, lvTimestamp, REASON_LABELS, STATUS_LABELS } from '../labels.ts';
import { sendPage } from '../page.ts';
import { contextOf, requireSignedIn, writeAs, type Web } from '../app.ts';

function staffOnly(request: FastifyRequest, reply: FastifyReply): boolean {
  const signed = requireSignedIn(request, reply);
  if (!signed) return false;
  if (signed.actor.kind !== 'staff') throw new AppError('not_found', 'Staff pages only.');
  return true;
}

const STAFF_TABS = (current: string, leads: boolean) =>
  [
    { href: '/zurnals', label: 'Žurnāls', current: current === 'zurnals' },
    ...(leads ? [{ href: '/zimes', label: 'Zīmes', current: current === 'zimes' }] : []),
    { href: '/parole', label: 'Parole', current: false },
  ];

export function staffRoutes(web: Web): void {
  const { app, db } = web;

  const leadsClasses = async (request: FastifyRequest) => {
    const ctx = contextOf(request, db);
    const actor = ctx.actor!;
    if (actor.roles.includes('admin') || actor.roles.includes('deputy')) return true;
    return (await classesLedInYear(db, (await resolveYear(ctx)).id, actor.id)).length > 0;
  };

  app.get('/zurnals', async (request, reply) => {
    if (!staffOnly(request, reply)) return reply;
    const ctx = contextOf(request, db);
    const everything = ctx.actor!.roles.includes('admin') || ctx.actor!.roles.includes('deputy');
    const choices = (await gridChoices(ctx)).map((c) => ({ class: c.class, subject_name: c.subject_name, teacher: everything ? c.teacher_name : null, href: `/zurnals/${encodeURIComponent(c.class)}/${encodeURIComponent(c.subject)}` }));
    const leads = await leadsClasses(request);
    const pending = leads ? (await listAbsenceNotes(ctx, { status: 'pending' })).length : 0;
    return sendPage(request, reply, 'journal-choices', { choices, leads, pending }, { title: 'Klases žurnāls', tabs: STAFF_TABS('zurnals', leads) });
  });

  app.get('/zurnals/:class/:subject', async (request, reply) => {
    if (!staffOnly(request, reply)) return reply;
    const { class: classCode, subject } = request.params as { class: string; subject: string };
    const month = (request.query as Record<string, unknown>).menesis;
    const grid = await journalGrid(contextOf(request, db), classCode, subject, typeof month === 'string' ? month : undefined);
    const view = {
      month_label: lvMonth(grid.month),
      previous: `?menesis=${grid.previous}`,
      next: grid.next ? `?menesis=${grid.next}` : null,
      lessons: grid.lessons.map((l) => ({ ...l, day: `${l.date.slice(8)}.${l.date.slice(5, 7)}.`, date: lvDate(l.date) })),
      rows: grid.rows.map((r) => ({ ...r, average: average(r.average) })),
    };
    return sendPage(request, reply, 'journal-grid', view, { title: `${grid.class} ${grid.subject_name}`, heading: `${grid.class} · ${grid.subject_name}`, tabs: STAFF_TABS('zurnals', await leadsClasses(request)) });
  });

  const notesPage = async (request: FastifyRequest, reply: FastifyReply, flash?: string) => {
    const notes = await listAbsenceNotes(contextOf(request, db));
    const view = {
      notes: notes.map((n) => ({
        ...n,
        days: n.from === n.to ? lvDate(n.from) : `${lvDate(n.from)} – ${lvDate(n.to)}`,
        reason: REASON_LABELS[n.reason],
        created_at: lvTimestamp(n.created_at),
        decided_at: n.decided_at ? lvTimestamp(n.decided_at) : null,
        pending: n.status === 'pending',
        status_label: STATUS_LABELS[n.status],
      })),
    };
    return sendPage(request, reply, 'absence-notes', view, { title: 'Zīmes par kavējumiem', flash, tabs: STAFF_TABS('zimes', true) });
  };

  app.get('/zimes', async (request, reply) => {
    if (!staffOnly(request, reply)) return reply;
    return notesPage(request, reply);
  });

  app.post('/zimes/:id', { preHandler: app.csrfProtection }, async (request, reply) => {
    if (!staffOnly(request, reply)) return reply;
    const body = (request.body ?? {}) as Record<string, string | undefined>;
    const decision = body.lemums === 'accept' ? 'accept' : body.lemums === 'decline' ? 'decline' : null;
    if (!decision) throw new AppError('invalid', 'Izvēlieties: pieņemt vai noraidīt.');
    const note = await writeAs(request, db, (ctx) => decideAbsenceNote(ctx, { id: (request.params as { id: string }).id, decision, note: body.piezime }));
    return notesPage(request, reply, decision === 'accept' ? `Zīme pieņemta: attaisnoti kavējumi — ${note.absences}.` : 'Zīme noraidīta.');
  });
}
