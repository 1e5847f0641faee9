import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { InstallationService } from './installation.service';
import { InvitationsController } from './invitations.controller';
import { PasswordResetsRepository } from './password-resets.repository';
import { PasswordsController } from './passwords.controller';
import { PasswordsService } from './passwords.service';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  controllers: [AuthController, UsersController, InvitationsController, PasswordsController],
  providers: [
    AuthService,
    AuthRepository,
    UsersService,
    InvitationsService,
    InvitationsRepository,
    InstallationService,
    PasswordsService,
    PasswordResetsRepository,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, AuthRepository, InvitationsService, InstallationService, PasswordsService],
})
export class AuthModule {}
