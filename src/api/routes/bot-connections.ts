import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { BotService } from '../../bots/bot-service.js';
import { connectionJson, connectionSummaryJson, createdJson, savedJson } from '../bot-json.js';
import {
  AppIdQuery,
  botErrorResponses,
  botSaveErrorResponses,
  ConnectionCreated,
  ConnectionOut,
  ConnectionParams,
  ConnectionSaved,
  ConnectionSummary,
  CreateConnectionBody,
  UpdateConnectionBody,
} from '../schemas/bots.js';
import { appIdOf } from './bot-auth.js';

const tags = ['bots'];

/** List, create, read, update and delete connections (ChatBot's webhook integrations API). */
export const botConnectionRoutes =
  (service: BotService): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/',
      {
        schema: {
          tags,
          summary: "List the app's bot connections",
          querystring: AppIdQuery,
          response: { 200: Type.Array(ConnectionSummary), ...botErrorResponses },
        },
      },
      async (request) =>
        (await service.connections.list(appIdOf(request))).map(connectionSummaryJson),
    );

    app.post(
      '/',
      {
        schema: {
          tags,
          summary: 'Create a connection; the receiver must pass the verification handshake first',
          querystring: AppIdQuery,
          body: CreateConnectionBody,
          response: { 201: ConnectionCreated, ...botSaveErrorResponses },
        },
      },
      async (request, reply) => {
        const created = await service.connections.create(appIdOf(request), request.body as unknown);
        return reply.status(201).send(createdJson(created.id, created.createdAt));
      },
    );

    app.get(
      '/:id',
      {
        schema: {
          tags,
          summary: 'Get a connection',
          params: ConnectionParams,
          querystring: AppIdQuery,
          response: { 200: ConnectionOut, ...botErrorResponses },
        },
      },
      async (request) =>
        connectionJson(await service.connections.get(appIdOf(request), request.params.id)),
    );

    app.put(
      '/:id',
      {
        schema: {
          tags,
          summary: "Replace a connection's settings; a new URL or token is verified again",
          params: ConnectionParams,
          querystring: AppIdQuery,
          body: UpdateConnectionBody,
          response: { 200: ConnectionSaved, ...botSaveErrorResponses },
        },
      },
      async (request) => {
        const saved = await service.connections.update(
          appIdOf(request),
          request.params.id,
          request.body as unknown,
        );
        return savedJson(saved.updatedAt);
      },
    );

    app.delete(
      '/:id',
      {
        schema: {
          tags,
          summary: 'Delete a connection and its invocation history',
          params: ConnectionParams,
          querystring: AppIdQuery,
          response: { 200: ConnectionSaved, ...botErrorResponses },
        },
      },
      async (request) => {
        const deletedAt = await service.connections.delete(appIdOf(request), request.params.id);
        return savedJson(deletedAt);
      },
    );
  };
