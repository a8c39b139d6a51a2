import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { deploymentStore } from './plugins/rate-limit-store.ts';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context.ts';
import auth from './plugins/auth.ts';
import problemJson, { clientErrorHandler, frameworkErrors } from './plugins/problem-json.ts';
import textGuard from './plugins/text-guard.ts';
import originCheck from './plugins/origin-check.ts';
import { accountRoutes } from './modules/accounts/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { itemRoutes } from './modules/items/routes.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { statsRoutes } from './modules/stats/routes.ts';
import { attachmentRoutes } from './modules/attachments/routes.ts';
import { contentRoutes } from './modules/content/routes.ts';
import { validationRoutes } from './modules/validation/routes.ts';
import { trafficRoutes } from './modules/traffic/routes.ts';
import { applicationRoutes } from './modules/applications/routes.ts';
import { liaisonRoutes } from './modules/liaison/routes.ts';
import { preventionRoutes } from './modules/prevention/routes.ts';
import { cyberRoutes } from './modules/cyber/routes.ts';
import { textCheckRoutes } from './modules/text-checks/routes.ts';
import { caseRoutes } from './modules/cases/routes.ts';
import { installRegistries } from './registries.ts';
import { configureChannels } from './modules/notifications/channels.ts';

/** Builds the whole app without listening, so tests inject requests into exactly what production serves. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  installRegistries();
  configureChannels(ctx.config);
  const app = Fastify({
    logger: { level: ctx.config.logLevel },
    trustProxy: ctx.config.env === 'production',
    bodyLimit: 2 * 1024 * 1024,
    // Errors the router and the HTTP parser raise before any hook runs: problem+json like every other (issue 16).
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const spa = existsSync(ctx.config.webDist);
  await app.register(problemJson, { spa });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"] },
    },
  });
  await app.register(cookie);
  await app.register(originCheck, { publicOrigin: ctx.config.publicOrigin });
  await app.register(rateLimit, { global: false, store: deploymentStore(ctx.database.db, ctx.now) });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '警企通 API', description: 'Police–Enterprise Connect (淄博市公安局 二十条措施)', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'jqt_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(textGuard);
  await app.register(auth, { ctx });

  await app.register(
    async (api) => {
      await api.register(healthRoutes, { ctx });
      await api.register(validationRoutes, { ctx });
      await api.register(calendarRoutes, { ctx });
      await api.register(accountRoutes, { ctx });
      await api.register(itemRoutes, { ctx });
      await api.register(textCheckRoutes, { ctx });
      await api.register(notificationRoutes, { ctx });
      await api.register(auditRoutes, { ctx });
      await api.register(statsRoutes, { ctx });
      await api.register(attachmentRoutes, { ctx });
      await api.register(trafficRoutes, { ctx });
      await api.register(contentRoutes, { ctx });
      await api.register(applicationRoutes, { ctx });
      await api.register(liaisonRoutes, { ctx });
      await api.register(preventionRoutes, { ctx });
      await api.register(cyberRoutes, { ctx });
      await api.register(caseRoutes, { ctx });
    },
    { prefix: '/api/v1' },
  );
  app.get('/api/openapi.json', { config: { access: 'public' } }, async () => app.swagger());

  // The built web app, from the same port (problem-json's 404 handler falls back to its index.html).
  if (spa) await app.register(fastifyStatic, { root: ctx.config.webDist, wildcard: false });
  return app;
}
