/** HTTP for the signed-in user's notifications (/api/me/notifications). Only ever one's own. */
import { errorResponses } from '../../../common/contracts/common';
import {
  NotificationList,
  NotificationListQuery,
  NotificationParams,
  Notification as NotificationSchema,
  ReadAllResult,
} from '../../../common/contracts/notifications';
import { actorOf } from '../../lib/http';
import type { ModuleRoutes } from '../../lib/route';
import { presentNotification } from './presenter';
import * as service from './service';

const tags = ['notifications'];

export const notificationRoutes: ModuleRoutes = (app, ctx) => {
  app.get(
    '/api/me/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first, with the unread count',
        querystring: NotificationListQuery,
        response: { 200: NotificationList, ...errorResponses },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const pageSize = req.query.pageSize ?? 20;
      const { rows, total, unread } = await service.listMine(ctx, actorOf(req).userId, {
        unreadOnly: req.query.unread === true,
        page,
        pageSize,
      });
      return { items: rows.map((n) => presentNotification(n, req.locale)), total, page, pageSize, unread };
    },
  );

  app.post(
    '/api/me/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: NotificationParams,
        response: { 200: NotificationSchema, ...errorResponses },
      },
    },
    async (req) =>
      presentNotification(await service.markRead(ctx, actorOf(req).userId, req.params.id), req.locale),
  );

  app.post(
    '/api/me/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: ReadAllResult, ...errorResponses },
      },
    },
    async (req) => ({ marked: await service.markAllRead(ctx, actorOf(req).userId) }),
  );
};
