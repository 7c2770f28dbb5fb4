using IspPortal.Infrastructure.Backups;
using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Web.Host;

/// <summary>
/// Verbs the web host answers instead of serving: <c>migrate</c> applies migrations and exits,
/// <c>seed-demo</c> migrates and seeds the demo ISP into the configured database.
/// <c>restore --archive PATH</c> puts a backup archive into the configured, empty database and folders (ADR 0016).
/// <c>routeros-sim</c> runs a simulated router and needs no host or database (<see cref="SimulatorCommand"/>).
/// </summary>
public static class PortalCommands
{
    public const string Migrate = "migrate";
    public const string SeedDemo = "seed-demo";
    public const string RouterOsSim = "routeros-sim";
    public const string Restore = "restore";

    /// <summary>The restore verb's <c>--archive PATH</c>, read as configuration key <c>archive</c>.</summary>
    public const string ArchiveKey = "archive";

    private static readonly string[] Known = [Migrate, SeedDemo, Restore];

    public static (string? Command, string[] HostArgs) Parse(string[] args) =>
        args.Length > 0 && Known.Contains(args[0]) ? (args[0], args[1..]) : (null, args);

    public static async Task<int> RunAsync(WebApplication app, string command)
    {
        await using var scope = app.Services.CreateAsyncScope();
        switch (command)
        {
            case Migrate:
                var db = scope.ServiceProvider.GetRequiredService<IspDbContext>();
                await MigrationHistoryCheck.MigrateAsync(scope.ServiceProvider, app.Logger);
                app.Logger.LogInformation("Database is at migration {Migration}", (await db.Database.GetAppliedMigrationsAsync()).LastOrDefault());
                break;
            case SeedDemo:
                await app.PrepareDatabaseAsync(forceDemoSeed: true);
                break;
            case Restore:
                var exitCode = await RestoreAsync(app, scope.ServiceProvider);
                await app.StopAsync();
                return exitCode;
        }
        await app.StopAsync();
        return 0;
    }

    private static async Task<int> RestoreAsync(WebApplication app, IServiceProvider services)
    {
        if (app.Configuration[ArchiveKey] is not { Length: > 0 } archive)
        {
            Console.Error.WriteLine("Usage: restore --archive PATH");
            return 2;
        }
        try
        {
            var manifest = await services.GetRequiredService<PortalRestore>().RestoreAsync(Path.GetFullPath(archive));
            app.Logger.LogInformation("Restored {Archive}: made {CreatedAt} by portal {Version} at migration {Migration}, {Files} files",
                archive, manifest.CreatedAt, manifest.PortalVersion, manifest.Migration, manifest.Parts.Count - 1);
            return 0;
        }
        catch (RestoreRefusedException refused)
        {
            Console.Error.WriteLine($"Restore refused: {refused.Message}");
            return 1;
        }
    }
}
