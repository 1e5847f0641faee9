import { ApiPropertyOptional } from '@nestjs/swagger';
import { Role, ROLES } from '@tillit/contract';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export class SetRoleDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ description: 'Appointed by a union as its representative: their comments on stages are marked as such' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  unionRep?: boolean;

  @ApiPropertyOptional({
    description: 'Disable the account (it can no longer log in; its sessions end) or enable it again. Only for an account of no other organisation.',
  })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  disabled?: boolean;
}
