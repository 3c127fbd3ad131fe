/**
 * The events API calls and types, from common/contracts/events (types only: no schema code reaches
 * the bundle). The vocabularies are plain values in common/events.ts.
 */
import type { Static } from 'typebox';
import type * as events from '../../../common/contracts/events';
import { request } from '../../api/client';

export type PublicEvent = Static<typeof events.PublicEvent>;
export type PublicEventList = Static<typeof events.PublicEventList>;
export type PublicEventListQuery = Static<typeof events.PublicEventListQuery>;
export type EventDetail = Static<typeof events.EventDetail>;
export type Registration = Static<typeof events.Registration>;
export type StaffEvent = Static<typeof events.StaffEvent>;
export type StaffEventList = Static<typeof events.StaffEventList>;
export type StaffEventListQuery = Static<typeof events.StaffEventListQuery>;
export type CreateEventBody = Static<typeof events.CreateEventBody>;
export type UpdateEventBody = Static<typeof events.UpdateEventBody>;
export type PersonDetails = Static<typeof events.PersonDetails>;
export type RegisterBody = Static<typeof events.RegisterBody>;
export type Participant = Static<typeof events.Participant>;
export type ParticipantList = Static<typeof events.ParticipantList>;
export type ParticipantListQuery = Static<typeof events.ParticipantListQuery>;
export type CheckIn = Static<typeof events.CheckIn>;
export type EventCounts = Static<typeof events.EventCounts>;

const one = (id: string) => `/api/events/${encodeURIComponent(id)}`;

export const eventsApi = {
  list: (query: PublicEventListQuery) => request<PublicEventList>('GET', '/api/events', { query }),
  get: (id: string) => request<EventDetail>('GET', one(id)),
  register: (id: string, body: RegisterBody) =>
    request<Registration>('POST', `${one(id)}/registrations`, { body }),

  staffList: (query: StaffEventListQuery) => request<StaffEventList>('GET', '/api/staff/events', { query }),
  staffGet: (id: string) => request<StaffEvent>('GET', `/api/staff/events/${encodeURIComponent(id)}`),
  create: (body: CreateEventBody) => request<StaffEvent>('POST', '/api/events', { body }),
  update: (id: string, body: UpdateEventBody) => request<StaffEvent>('PATCH', one(id), { body }),

  participants: (id: string, query: ParticipantListQuery) =>
    request<ParticipantList>('GET', `${one(id)}/participants`, { query }),
  checkIn: (id: string, participantId: string) =>
    request<CheckIn>('POST', `${one(id)}/participants/${encodeURIComponent(participantId)}/check-in`),
  walkIn: (id: string, body: PersonDetails) => request<CheckIn>('POST', `${one(id)}/walk-ins`, { body }),

  checkInView: (token: string) =>
    request<CheckIn>('GET', `/api/event-check-ins/${encodeURIComponent(token)}`),
  checkInByToken: (token: string) =>
    request<CheckIn>('POST', `/api/event-check-ins/${encodeURIComponent(token)}`),
};
