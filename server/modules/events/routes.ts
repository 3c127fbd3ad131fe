/**
 * HTTP for events: the public list, page and registration (/api/events), the staff's list and event
 * (/api/staff/events), editing, participants, check-in and walk-ins, and the check-in page of a QR code
 * (/api/event-check-ins/:token). Each handler: validate (contract) → service → presenter.
 */
import { ErrorBody, errorResponses } from '../../../common/contracts/common';
import {
  CheckIn,
  CheckInTokenParams,
  CreateEventBody,
  EventDetail,
  EventParams,
  ParticipantList,
  ParticipantListQuery,
  ParticipantParams,
  PublicEventList,
  PublicEventListQuery,
  RegisterBody,
  Registration,
  StaffEvent,
  StaffEventList,
  StaffEventListQuery,
  UpdateEventBody,
  WalkInBody,
} from '../../../common/contracts/events';
import { actorOf, requestMeta } from '../../lib/http';
import type { ModuleRoutes } from '../../lib/route';
import {
  presentCheckIn,
  presentCounts,
  presentParticipant,
  presentPublicEvent,
  presentRegistration,
  presentStaffEvent,
} from './presenter';
import * as service from './service';

const tags = ['events'];
const conflict = { 409: ErrorBody };
const page = (q: { page?: number; pageSize?: number }) => ({ page: q.page ?? 1, pageSize: q.pageSize ?? 20 });

