import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCalendarYearParams,
  ZCalendarYearResponse,
  ZResetCalendarYearQuery,
  ZSaveCalendarYear,
  ZWorkingDaysQuery,
  ZWorkingDaysResponse,
} from '../../../common/contracts/calendar.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { actorContextOf } from '../../http/request-context.ts';
import { getCalendarYear, previewWorkingDays, resetCalendarYear, saveCalendarYear } from './calendar.service.ts';

const tags = ['calendar'];
const year = { 200: ZCalendarYearResponse };

export function registerCalendarRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Registered before '/:year'; the router prefers the static segment anyway.
  r.get(
    '/api/calendar/working-days',
    { schema: { tags, querystring: ZWorkingDaysQuery, response: { 200: ZWorkingDaysResponse } }, config: { policy: 'calendar.read' } },
    async (req) => previewWorkingDays(db, req.query),
  );

  r.get(
    '/api/calendar/:year',
    { schema: { tags, params: ZCalendarYearParams, response: year }, config: { policy: 'calendar.read' } },
    async (req) => getCalendarYear(db, req.params.year),
  );

  r.put(
    '/api/calendar/:year',
    { schema: { tags, params: ZCalendarYearParams, body: ZSaveCalendarYear, response: year }, config: { policy: 'calendar.manage' } },
    async (req) => saveCalendarYear(db, actorContextOf(req), req.params.year, req.body),
  );

  r.delete(
    '/api/calendar/:year',
    { schema: { tags, params: ZCalendarYearParams, querystring: ZResetCalendarYearQuery, response: year }, config: { policy: 'calendar.manage' } },
    async (req) => resetCalendarYear(db, actorContextOf(req), req.params.year, req.query),
  );
}
