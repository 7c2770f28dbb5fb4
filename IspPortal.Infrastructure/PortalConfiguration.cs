using IspPortal.Infrastructure.LocalPostgres;
using Microsoft.Extensions.Configuration;

namespace IspPortal.Infrastructure;

/// <summary>Configuration values more than one feature reads, read the same way everywhere.</summary>
public static class PortalConfiguration
{
    public const string PublicUrlKey = "Portal:PublicUrl";
    public const string DefaultPublicUrl = "http://localhost:5000";

    /// <summary>The address customers reach the portal at, for the links in their messages (pay page, ticket page).</summary>
    public static string PublicUrl(this IConfiguration configuration) =>
        configuration[PublicUrlKey] is { Length: > 0 } url ? url : DefaultPublicUrl;

    /// <summary>
    /// Where uploaded files of one kind live: the folder configured under <paramref name="key"/>, else
    /// <paramref name="name"/> in the portal's data directory ($ISPPORTAL_DATA, else <c>.data</c>).
    /// </summary>
    public static string StorageFolder(this IConfiguration configuration, string key, string name) =>
        configuration[key] is { Length: > 0 } folder ? folder
            : Path.Combine(configuration[LocalPostgresHosting.DataDirectoryVariable] is { Length: > 0 } data ? data : ".data", name);

    public static string DatabaseConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(DependencyInjection.ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{DependencyInjection.ConnectionStringName} is not set.");

    /// <summary>
    /// The portal's queries with PostgreSQL's JIT compilation off, unless the connection string sets its own options: the
    /// reports' aggregates over millions of rows cross the JIT's cost threshold and spent more time compiling (0.6 s of the
    /// aging's 1.5 s over two years of 100,000 customers) than the compiled code saved. Results are the same either way.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Options))
            builder.Options = "-c jit=off";
        return builder.ConnectionString;
    }
}
