import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Type as ClassType } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { z } from 'zod';
import { AuthContext } from '../../common/auth-context';
import { CurrentAuth, RequirePermission } from '../../common/auth.decorators';
import { Permission } from '../../auth/permissions';
import { ApiErrors } from '../../common/api-errors.decorator';
import { keyParamPipe } from '../../common/key-param.pipe';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { ModelService, Versioned } from './model.service';
import { ResourceSpec } from './resource-spec';

export class VersionQueryDto {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version!: number;
}

/** A plan-format id in a path: 1 to 100 characters. */

/**
 * The routes of one plan entity: list, create, read, update (with the version last read) and delete
 * (with the version, as a query parameter). Thin: each calls ModelService with the resource's spec.
 */
export function resourceController(spec: ResourceSpec, permissions: { read: Permission; write: Permission }): ClassType<unknown> {
  const createSchema = z.toJSONSchema(spec.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const outputSchema = z.toJSONSchema(spec.schema, { io: 'output', unrepresentable: 'any' }) as { properties?: object; required?: string[] };
  const versioned = {
    type: 'object',
    properties: { ...outputSchema.properties, version: { type: 'integer', minimum: 1, description: 'Send it back with an update or delete' } },
    required: [...(outputSchema.required ?? []), 'version'],
  };
  const plural = spec.path.replace(/-/g, ' ');
  const a = /^[aeiou]/.test(spec.name) ? 'an' : 'a';
  const pascal = (words: string) => words.replace(/(^|\s)(\w)/g, (_m, _s, c: string) => c.toUpperCase());
  const patchSchema = {
    type: 'object',
    required: ['version'],
    properties: { version: { type: 'integer', minimum: 1, description: 'The version last read' }, ...outputSchema.properties },
    description: 'The version last read and any of the fields to change (not id); null removes an optional field',
  };

  @ApiTags('model')
  @Controller(`plans/:id/${spec.path}`)
  class ResourceController {
    constructor(readonly model: ModelService) {}

    @Get()
    @ApiOperation({ summary: `List the ${plural} of a plan`, operationId: `list${pascal(plural)}` })
    @RequirePermission(permissions.read)
    @ApiOkResponse({ description: `Every ${spec.name} of the plan, with its version`, schema: { type: 'array', items: versioned } })
    @ApiErrors(400, 404)
    list(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string): Promise<Versioned[]> {
      return this.model.list(auth, id, spec);
    }

    @Post()
    @ApiOperation({ summary: `Create ${a} ${spec.name}`, operationId: `create${pascal(spec.name)}` })
    @RequirePermission(permissions.write)
    @ApiBody({ description: `A ${spec.name} in the plan format`, schema: createSchema })
    @ApiCreatedResponse({ description: `The ${spec.name}, at version 1`, schema: versioned })
    @ApiErrors(400, 404)
    create(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Body() body: unknown): Promise<Versioned> {
      return this.model.create(auth, id, body, spec);
    }

    @Get(':key')
    @ApiOperation({ summary: `Get ${a} ${spec.name}`, operationId: `get${pascal(spec.name)}` })
    @RequirePermission(permissions.read)
    @ApiOkResponse({ description: `The ${spec.name}, with its version`, schema: versioned })
    @ApiErrors(400, 404)
    get(@CurrentAuth() auth: AuthContext, @Param('id', new UuidParamPipe()) id: string, @Param('key', keyParamPipe) key: string): Promise<Versioned> {
      return this.model.get(auth, id, key, spec);
    }

    @Patch(':key')
    @ApiOperation({ summary: `Update ${a} ${spec.name}`, operationId: `update${pascal(spec.name)}` })
    @RequirePermission(permissions.write)
    @ApiBody({ description: `{ version, ...fields to change } of the ${spec.name}`, schema: patchSchema })
    @ApiOkResponse({ description: `The ${spec.name}, at its new version`, schema: versioned })
    @ApiErrors(400, 404, 409)
    update(
      @CurrentAuth() auth: AuthContext,
      @Param('id', new UuidParamPipe()) id: string,
      @Param('key', keyParamPipe) key: string,
      @Body() body: unknown,
    ): Promise<Versioned> {
      return this.model.update(auth, id, key, body, spec);
    }

    @Delete(':key')
    @ApiOperation({ summary: `Delete ${a} ${spec.name}`, operationId: `delete${pascal(spec.name)}` })
    @RequirePermission(permissions.write)
    @HttpCode(204)
    @ApiNoContentResponse({ description: `The ${spec.name} is gone (refused with 400 while anything still refers to it)` })
    @ApiErrors(400, 404, 409)
    delete(
      @CurrentAuth() auth: AuthContext,
      @Param('id', new UuidParamPipe()) id: string,
      @Param('key', keyParamPipe) key: string,
      @Query() query: VersionQueryDto,
    ): Promise<void> {
      return this.model.delete(auth, id, key, query.version, spec);
    }
  }
  Object.defineProperty(ResourceController, 'name', {
    value: `${spec.path.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}Controller`,
  });
  return ResourceController;
}
