import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { OrganisationResponse } from '@tillit/contract';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuthContext } from '../common/auth-context';
import { CurrentAuth, RequirePermission } from '../common/auth.decorators';
import { ORGANISATION_SCHEMA } from '../common/openapi-schemas';
import { OrganisationSettingsService } from './organisation-settings.service';

export class UpdateOrganisationDto {
  @ApiProperty({ example: 'Exempelkommunen', minLength: 1, maxLength: 200 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name!: string;
}

/** The signed-in user's organisation: what its admin sees and may change. No route creates one (the CLI does). */
@ApiTags('organisation')
@Controller('organisation')
export class OrganisationSettingsController {
  constructor(private readonly settings: OrganisationSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Read your organisation’s settings', operationId: 'getOrganisation' })
  @RequirePermission('organisation.manage')
  @ApiOkResponse({ description: 'The organisation', schema: ORGANISATION_SCHEMA })
  get(@CurrentAuth() auth: AuthContext): Promise<OrganisationResponse> {
    return this.settings.get(auth.organisationId);
  }

  @Patch()
  @ApiOperation({ summary: 'Rename your organisation', operationId: 'updateOrganisation' })
  @RequirePermission('organisation.manage')
  @ApiOkResponse({ description: 'The organisation with its new name', schema: ORGANISATION_SCHEMA })
  @ApiErrors(400)
  update(@CurrentAuth() auth: AuthContext, @Body() dto: UpdateOrganisationDto): Promise<OrganisationResponse> {
    return this.settings.rename(auth, dto.name);
  }
}
