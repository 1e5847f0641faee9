import { ApiProperty } from '@nestjs/swagger';
import { Role, ROLES } from '@tillit/contract';
import { IsIn } from 'class-validator';

export class SetRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role!: Role;
}