export const eventRoutes: ModuleRoutes = (app, ctx) => {
  // ---- public ----
  app.get(
    '/api/events',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Events anyone may read (not cancelled): upcoming by default; seats left, no names',
        querystring: PublicEventListQuery,
        response: { 200: PublicEventList, 400: ErrorBody },
      },
    },
    async (req) => {
      const p = page(req.query);
      const { rows, counts, total } = await service.listPublicEvents(ctx, { ...req.query, ...p });
      return { items: rows.map((r) => presentPublicEvent(r, counts.get(r.id), req.locale)), total, ...p };
    },
  );

  app.get(
    '/api/events/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "One event; with a session, the reader's own registration and its QR code",
        params: EventParams,
        response: { 200: EventDetail, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      const { event, counts, myRegistration } = await service.getPublicEvent(
        ctx,
        req.actor ?? null,
        req.params.id,
      );
      return {
        ...presentPublicEvent(event, counts, req.locale),
        myRegistration: myRegistration
          ? presentRegistration(myRegistration.participant, myRegistration.code, true)
          : null,
      };
    },
  );

  app.post(
    '/api/events/:id/registrations',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Register: signed in, with an empty body, as yourself; otherwise as a visitor with your details (matched against the registry). 201 new, 200 already registered',
        params: EventParams,
        body: RegisterBody,
        response: {
          200: Registration,
          201: Registration,
          400: ErrorBody,
          404: ErrorBody,
          409: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const { participant, code, already } = await service.register(
        ctx,
        req.actor ?? null,
        req.params.id,
        req.body,
        requestMeta(req),
      );
      return reply.status(already ? 200 : 201).send(presentRegistration(participant, code, already));
    },
  );

  // ---- staff ----
  app.get(
    '/api/staff/events',
    {
      schema: {
        tags,
        summary:
          'Events the caller runs, with counts: all for NIC staff, their organisations’ for partner admins and trainers',
        querystring: StaffEventListQuery,
        response: { 200: StaffEventList, ...errorResponses },
      },
    },
    async (req) => {
      const p = page(req.query);
      const { rows, counts, total, canEdit } = await service.listStaffEvents(ctx, actorOf(req), {
        ...req.query,
        ...p,
      });
      return {
        items: rows.map((r) =>
          presentStaffEvent(r, counts.get(r.id), req.locale, canEdit(r.organisation_id)),
        ),
        total,
        ...p,
      };
    },
  );

  app.get(
    '/api/staff/events/:id',
    {
      schema: {
        tags,
        summary: 'One event for its staff: the words for editing, counts, whether the caller may edit',
        params: EventParams,
        response: { 200: StaffEvent, ...errorResponses },
      },
    },
    async (req) => {
      const { event, counts, canEdit } = await service.getStaffEvent(ctx, actorOf(req), req.params.id);
      return presentStaffEvent(event, counts, req.locale, canEdit);
    },
  );

  app.post(
    '/api/events',
    {
      schema: {
        tags,
        summary: 'Create an event (NIC staff; a partner admin for its own organisation)',
        body: CreateEventBody,
        response: { 201: StaffEvent, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { event, counts, canEdit } = await service.createEvent(
        ctx,
        actorOf(req),
        req.body,
        requestMeta(req),
      );
      return reply.status(201).send(presentStaffEvent(event, counts, req.locale, canEdit));
    },
  );

  app.patch(
    '/api/events/:id',
    {
      schema: {
        tags,
        summary: 'Edit an event (NIC staff, the organiser’s partner admin); cancel it with status',
        params: EventParams,
        body: UpdateEventBody,
        response: { 200: StaffEvent, ...errorResponses },
      },
    },
    async (req) => {
      const { event, counts, canEdit } = await service.updateEvent(
        ctx,
        actorOf(req),
        req.params.id,
        req.body,
        requestMeta(req),
      );
      return presentStaffEvent(event, counts, req.locale, canEdit);
    },
  );

  app.get(
    '/api/events/:id/participants',
    {
      schema: {
        tags,
        summary: 'Participants with counts (the event’s staff): search by name or short code, filter, sort',
        params: EventParams,
        querystring: ParticipantListQuery,
        response: { 200: ParticipantList, ...errorResponses },
      },
    },
    async (req) => {
      const p = page(req.query);
      const { event, rows, total, counts } = await service.listParticipants(
        ctx,
        actorOf(req),
        req.params.id,
        {
          ...req.query,
          ...p,
        },
      );
      return {
        items: rows.map(presentParticipant),
        total,
        ...p,
        counts: presentCounts(event.capacity, counts),
      };
    },
  );

  app.post(
    '/api/events/:id/participants/:participantId/check-in',
    {
      schema: {
        tags,
        summary: 'Check a participant in (the event’s staff); done before → when and by whom',
        params: ParticipantParams,
        response: { 200: CheckIn, ...errorResponses, ...conflict },
      },
    },
    async (req) => {
      const r = await service.checkInParticipant(
        ctx,
        actorOf(req),
        req.params.id,
        req.params.participantId,
        requestMeta(req),
      );
      return presentCheckIn(r.participant, r.event, r.counts, req.locale, r);
    },
  );

  app.post(
    '/api/events/:id/walk-ins',
    {
      schema: {
        tags,
        summary: 'Someone at the door: registered (matched against the registry) and checked in at once',
        params: EventParams,
        body: WalkInBody,
        response: { 200: CheckIn, 201: CheckIn, ...errorResponses, ...conflict },
      },
    },
    async (req, reply) => {
      const r = await service.walkIn(ctx, actorOf(req), req.params.id, req.body, requestMeta(req));
      return reply
        .status(r.alreadyRegistered ? 200 : 201)
        .send(presentCheckIn(r.participant, r.event, r.counts, req.locale, r));
    },
  );

  app.get(
    '/api/event-check-ins/:token',
    {
      schema: {
        tags,
        summary:
          'The registration a QR code names, for the event’s staff (the page the phone’s camera opens)',
        params: CheckInTokenParams,
        response: { 200: CheckIn, ...errorResponses },
      },
    },
    async (req) => {
      const r = await service.checkInView(ctx, actorOf(req), req.params.token);
      return presentCheckIn(r.participant, r.event, r.counts, req.locale, r);
    },
  );

  app.post(
    '/api/event-check-ins/:token',
    {
      schema: {
        tags,
        summary: 'Check in the registration a QR code names (the event’s staff); idempotent',
        params: CheckInTokenParams,
        response: { 200: CheckIn, ...errorResponses, ...conflict },
      },
    },
    async (req) => {
      const r = await service.checkInByToken(ctx, actorOf(req), req.params.token, requestMeta(req));
      return presentCheckIn(r.participant, r.event, r.counts, req.locale, r);
    },
  );
};
