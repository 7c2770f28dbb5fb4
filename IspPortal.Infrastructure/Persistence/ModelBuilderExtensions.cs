using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IspPortal.Infrastructure.Persistence;

/// <summary>Schema conventions shared by the entity configurations.</summary>
internal static class ModelBuilderExtensions
{
    public const string SensitiveAnnotation = "IspPortal:Sensitive";
    public const string NotAuditedAnnotation = "IspPortal:NotAudited";

    /// <summary>Only the enum's names may be stored (enums are stored as strings).</summary>
    public static TableBuilder<T> HasEnumCheck<T, TEnum>(this TableBuilder<T> table, string column)
        where T : class
        where TEnum : struct, Enum
    {
        var names = string.Join(", ", Enum.GetNames<TEnum>().Select(name => $"'{name}'"));
        table.HasCheckConstraint($"ck_{table.Name}_{column}", $"{column} IN ({names})");
        return table;
    }

    public static TableBuilder<T> HasCoordinateChecks<T>(this TableBuilder<T> table, string latitude = "latitude", string longitude = "longitude")
        where T : class
    {
        table.HasCheckConstraint($"ck_{table.Name}_{latitude}", $"{latitude} BETWEEN -90 AND 90");
        table.HasCheckConstraint($"ck_{table.Name}_{longitude}", $"{longitude} BETWEEN -180 AND 180");
        table.HasCheckConstraint($"ck_{table.Name}_{latitude}_{longitude}_together", $"({latitude} IS NULL) = ({longitude} IS NULL)");
        return table;
    }

    /// <summary>PostgreSQL's <c>xmin</c> as an optimistic concurrency token (no column is created).</summary>
    public static PropertyBuilder<uint> IsXminRowVersion(this PropertyBuilder<uint> property) =>
        property.HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken()
            .HasAnnotation(NotAuditedAnnotation, true);

    /// <summary>Masked as "***" in the audit log.</summary>
    public static PropertyBuilder<TProperty> IsSensitive<TProperty>(this PropertyBuilder<TProperty> property) =>
        property.HasAnnotation(SensitiveAnnotation, true);

    public static bool IsSensitive(this IReadOnlyProperty property) =>
        property.FindAnnotation(SensitiveAnnotation)?.Value is true;

    public static bool IsNotAudited(this IReadOnlyProperty property) =>
        property.FindAnnotation(NotAuditedAnnotation)?.Value is true;

    public static bool IsNotAudited(this IReadOnlyEntityType entityType) =>
        entityType.FindAnnotation(NotAuditedAnnotation)?.Value is true;
}
