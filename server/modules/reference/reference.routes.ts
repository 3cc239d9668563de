import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../app.ts';

export function registerReferenceRoutes(app: FastifyInstance, deps: RouteDeps) {
  void app;
  void deps;
}
