using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Common;

/// <summary>Reads what the database refused, so use cases can rely on constraints for uniqueness.</summary>
public interface IDatabaseErrors
{
    /// <summary>The name of the unique constraint or index the save violated, or null.</summary>
    string? UniqueViolation(DbUpdateException exception);

    /// <summary>The name of the foreign key that still references a deleted row, or null.</summary>
    string? ForeignKeyViolation(DbUpdateException exception);
}
