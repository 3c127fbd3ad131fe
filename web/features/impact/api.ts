/** The impact endpoints, typed by their contracts (common/contracts/impact.ts). */
import type { Static } from 'typebox';
import type * as impact from '../../../common/contracts/impact';
import { request, withQuery } from '../../api/client';

export type ImpactProgramList = Static<typeof impact.ImpactProgramList>;
export type Dashboard = Static<typeof impact.Dashboard>;
export type Card = Static<typeof impact.Card>;
export type Group = Static<typeof impact.Group>;
export type DashboardQuery = Static<typeof impact.DashboardQuery>;
export type DrillQuery = Static<typeof impact.DrillQuery>;
export type DrillList = Static<typeof impact.DrillList>;
export type TargetInput = Static<typeof impact.TargetInput>;
export type ManualResult = Static<typeof impact.ManualResult>;
export type ManualResultList = Static<typeof impact.ManualResultList>;
export type ManualResultQuery = Static<typeof impact.ManualResultQuery>;
export type ManualResultInput = Static<typeof impact.ManualResultInput>;
export type ManualDecisionInput = Static<typeof impact.ManualDecisionInput>;

const base = (code: string) => `/api/impact/programs/${encodeURIComponent(code)}`;

export const impactApi = {
  programs: () => request<ImpactProgramList>('GET', '/api/impact/programs'),
  dashboard: (code: string, query: DashboardQuery) =>
    request<Dashboard>('GET', `${base(code)}/dashboard`, { query }),
  people: (code: string, indicator: string, query: DrillQuery) =>
    request<DrillList>('GET', `${base(code)}/indicators/${indicator}/people`, { query }),
  setTarget: (code: string, indicator: string, body: TargetInput) =>
    request<{ value: number | null }>('PUT', `${base(code)}/indicators/${indicator}/target`, { body }),
  manualResults: (code: string, query: ManualResultQuery) =>
    request<ManualResultList>('GET', `${base(code)}/manual-results`, { query }),
  submitManualResult: (code: string, body: ManualResultInput) =>
    request<ManualResult>('POST', `${base(code)}/manual-results`, { body }),
  resubmitManualResult: (id: string, body: ManualResultInput) =>
    request<ManualResult>('PUT', `/api/impact/manual-results/${encodeURIComponent(id)}`, { body }),
  decideManualResult: (id: string, body: ManualDecisionInput) =>
    request<ManualResult>('POST', `/api/impact/manual-results/${encodeURIComponent(id)}/decision`, { body }),
  /** A plain link: the browser downloads the file with the session cookie. */
  exportUrl: (code: string, query: DashboardQuery, format: 'xlsx' | 'csv' | 'pdf') =>
    withQuery(`${base(code)}/export`, { ...query, format }),
};
