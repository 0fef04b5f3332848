-- Creates FlexMail's own SQL Server login, its database and its user there; run once by docker-compose's
-- "sqlserver-init" step as sa (and again at every "docker compose up": it is idempotent and resets the password).
-- The portal then connects as this login, never as sa.
--
-- Rights: the login has no server-level role and no access to any other database. In the FlexMail database it is
-- db_owner, because the portal migrates the schema at start (FlexMail:Database:MigrateOnStart, the default): creating
-- and altering tables, indexes and keys. A deployment that runs the migration script itself (MigrateOnStart=false)
-- can give it db_datareader and db_datawriter only (see README, "SQL Server with Docker Compose").
--
-- sqlcmd reads the scripting variable FLEXMAIL_DB_PASSWORD from the environment.
SET NOCOUNT ON;
GO
IF DB_ID(N'FlexMail') IS NULL
    CREATE DATABASE [FlexMail];
GO
IF SUSER_ID(N'flexmail') IS NULL
    CREATE LOGIN [flexmail] WITH PASSWORD = N'$(FLEXMAIL_DB_PASSWORD)', DEFAULT_DATABASE = [FlexMail], CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [flexmail] WITH PASSWORD = N'$(FLEXMAIL_DB_PASSWORD)';
GO
USE [FlexMail];
GO
IF DATABASE_PRINCIPAL_ID(N'flexmail') IS NULL
    CREATE USER [flexmail] FOR LOGIN [flexmail];
GO
IF IS_ROLEMEMBER(N'db_owner', N'flexmail') = 0
    ALTER ROLE [db_owner] ADD MEMBER [flexmail];
GO
PRINT N'FlexMail login ready: flexmail (db_owner on FlexMail only).';
GO
