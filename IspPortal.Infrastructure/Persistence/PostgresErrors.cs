using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IspPortal.Infrastructure.Persistence;

public sealed class PostgresErrors : IDatabaseErrors
{
    public string? UniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres ? postgres.ConstraintName : null;

    public string? ForeignKeyViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } postgres ? postgres.ConstraintName : null;
}
